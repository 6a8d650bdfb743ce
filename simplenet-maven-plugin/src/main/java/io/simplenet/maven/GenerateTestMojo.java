package io.simplenet.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Compiles the {@code .channel} schemas of {@code src/test/channel} into test Java sources (added
 * to the test compile source roots) and test resources. Incremental: when nothing changed, nothing
 * is written. Skipped by {@code -Dmaven.test.skip=true} as well as {@code -Dsimplenet.skip=true}.
 *
 * @since 0.1.0
 */
@Mojo(
    name = "generate-test",
    defaultPhase = LifecyclePhase.GENERATE_TEST_SOURCES,
    requiresDependencyResolution = ResolutionScope.NONE,
    threadSafe = true)
public class GenerateTestMojo extends AbstractGenerateMojo {

  /**
   * The directory holding the test schemas; imports are relative to it. If it does not exist there
   * is nothing to compile.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "simplenet.testSourceDirectory",
      defaultValue = "${project.basedir}/src/test/channel")
  File sourceDirectory;

  /**
   * Where generated test Java sources are written; added to the test compile source roots.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "simplenet.testOutputDirectory",
      defaultValue = "${project.build.directory}/generated-test-sources/simplenet")
  File outputDirectory;

  /**
   * Where generated test {@code .proto} files and descriptor sets are written; added to the test
   * resources.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "simplenet.testResourceOutputDirectory",
      defaultValue = "${project.build.directory}/generated-test-resources/simplenet")
  File resourceOutputDirectory;

  /**
   * Maven's switch for skipping the compilation of tests; it skips this goal too.
   *
   * @since 0.1.0
   */
  @Parameter(property = "maven.test.skip", defaultValue = "false")
  boolean mavenTestSkip;

  @Override
  boolean isSkipped() {
    return super.isSkipped() || mavenTestSkip;
  }

  @Override
  File sourceDirectory() {
    return sourceDirectory;
  }

  @Override
  File outputDirectory() {
    return outputDirectory;
  }

  @Override
  File resourceOutputDirectory() {
    return resourceOutputDirectory;
  }

  @Override
  void register(String sourceRoot, String resourceDirectory) {
    project.addTestCompileSourceRoot(sourceRoot);
    addResourceOnce(project.getTestResources(), resourceDirectory);
  }
}

package io.simplenet.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Compiles the {@code .channel} schemas of {@code src/main/channel} into Java sources (added to the
 * compile source roots) and resources ({@code .proto} files and descriptor sets, added to the
 * resources). Incremental: when nothing changed, nothing is written.
 *
 * @since 0.1.0
 */
@Mojo(
    name = "generate",
    defaultPhase = LifecyclePhase.GENERATE_SOURCES,
    requiresDependencyResolution = ResolutionScope.NONE,
    threadSafe = true)
public class GenerateMojo extends AbstractGenerateMojo {

  /**
   * The directory holding the schemas; imports are relative to it. If it does not exist there is
   * nothing to compile.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "simplenet.sourceDirectory",
      defaultValue = "${project.basedir}/src/main/channel")
  File sourceDirectory;

  /**
   * Where generated Java sources are written; added to the compile source roots.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "simplenet.outputDirectory",
      defaultValue = "${project.build.directory}/generated-sources/simplenet")
  File outputDirectory;

  /**
   * Where generated {@code .proto} files and descriptor sets are written; added to the resources.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "simplenet.resourceOutputDirectory",
      defaultValue = "${project.build.directory}/generated-resources/simplenet")
  File resourceOutputDirectory;

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
    project.addCompileSourceRoot(sourceRoot);
    addResourceOnce(project.getResources(), resourceDirectory);
  }
}

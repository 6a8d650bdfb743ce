package io.simplenet.maven;

import io.simplenet.compiler.Diagnostic;
import io.simplenet.compiler.SchemaCompiler;
import io.simplenet.maven.internal.IncrementalGenerator;
import io.simplenet.maven.internal.Outcome;
import io.simplenet.maven.internal.SchemaSelector;
import io.simplenet.maven.internal.Sha256;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What {@code generate} and {@code generate-test} share: selecting schemas, running the incremental
 * build, reporting diagnostics and registering the output directories with the project. Subclasses
 * only supply their directories and how to register them.
 */
abstract class AbstractGenerateMojo extends AbstractMojo {

  /**
   * Ant-style patterns, relative to the source directory, of the schemas to compile. Imported files
   * are compiled too, whether or not they match.
   *
   * @since 0.1.0
   */
  @Parameter(property = "simplenet.includes", defaultValue = "**/*.channel")
  List<String> includes;

  /**
   * Ant-style patterns, relative to the source directory, of files not to compile even though they
   * match {@link #includes}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "simplenet.excludes")
  List<String> excludes;

  /**
   * Skips the goal: nothing is compiled and no directory is registered.
   *
   * @since 0.1.0
   */
  @Parameter(property = "simplenet.skip", defaultValue = "false")
  boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
  MojoExecution mojoExecution;

  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  PluginDescriptor plugin;

  /** The directory holding the schemas. */
  abstract File sourceDirectory();

  /** Where generated {@code .java} files go. */
  abstract File outputDirectory();

  /** Where generated {@code .proto} files and descriptor sets go. */
  abstract File resourceOutputDirectory();

  /** Whether this goal is skipped; the test goal also honours {@code maven.test.skip}. */
  boolean isSkipped() {
    return skip;
  }

  /**
   * Adds {@code sourceRoot} to the project's (main or test) compile source roots and {@code
   * resourceDirectory} to its resources, with {@link #addResourceOnce}.
   */
  abstract void register(String sourceRoot, String resourceDirectory);

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (isSkipped()) {
      getLog().info("simplenet: skipped");
      return;
    }
    Path basedir = project.getBasedir().toPath();
    Path sourceDirectory = sourceDirectory().toPath();
    SchemaCompiler compiler =
        SchemaCompiler.builder().sourceRoot(sourceDirectory).displayBase(basedir).build();
    IncrementalGenerator generator =
        IncrementalGenerator.builder()
            .sourceDirectory(sourceDirectory)
            .outputDirectory(outputDirectory().toPath())
            .resourceOutputDirectory(resourceOutputDirectory().toPath())
            .stateFile(stateFile())
            // An unconfigured list parameter without a default is injected as null.
            .selector(new SchemaSelector(includes, excludes == null ? List.of() : excludes))
            .generatorVersion(generatorVersion())
            .compiler(compiler::compile)
            .build();
    Outcome outcome;
    try {
      outcome = generator.run();
    } catch (IOException e) {
      throw new MojoExecutionException(
          "simplenet: cannot generate from " + display(sourceDirectory) + ": " + e, e);
    }
    report(outcome, sourceDirectory);
  }

  private void report(Outcome outcome, Path sourceDirectory) throws MojoFailureException {
    for (Diagnostic diagnostic : outcome.diagnostics()) {
      if (diagnostic.severity() == Diagnostic.Severity.ERROR) {
        getLog().error(diagnostic.format());
      } else {
        getLog().warn(diagnostic.format());
      }
    }
    switch (outcome.status()) {
      case FAILED -> {
        long errors = outcome.count(Diagnostic.Severity.ERROR);
        throw new MojoFailureException(count(errors, "error") + " in .channel files; see above");
      }
      case NO_SCHEMAS -> {
        String where = display(sourceDirectory);
        getLog()
            .info(
                Files.isDirectory(sourceDirectory)
                    ? "simplenet: no schemas in " + where + ", nothing to compile"
                    : "simplenet: " + where + " does not exist, nothing to compile");
        if (outcome.removed() > 0) {
          getLog()
              .info(
                  "simplenet: removed " + count(outcome.removed(), "file") + " of earlier builds");
        }
        return;
      }
      case UP_TO_DATE ->
          getLog()
              .info(
                  "simplenet: "
                      + count(outcome.schemaCount(), "schema")
                      + " up to date, nothing written");
      case GENERATED ->
          getLog()
              .info(
                  "simplenet: compiled "
                      + count(outcome.schemaCount(), "schema")
                      + ", wrote "
                      + count(outcome.written(), "file")
                      + ", removed "
                      + count(outcome.removed(), "file"));
    }
    registerOutputs();
  }

  /**
   * Registers the output directories; on every run, because each build starts with a fresh model.
   */
  private void registerOutputs() {
    register(outputDirectory().getAbsolutePath(), resourceOutputDirectory().getAbsolutePath());
  }

  /**
   * Adds {@code directory} to {@code resources} unless it is there already: unlike source roots,
   * Maven does not deduplicate resources, and m2e may run a goal many times on one model.
   */
  static void addResourceOnce(List<Resource> resources, String directory) {
    if (resources.stream().noneMatch(r -> directory.equals(r.getDirectory()))) {
      Resource resource = new Resource();
      resource.setDirectory(directory);
      resources.add(resource);
    }
  }

  /**
   * {@code target/simplenet/<execution>-<goal>.state}: one per execution, so they never collide.
   */
  private Path stateFile() {
    String name = mojoExecution.getExecutionId() + "-" + mojoExecution.getGoal();
    return Path.of(
        project.getBuild().getDirectory(),
        "simplenet",
        name.replaceAll("[^A-Za-z0-9._-]", "_") + ".state");
  }

  /**
   * The plugin's version; for a snapshot also the digest of its jar (or classes directory), so a
   * changed snapshot plugin regenerates even though its version did not change.
   */
  private String generatorVersion() throws MojoExecutionException {
    String version = plugin.getVersion();
    File artifact =
        plugin.getPluginArtifact() == null ? null : plugin.getPluginArtifact().getFile();
    if (!version.endsWith("-SNAPSHOT") || artifact == null) {
      return version;
    }
    try {
      return version + "+" + Sha256.ofArchive(artifact.toPath());
    } catch (IOException e) {
      throw new MojoExecutionException("simplenet: cannot read the plugin artifact " + artifact, e);
    }
  }

  /** {@code path} relative to the project's base directory when it is inside it. */
  private String display(Path path) {
    Path basedir = project.getBasedir().toPath().toAbsolutePath();
    Path absolute = path.toAbsolutePath();
    return absolute.startsWith(basedir)
        ? basedir.relativize(absolute).toString()
        : absolute.toString();
  }

  /** {@code 1 error}, {@code 2 errors}. */
  static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}

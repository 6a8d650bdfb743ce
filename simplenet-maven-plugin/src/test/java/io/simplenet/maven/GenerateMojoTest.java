package io.simplenet.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the goals against a real {@link MavenProject} in a temporary directory. */
class GenerateMojoTest {
  private static final String A_SCHEMA = "package test.a;\nmessage A { string s = 1; }\n";

  @TempDir Path basedir;
  private MavenProject project;
  private final RecordingLog log = new RecordingLog();

  @BeforeEach
  void createProject() throws IOException {
    project = new MavenProject();
    project.setFile(basedir.resolve("pom.xml").toFile());
    project.getBuild().setDirectory(basedir.resolve("target").toString());
    writeSchema("src/main/channel/a.channel", A_SCHEMA);
  }

  private void writeSchema(String path, String text) throws IOException {
    Path schema = basedir.resolve(path);
    Files.createDirectories(schema.getParent());
    Files.writeString(schema, text);
  }

  @Test
  void skipCompilesAndRegistersNothing() throws Exception {
    GenerateMojo mojo = generate();
    mojo.skip = true;

    mojo.execute();

    assertEquals(List.of("INFO simplenet: skipped"), log.lines);
    assertFalse(Files.exists(basedir.resolve("target")));
    assertFalse(project.getCompileSourceRoots().contains(mojo.outputDirectory.getAbsolutePath()));
  }

  @Test
  void testGoalHonoursMavenTestSkip() throws Exception {
    writeSchema("src/test/channel/a.channel", A_SCHEMA);
    GenerateTestMojo mojo = generateTest();
    mojo.mavenTestSkip = true;

    mojo.execute();

    assertEquals(List.of("INFO simplenet: skipped"), log.lines);
    assertFalse(Files.exists(basedir.resolve("target")));
  }

  @Test
  void missingSourceDirectoryIsNotAnErrorAndRegistersNothing() throws Exception {
    GenerateTestMojo mojo = generateTest();

    mojo.execute();

    assertEquals(
        List.of("INFO simplenet: src/test/channel does not exist, nothing to compile"), log.lines);
    assertFalse(
        project.getTestCompileSourceRoots().contains(mojo.outputDirectory.getAbsolutePath()));
    assertTrue(project.getTestResources().isEmpty());
  }

  @Test
  void excludedEverythingRegistersNothing() throws Exception {
    GenerateMojo mojo = generate();
    mojo.excludes = List.of("**");

    mojo.execute();

    assertEquals(
        List.of("INFO simplenet: no schemas in src/main/channel, nothing to compile"), log.lines);
    assertTrue(project.getResources().isEmpty());
  }

  @Test
  void generatesRegistersOutputsAndIsUpToDateNextTime() throws Exception {
    GenerateMojo mojo = generate();

    mojo.execute();
    generate().execute();

    assertEquals(
        List.of(
            "INFO simplenet: compiled 1 schema, wrote 4 files, removed 0 files",
            "INFO simplenet: 1 schema up to date, nothing written"),
        log.lines);
    assertTrue(Files.isRegularFile(mojo.outputDirectory.toPath().resolve("test/a/A.java")));
    assertTrue(Files.isRegularFile(basedir.resolve("target/simplenet/default-generate.state")));
    assertEquals(
        1,
        project.getCompileSourceRoots().stream()
            .filter(mojo.outputDirectory.getAbsolutePath()::equals)
            .count());
    assertEquals(
        List.of(mojo.resourceOutputDirectory.getAbsolutePath()),
        project.getResources().stream().map(Resource::getDirectory).toList());
  }

  @Test
  void testGoalRegistersTestSourcesAndTestResources() throws Exception {
    writeSchema("src/test/channel/a.channel", A_SCHEMA);
    GenerateTestMojo mojo = generateTest();

    mojo.execute();

    assertTrue(
        project.getTestCompileSourceRoots().contains(mojo.outputDirectory.getAbsolutePath()));
    assertFalse(project.getCompileSourceRoots().contains(mojo.outputDirectory.getAbsolutePath()));
    assertEquals(
        List.of(mojo.resourceOutputDirectory.getAbsolutePath()),
        project.getTestResources().stream().map(Resource::getDirectory).toList());
    assertTrue(project.getResources().isEmpty());
    assertTrue(
        Files.isRegularFile(basedir.resolve("target/simplenet/default-generate-test.state")));
  }

  @Test
  void everyErrorIsLoggedThenTheGoalFailsOnceWithTheCount() throws IOException {
    writeSchema(
        "src/main/channel/a.channel",
        "package test.a;\nmessage A {\n  Missing m = 1;\n  string s = 2\n}\n");

    MojoFailureException failure = assertThrows(MojoFailureException.class, generate()::execute);

    assertEquals("2 errors in .channel files; see above", failure.getMessage());
    assertEquals(2, log.lines.size(), String.join("\n", log.lines));
    assertTrue(
        log.lines.get(0).startsWith("ERROR src/main/channel/a.channel:3:3: error: "),
        log.lines.get(0));
    assertTrue(log.lines.get(0).endsWith("\n    Missing m = 1;\n    ^"), log.lines.get(0));
    assertTrue(
        log.lines.get(1).startsWith("ERROR src/main/channel/a.channel:4:15: error: "),
        log.lines.get(1));
    assertTrue(project.getCompileSourceRoots().isEmpty());
    assertFalse(Files.exists(basedir.resolve("target")));
  }

  @Test
  void oneErrorIsCountedInTheSingular() throws IOException {
    writeSchema("src/main/channel/a.channel", "package test.a;\nmessage A { B b = 1; }\n");

    MojoFailureException failure = assertThrows(MojoFailureException.class, generate()::execute);

    assertEquals("1 error in .channel files; see above", failure.getMessage());
  }

  @Test
  void changedSnapshotPluginRegeneratesButARepackagedOneDoesNot() throws Exception {
    Path jar = basedir.resolve("plugin.jar");
    writeJar(jar, "first build", 1_000);
    snapshotPlugin(generate(), jar).execute();
    writeJar(jar, "first build", 2_000_000);
    snapshotPlugin(generate(), jar).execute();
    writeJar(jar, "second build", 1_000);

    snapshotPlugin(generate(), jar).execute();

    assertEquals(
        List.of(
            "INFO simplenet: compiled 1 schema, wrote 4 files, removed 0 files",
            "INFO simplenet: 1 schema up to date, nothing written",
            "INFO simplenet: compiled 1 schema, wrote 0 files, removed 0 files"),
        log.lines);
  }

  /** A jar holding one class file with {@code content}, its entry stamped {@code time}. */
  private static void writeJar(Path jar, String content, long time) throws IOException {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      JarEntry entry = new JarEntry("io/simplenet/Plugin.class");
      entry.setTime(time);
      out.putNextEntry(entry);
      out.write(content.getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
  }

  private GenerateMojo generate() {
    GenerateMojo mojo = new GenerateMojo();
    mojo.sourceDirectory = basedir.resolve("src/main/channel").toFile();
    mojo.outputDirectory = target("generated-sources/simplenet");
    mojo.resourceOutputDirectory = target("generated-resources/simplenet");
    configure(mojo, "generate");
    return mojo;
  }

  private GenerateTestMojo generateTest() {
    GenerateTestMojo mojo = new GenerateTestMojo();
    mojo.sourceDirectory = basedir.resolve("src/test/channel").toFile();
    mojo.outputDirectory = target("generated-test-sources/simplenet");
    mojo.resourceOutputDirectory = target("generated-test-resources/simplenet");
    configure(mojo, "generate-test");
    return mojo;
  }

  /** What Maven injects: the defaults of the shared parameters, the project and the execution. */
  private void configure(AbstractGenerateMojo mojo, String goal) {
    mojo.includes = List.of("**/*.channel");
    mojo.project = project;
    MojoDescriptor descriptor = new MojoDescriptor();
    descriptor.setGoal(goal);
    mojo.mojoExecution = new MojoExecution(descriptor, "default");
    mojo.plugin = new PluginDescriptor();
    mojo.plugin.setVersion("0.1.0");
    mojo.setLog(log);
  }

  private static GenerateMojo snapshotPlugin(GenerateMojo mojo, Path jar) {
    mojo.plugin.setVersion("0.1.0-SNAPSHOT");
    Artifact artifact =
        new DefaultArtifact(
            "io.simplenet",
            "simplenet-maven-plugin",
            "0.1.0-SNAPSHOT",
            "compile",
            "maven-plugin",
            null,
            new DefaultArtifactHandler("maven-plugin"));
    artifact.setFile(jar.toFile());
    mojo.plugin.setPluginArtifact(artifact);
    return mojo;
  }

  private File target(String path) {
    return basedir.resolve("target").resolve(path).toFile();
  }
}

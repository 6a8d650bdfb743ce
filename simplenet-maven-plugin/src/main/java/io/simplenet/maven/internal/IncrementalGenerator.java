package io.simplenet.maven.internal;

import io.simplenet.compiler.CompileResult;
import io.simplenet.compiler.GeneratedFile;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Compiles the selected schemas of one source directory only when something changed, and then
 * touches only the outputs that changed.
 *
 * <p>A run is skipped when a SHA-256 digest over the generator version, the configuration (source
 * and output directories, includes, excludes), the selected schema paths, the content of every
 * schema the previous compilation read (imports included) and the previous outputs equals the
 * digest in the {@link BuildState} file, and every previous output is still on disk with its
 * recorded content. Otherwise the schemas are compiled; only files whose content differs from the
 * disk are written (so unchanged files keep their timestamps and javac stays incremental), outputs
 * of the previous build that are no longer generated are deleted along with directories left empty,
 * and the state is rewritten. When the compiler reports errors nothing is written or deleted.
 *
 * <p>Instances are immutable; concurrent runs must use different state files and output
 * directories.
 */
public final class IncrementalGenerator {
  /** Stands for the content hash of an input that no longer exists. */
  private static final String MISSING = "missing";

  private final Path sourceDirectory;
  private final Map<GeneratedFile.Kind, Path> roots;
  private final Path stateFile;
  private final SchemaSelector selector;
  private final String generatorVersion;
  private final Function<List<String>, CompileResult> compiler;

  private IncrementalGenerator(Builder builder) {
    this.sourceDirectory = absolute(builder.sourceDirectory, "sourceDirectory");
    Map<GeneratedFile.Kind, Path> roots = new EnumMap<>(GeneratedFile.Kind.class);
    roots.put(GeneratedFile.Kind.JAVA_SOURCE, absolute(builder.outputDirectory, "outputDirectory"));
    roots.put(
        GeneratedFile.Kind.RESOURCE,
        absolute(builder.resourceOutputDirectory, "resourceOutputDirectory"));
    this.roots = Map.copyOf(roots);
    this.stateFile = absolute(builder.stateFile, "stateFile");
    this.selector = Objects.requireNonNull(builder.selector, "selector == null");
    this.generatorVersion =
        Objects.requireNonNull(builder.generatorVersion, "generatorVersion == null");
    this.compiler = Objects.requireNonNull(builder.compiler, "compiler == null");
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Brings the outputs up to date with the schemas.
   *
   * @throws IOException if a schema, output or the state file cannot be read or written
   */
  public Outcome run() throws IOException {
    List<String> schemas = selector.select(sourceDirectory);
    BuildState previous = BuildState.read(stateFile);
    if (schemas.isEmpty()) {
      int removed = previous == null ? 0 : removeStale(previous, Set.of());
      Files.deleteIfExists(stateFile);
      return new Outcome(Outcome.Status.NO_SCHEMAS, 0, 0, removed, List.of());
    }

    Collection<String> previousInputs = previous == null ? List.of() : previous.inputs().keySet();
    SortedMap<String, String> currentHashes = hashInputs(union(schemas, previousInputs));
    if (previous != null && isUpToDate(previous, schemas, currentHashes)) {
      return new Outcome(Outcome.Status.UP_TO_DATE, currentHashes.size(), 0, 0, List.of());
    }

    CompileResult result = compiler.apply(schemas);
    Set<String> read = union(schemas, relativize(result.inputs()));
    if (result.hasErrors()) {
      return new Outcome(Outcome.Status.FAILED, read.size(), 0, 0, result.diagnostics());
    }
    // Keep the hashes taken before compiling: a schema edited meanwhile then differs next time.
    SortedMap<String, String> inputs = new TreeMap<>(currentHashes);
    inputs.keySet().retainAll(read);
    inputs.putAll(hashInputs(read.stream().filter(path -> !inputs.containsKey(path)).toList()));

    int written = 0;
    List<BuildState.Output> outputs = new ArrayList<>();
    Set<Path> produced = new HashSet<>();
    for (GeneratedFile file : result.files()) {
      Path target = resolveInside(roots.get(file.kind()), file.path());
      byte[] content = file.content();
      if (!hasContent(target, content)) {
        Files.createDirectories(target.getParent());
        Files.write(target, content);
        written++;
      }
      produced.add(target);
      outputs.add(new BuildState.Output(file.kind(), file.path(), Sha256.of(content)));
    }
    int removed = previous == null ? 0 : removeStale(previous, produced);

    new BuildState(digest(schemas, inputs, outputs), roots, inputs, outputs).write(stateFile);
    return new Outcome(
        Outcome.Status.GENERATED, inputs.size(), written, removed, result.diagnostics());
  }

  private boolean isUpToDate(
      BuildState previous, List<String> schemas, SortedMap<String, String> currentHashes)
      throws IOException {
    if (!digest(schemas, currentHashes, previous.outputs()).equals(previous.digest())) {
      return false;
    }
    for (BuildState.Output output : previous.outputs()) {
      Path file = previous.locate(output);
      if (!Files.isRegularFile(file) || !Sha256.ofFile(file).equals(output.sha256())) {
        return false;
      }
    }
    return true;
  }

  /** The digest over everything that determines the outputs; see the class comment. */
  private String digest(
      List<String> schemas, SortedMap<String, String> inputs, List<BuildState.Output> outputs)
      throws IOException {
    MessageDigest digest = Sha256.newDigest();
    // Every string is length-prefixed and every list count-prefixed, so no two recipes collide.
    try (DataOutputStream out =
        new DataOutputStream(new DigestOutputStream(OutputStream.nullOutputStream(), digest))) {
      out.writeUTF(BuildState.HEADER);
      out.writeUTF(generatorVersion);
      out.writeUTF(sourceDirectory.toString());
      for (Map.Entry<GeneratedFile.Kind, Path> root : new TreeMap<>(roots).entrySet()) {
        out.writeUTF(root.getKey().name());
        out.writeUTF(root.getValue().toString());
      }
      writeStrings(out, selector.includes());
      writeStrings(out, selector.excludes());
      writeStrings(out, schemas);
      out.writeInt(inputs.size());
      for (Map.Entry<String, String> input : inputs.entrySet()) {
        out.writeUTF(input.getKey());
        out.writeUTF(input.getValue());
      }
      out.writeInt(outputs.size());
      for (BuildState.Output output : outputs) {
        out.writeUTF(output.kind().name());
        out.writeUTF(output.path());
        out.writeUTF(output.sha256());
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void writeStrings(DataOutputStream out, List<String> strings) throws IOException {
    out.writeInt(strings.size());
    for (String string : strings) {
      out.writeUTF(string);
    }
  }

  private SortedMap<String, String> hashInputs(Collection<String> paths) throws IOException {
    SortedMap<String, String> hashes = new TreeMap<>();
    for (String path : paths) {
      Path file = sourceDirectory.resolve(path);
      hashes.put(path, Files.isRegularFile(file) ? Sha256.ofFile(file) : MISSING);
    }
    return hashes;
  }

  /** The compiler's inputs as paths relative to the source directory (absolute if outside it). */
  private List<String> relativize(List<Path> inputs) {
    return inputs.stream()
        .map(input -> sourceDirectory.resolve(input).normalize())
        .map(
            input ->
                input.startsWith(sourceDirectory)
                    ? sourceDirectory.relativize(input).toString().replace('\\', '/')
                    : input.toString())
        .toList();
  }

  /** Deletes the previous outputs not in {@code produced}; returns how many files were deleted. */
  private static int removeStale(BuildState previous, Set<Path> produced) throws IOException {
    int removed = 0;
    for (BuildState.Output output : previous.outputs()) {
      Path root = previous.roots().get(output.kind());
      Path file = root.resolve(output.path()).normalize();
      if (isInside(root, file) && !produced.contains(file) && Files.deleteIfExists(file)) {
        removed++;
        deleteEmptyDirectories(file.getParent(), root);
      }
    }
    return removed;
  }

  /** Deletes {@code directory} and its ancestors below {@code root} while they are empty. */
  private static void deleteEmptyDirectories(Path directory, Path root) throws IOException {
    for (Path dir = directory; isInside(root, dir); dir = dir.getParent()) {
      boolean empty;
      try (Stream<Path> entries = Files.list(dir)) {
        empty = entries.findAny().isEmpty();
      }
      if (!empty) {
        return;
      }
      Files.delete(dir);
    }
  }

  private static boolean hasContent(Path file, byte[] content) throws IOException {
    return Files.isRegularFile(file)
        && Files.size(file) == content.length
        && Arrays.equals(Files.readAllBytes(file), content);
  }

  /** {@code root/relative}, refusing paths that would escape {@code root}. */
  private static Path resolveInside(Path root, String relative) {
    Path resolved = root.resolve(relative).normalize();
    if (!isInside(root, resolved)) {
      throw new IllegalArgumentException("output path outside " + root + ": " + relative);
    }
    return resolved;
  }

  private static boolean isInside(Path root, Path file) {
    return file.startsWith(root) && !file.equals(root);
  }

  private static Set<String> union(Collection<String> a, Collection<String> b) {
    Set<String> union = new TreeSet<>(a);
    union.addAll(b);
    return union;
  }

  private static Path absolute(Path path, String name) {
    return Objects.requireNonNull(path, name + " == null").toAbsolutePath().normalize();
  }

  /** Configures an {@link IncrementalGenerator}; every property is required. */
  public static final class Builder {
    private Path sourceDirectory;
    private Path outputDirectory;
    private Path resourceOutputDirectory;
    private Path stateFile;
    private SchemaSelector selector;
    private String generatorVersion;
    private Function<List<String>, CompileResult> compiler;

    private Builder() {}

    /** The directory holding the schemas ({@code src/main/channel}). */
    public Builder sourceDirectory(Path sourceDirectory) {
      this.sourceDirectory = sourceDirectory;
      return this;
    }

    /** Where generated {@code .java} files go. */
    public Builder outputDirectory(Path outputDirectory) {
      this.outputDirectory = outputDirectory;
      return this;
    }

    /** Where generated resources ({@code .proto}, descriptor sets) go. */
    public Builder resourceOutputDirectory(Path resourceOutputDirectory) {
      this.resourceOutputDirectory = resourceOutputDirectory;
      return this;
    }

    /** The {@link BuildState} file of this execution. */
    public Builder stateFile(Path stateFile) {
      this.stateFile = stateFile;
      return this;
    }

    /** Which files of the source directory are schemas to compile. */
    public Builder selector(SchemaSelector selector) {
      this.selector = selector;
      return this;
    }

    /** Identifies the code generator; a different value forces a rebuild. */
    public Builder generatorVersion(String generatorVersion) {
      this.generatorVersion = generatorVersion;
      return this;
    }

    /** Compiles schema paths (relative to the source directory); called only when needed. */
    public Builder compiler(Function<List<String>, CompileResult> compiler) {
      this.compiler = compiler;
      return this;
    }

    public IncrementalGenerator build() {
      return new IncrementalGenerator(this);
    }
  }
}

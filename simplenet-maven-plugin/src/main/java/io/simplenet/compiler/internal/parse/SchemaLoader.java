package io.simplenet.compiler.internal.parse;

import io.simplenet.compiler.Diagnostic;
import io.simplenet.compiler.internal.model.SchemaSet;
import io.simplenet.compiler.internal.model.SourcePos;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads, parses and validates schema files and their imports into a {@link SchemaSet}.
 *
 * <p>Each {@link #load} call is independent and confined to its calling thread.
 */
public final class SchemaLoader {
  private static final String EXTENSION = ".channel";

  /** Bounds the directory walk that looks for "did you mean" candidates of a missing import. */
  private static final int MAX_WALK_DEPTH = 32;

  private static final int MAX_SUGGESTION_FILES = 10_000;

  private final Path sourceRoot;
  private final Reporter reporter;
  private final Map<String, ParsedFile> files = new LinkedHashMap<>();

  /** Files that could not be read; importers treat them as missing. */
  private final Set<String> unreadable = new HashSet<>();

  private final Deque<String> importStack = new ArrayDeque<>();
  private final List<Path> inputs = new ArrayList<>();
  private List<String> channelFilesUnderRoot;

  private SchemaLoader(Path sourceRoot, Path displayBase) {
    this.sourceRoot = sourceRoot;
    this.reporter = new Reporter(sourceRoot, displayBase);
  }

  /**
   * The outcome of loading.
   *
   * @param schemas the validated schemas, or null when there are errors
   * @param inputs every file read
   */
  public record Result(SchemaSet schemas, List<Diagnostic> diagnostics, List<Path> inputs) {
    public boolean hasErrors() {
      return diagnostics.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
    }
  }

  /** Loads {@code schemaPaths} (relative to {@code sourceRoot}) and everything they import. */
  public static Result load(Path sourceRoot, Path displayBase, List<String> schemaPaths) {
    SchemaLoader loader =
        new SchemaLoader(
            sourceRoot.toAbsolutePath().normalize(), displayBase.toAbsolutePath().normalize());
    for (String schemaPath : schemaPaths) {
      loader.loadRequested(schemaPath);
    }
    List<ParsedFile> ordered = loader.importsFirst();
    SchemaSet schemas = new Analyzer(loader.reporter, ordered).analyze();
    return new Result(
        loader.reporter.hasErrors() ? null : schemas,
        loader.reporter.sorted(),
        List.copyOf(loader.inputs));
  }

  private void loadRequested(String schemaPath) {
    String path = normalize(schemaPath);
    if (path == null) {
      reporter.error(
          new SourcePos(schemaPath, 1, 1),
          "schema path '"
              + schemaPath
              + "' is not a path inside the source root "
              + reporter.displaySourceRoot());
    } else if (!Files.isRegularFile(sourceRoot.resolve(path))) {
      reporter.error(
          new SourcePos(path, 1, 1),
          "cannot find schema '" + path + "' in " + reporter.displaySourceRoot());
    } else {
      visit(path);
    }
  }

  /** Loads {@code path} and, depth first, its imports; each file is loaded once. */
  private void visit(String path) {
    if (files.containsKey(path) || unreadable.contains(path)) {
      return;
    }
    SourceText source = read(path);
    if (source == null) {
      unreadable.add(path);
      return;
    }
    Ast.File ast = Parser.parse(source, reporter);
    importStack.addLast(path);
    List<String> imports = new ArrayList<>();
    boolean incomplete = false;
    for (Ast.Import imported : ast.imports()) {
      String target = resolveImport(imported);
      if (target == null) {
        incomplete = true;
      } else if (imports.contains(target)) {
        reporter.error(imported.pos(), "duplicate import '" + imported.path() + "'");
      } else if (importStack.contains(target)) {
        reporter.error(imported.pos(), "import cycle: " + cycle(target));
        imports.add(target);
      } else {
        visit(target);
        if (unreadable.contains(target)) {
          incomplete = true;
        } else {
          imports.add(target);
        }
      }
    }
    importStack.removeLast();
    files.put(path, new ParsedFile(path, ast, imports, incomplete));
  }

  /** The path an import names, relative to the source root, or null after reporting why not. */
  private String resolveImport(Ast.Import imported) {
    String written = imported.path();
    if (!written.endsWith(EXTENSION)) {
      reporter.error(
          imported.pos(), "import path must end in '" + EXTENSION + "', found '" + written + "'");
      return null;
    }
    if (written.contains("\\")) {
      reporter.error(imported.pos(), "import paths use '/', found '" + written + "'");
      return null;
    }
    String path = normalize(written);
    if (path == null || written.startsWith("/")) {
      reporter.error(
          imported.pos(),
          "import path '"
              + written
              + "' must be relative to the source root "
              + reporter.displaySourceRoot());
      return null;
    }
    if (!Files.isRegularFile(sourceRoot.resolve(path))) {
      reporter.error(
          imported.pos(),
          "cannot find import '"
              + written
              + "' in "
              + reporter.displaySourceRoot()
              + suggestFile(path));
      return null;
    }
    return path;
  }

  /** {@code a.channel -> b.channel -> a.channel}: the import stack from {@code target} on. */
  private String cycle(String target) {
    StringBuilder cycle = new StringBuilder();
    boolean inCycle = false;
    for (String file : importStack) {
      inCycle |= file.equals(target);
      if (inCycle) {
        cycle.append(file).append(" -> ");
      }
    }
    return cycle.append(target).toString();
  }

  private String suggestFile(String missing) {
    if (channelFilesUnderRoot == null) {
      channelFilesUnderRoot = channelFilesUnderRoot();
    }
    // Compared without the extension they all share, which would make any two names look alike.
    List<String> stems = channelFilesUnderRoot.stream().map(SchemaLoader::stem).toList();
    String closestStem = Suggestions.closest(stem(missing), stems);
    String closest = closestStem == null ? null : closestStem + EXTENSION;
    if (closest == null) {
      // Right file name in the wrong directory: compare names only.
      String missingName = fileName(missing);
      for (String candidate : channelFilesUnderRoot) {
        if (fileName(candidate).equals(missingName)) {
          closest = candidate;
          break;
        }
      }
    }
    return closest == null ? "" : "; did you mean '" + closest + "'?";
  }

  private List<String> channelFilesUnderRoot() {
    try (Stream<Path> walk = Files.walk(sourceRoot, MAX_WALK_DEPTH)) {
      return walk.filter(
              p -> p.getFileName().toString().endsWith(EXTENSION) && Files.isRegularFile(p))
          .limit(MAX_SUGGESTION_FILES)
          .map(p -> sourceRoot.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    } catch (IOException | UncheckedIOException e) {
      return List.of();
    }
  }

  private static String stem(String path) {
    return path.substring(0, path.length() - EXTENSION.length());
  }

  private static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /**
   * {@code path} normalized relative to the source root with {@code /}, or null if it leaves the
   * root.
   */
  private String normalize(String path) {
    try {
      Path resolved = sourceRoot.resolve(path).normalize();
      if (!resolved.startsWith(sourceRoot) || resolved.equals(sourceRoot)) {
        return null;
      }
      return sourceRoot.relativize(resolved).toString().replace('\\', '/');
    } catch (InvalidPathException e) {
      return null;
    }
  }

  /** Reads {@code path} as UTF-8, reporting the first malformed byte; null if it cannot be read. */
  private SourceText read(String path) {
    Path file = sourceRoot.resolve(path);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException | RuntimeException e) {
      reporter.error(new SourcePos(path, 1, 1), "cannot read '" + path + "': " + e);
      return null;
    }
    inputs.add(file);
    int start =
        bytes.length >= 3
                && (bytes[0] & 0xFF) == 0xEF
                && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF
            ? 3
            : 0;
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    // UTF-8 never decodes to more chars than bytes, and each replaced sequence is at least one
    // byte.
    CharBuffer out = CharBuffer.allocate(bytes.length - start + 1);
    int firstMalformedChar = -1;
    int firstMalformedByte = 0;
    CoderResult result = decoder.decode(in, out, true);
    while (result.isError()) {
      if (firstMalformedChar < 0) {
        firstMalformedChar = out.position();
        firstMalformedByte = bytes[in.position()] & 0xFF;
      }
      out.put('\uFFFD');
      in.position(in.position() + result.length());
      result = decoder.decode(in, out, true);
    }
    decoder.flush(out);
    String text = out.flip().toString();
    SourceText source = SourceText.of(path, text, firstMalformedChar >= 0);
    reporter.register(source);
    if (firstMalformedChar >= 0) {
      reporter.error(
          source.position(firstMalformedChar),
          String.format(
              "malformed UTF-8 (byte 0x%02X); schema files must be UTF-8", firstMalformedByte));
    }
    return source;
  }

  /** The loaded files, each after the files it imports; otherwise by path. */
  private List<ParsedFile> importsFirst() {
    Map<String, Integer> unmetImports = new HashMap<>();
    Map<String, List<String>> importers = new HashMap<>();
    PriorityQueue<String> ready = new PriorityQueue<>();
    for (ParsedFile file : files.values()) {
      unmetImports.put(file.path(), file.imports().size());
      for (String imported : file.imports()) {
        importers.computeIfAbsent(imported, k -> new ArrayList<>()).add(file.path());
      }
      if (file.imports().isEmpty()) {
        ready.add(file.path());
      }
    }
    List<ParsedFile> ordered = new ArrayList<>();
    while (!ready.isEmpty()) {
      String path = ready.poll();
      ordered.add(files.get(path));
      for (String importer : importers.getOrDefault(path, List.of())) {
        if (unmetImports.merge(importer, -1, Integer::sum) == 0) {
          ready.add(importer);
        }
      }
    }
    // Files on an import cycle (already reported) never become ready: check them too, by path.
    files.values().stream()
        .filter(file -> unmetImports.get(file.path()) > 0)
        .sorted(Comparator.comparing(ParsedFile::path))
        .forEach(ordered::add);
    return ordered;
  }
}

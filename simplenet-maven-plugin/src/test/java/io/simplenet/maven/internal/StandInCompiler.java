package io.simplenet.maven.internal;

import io.simplenet.compiler.CompileResult;
import io.simplenet.compiler.Diagnostic;
import io.simplenet.compiler.GeneratedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TEMPORARY: mimics SchemaCompiler's outputs (one .java per message in the package directory, a
 * .proto and .desc per schema, imports followed) until the real front-end and generators land.
 */
final class StandInCompiler {
  private static final Pattern PACKAGE = Pattern.compile("package\\s+([\\w.]+)\\s*;");
  private static final Pattern IMPORT = Pattern.compile("import\\s+\"([^\"]+)\"\\s*;");
  private static final Pattern MESSAGE = Pattern.compile("message\\s+(\\w+)");

  private StandInCompiler() {}

  static CompileResult compile(Path sourceRoot, List<String> schemaPaths) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(schemaPaths);
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<GeneratedFile> files = new ArrayList<>();
    while (!todo.isEmpty()) {
      String path = todo.pop();
      if (!seen.add(path)) {
        continue;
      }
      String text;
      try {
        text = Files.readString(sourceRoot.resolve(path));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      String[] lines = text.split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        int bang = lines[i].indexOf('!');
        if (bang >= 0) {
          diagnostics.add(
              new Diagnostic(
                  Diagnostic.Severity.ERROR, path, i + 1, bang + 1, "unexpected '!'", lines[i]));
        }
      }
      Matcher imports = IMPORT.matcher(text);
      while (imports.find()) {
        todo.add(imports.group(1));
      }
      Matcher pkg = PACKAGE.matcher(text);
      String dir = pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "";
      Matcher messages = MESSAGE.matcher(text);
      while (messages.find()) {
        String name = messages.group(1);
        files.add(
            GeneratedFile.text(
                GeneratedFile.Kind.JAVA_SOURCE,
                dir + name + ".java",
                "// " + text.hashCode() + "\nclass " + name + " {}\n",
                path));
      }
      String base = "META-INF/simplenet/" + path.substring(0, path.length() - ".channel".length());
      files.add(GeneratedFile.text(GeneratedFile.Kind.RESOURCE, base + ".proto", text, path));
      files.add(GeneratedFile.text(GeneratedFile.Kind.RESOURCE, base + ".desc", path, path));
    }
    List<Path> inputs = seen.stream().map(sourceRoot::resolve).toList();
    return new CompileResult(diagnostics, diagnostics.isEmpty() ? files : List.of(), inputs);
  }
}

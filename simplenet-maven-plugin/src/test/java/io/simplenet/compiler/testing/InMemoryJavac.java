package io.simplenet.compiler.testing;

import io.simplenet.compiler.GeneratedFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated sources in memory with {@code --release 17 -Xlint:all -Werror} against the test
 * classpath, and loads the classes: tests of the generators run the code they generate.
 */
public final class InMemoryJavac {
  private InMemoryJavac() {}

  /**
   * Compiles every {@link GeneratedFile.Kind#JAVA_SOURCE} in {@code files} and returns a class loader
   * for them; resources in {@code files} are served by it too.
   *
   * @throws AssertionError listing javac's diagnostics if compilation fails or warns
   */
  public static ClassLoader compile(List<GeneratedFile> files) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<JavaFileObject> sources = new ArrayList<>();
    Map<String, byte[]> resources = new HashMap<>();
    for (GeneratedFile file : files) {
      if (file.kind() == GeneratedFile.Kind.JAVA_SOURCE) {
        sources.add(new Source(file.path(), file.text()));
      } else {
        resources.put(file.path(), file.content());
      }
    }
    Map<String, ByteArrayOutputStream> classes = new HashMap<>();
    StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, null, null);
    try (ForwardingJavaFileManager<StandardJavaFileManager> manager =
        new ForwardingJavaFileManager<>(standard) {
          @Override
          public JavaFileObject getJavaFileForOutput(
              Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            classes.put(className, out);
            return new SimpleJavaFileObject(
                URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
              @Override
              public OutputStream openOutputStream() {
                return out;
              }
            };
          }
        }) {
      List<String> options =
          List.of(
              "--release", "17",
              "-Xlint:all", "-Werror",
              "-classpath", System.getProperty("java.class.path"));
      boolean ok = javac.getTask(null, manager, diagnostics, options, null, sources).call();
      if (!ok || !diagnostics.getDiagnostics().isEmpty()) {
        StringBuilder report = new StringBuilder("generated code does not compile cleanly:\n");
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
          report.append(d.getKind()).append(' ')
              .append(d.getSource() == null ? "?" : d.getSource().getName())
              .append(':').append(d.getLineNumber()).append(": ")
              .append(d.getMessage(null)).append('\n');
        }
        throw new AssertionError(report.toString());
      }
    } catch (IOException e) {
      throw new AssertionError("in-memory file manager failed", e);
    }
    return new ClassLoader(InMemoryJavac.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        ByteArrayOutputStream bytes = classes.get(name);
        if (bytes == null) {
          throw new ClassNotFoundException(name);
        }
        byte[] b = bytes.toByteArray();
        return defineClass(name, b, 0, b.length);
      }

      @Override
      public java.io.InputStream getResourceAsStream(String name) {
        byte[] content = resources.get(name);
        return content != null
            ? new java.io.ByteArrayInputStream(content)
            : super.getResourceAsStream(name);
      }
    };
  }

  private static final class Source extends SimpleJavaFileObject {
    private final String text;

    Source(String path, String text) {
      super(URI.create("mem:///" + path), Kind.SOURCE);
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }
}

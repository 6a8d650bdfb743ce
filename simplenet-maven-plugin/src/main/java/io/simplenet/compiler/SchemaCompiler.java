package io.simplenet.compiler;

import io.simplenet.compiler.internal.gen.CodecGenerator;
import io.simplenet.compiler.internal.gen.JavaGenerator;
import io.simplenet.compiler.internal.model.Schema;
import io.simplenet.compiler.internal.parse.SchemaLoader;
import io.simplenet.compiler.internal.proto.ProtoGenerator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compiles {@code .channel} files into Java sources and resources.
 *
 * <p>Instances are immutable and thread-safe; each {@link #compile} call is independent.
 */
public final class SchemaCompiler {
  private final Path sourceRoot;
  private final Path displayBase;

  private SchemaCompiler(Builder builder) {
    this.sourceRoot = Objects.requireNonNull(builder.sourceRoot, "sourceRoot == null");
    this.displayBase = builder.displayBase != null ? builder.displayBase : sourceRoot;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Compiles {@code schemaPaths} (relative to the source root, {@code /}-separated) and every file
   * they import. Generates code for all of them, imports included, unless there is an error.
   */
  public CompileResult compile(List<String> schemaPaths) {
    SchemaLoader.Result loaded = SchemaLoader.load(sourceRoot, displayBase, schemaPaths);
    if (loaded.schemas() == null || loaded.hasErrors()) {
      return new CompileResult(loaded.diagnostics(), List.of(), loaded.inputs());
    }
    List<GeneratedFile> files = new ArrayList<>();
    for (Schema schema : loaded.schemas().schemas()) {
      files.addAll(JavaGenerator.generate(loaded.schemas(), schema));
      files.addAll(CodecGenerator.generate(loaded.schemas(), schema));
      files.addAll(ProtoGenerator.generate(loaded.schemas(), schema));
    }
    return new CompileResult(loaded.diagnostics(), files, loaded.inputs());
  }

  /** Configures a {@link SchemaCompiler}. */
  public static final class Builder {
    private Path sourceRoot;
    private Path displayBase;

    private Builder() {}

    /** The directory schema paths and imports are relative to ({@code src/main/channel}). */
    public Builder sourceRoot(Path sourceRoot) {
      this.sourceRoot = Objects.requireNonNull(sourceRoot, "sourceRoot == null");
      return this;
    }

    /**
     * The directory diagnostics' paths are shown relative to (the project's base directory);
     * defaults to the source root.
     */
    public Builder displayBase(Path displayBase) {
      this.displayBase = Objects.requireNonNull(displayBase, "displayBase == null");
      return this;
    }

    public SchemaCompiler build() {
      return new SchemaCompiler(this);
    }
  }
}

package io.simplenet.compiler.internal.gen;

import io.simplenet.compiler.GeneratedFile;
import io.simplenet.compiler.internal.model.Schema;
import io.simplenet.compiler.internal.model.SchemaSet;
import java.util.List;

/** Placeholder. */
public final class CodecGenerator {
  private CodecGenerator() {}

  public static List<GeneratedFile> generate(SchemaSet schemas, Schema schema) {
    throw new UnsupportedOperationException("not written yet");
  }
}

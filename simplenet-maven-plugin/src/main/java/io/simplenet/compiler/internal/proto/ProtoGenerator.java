package io.simplenet.compiler.internal.proto;

import io.simplenet.compiler.GeneratedFile;
import io.simplenet.compiler.internal.model.Schema;
import io.simplenet.compiler.internal.model.SchemaSet;
import java.util.List;

/** Placeholder. */
public final class ProtoGenerator {
  private ProtoGenerator() {}

  public static List<GeneratedFile> generate(SchemaSet schemas, Schema schema) {
    throw new UnsupportedOperationException("not written yet");
  }
}

package io.simplenet.compiler.internal.gen;

import io.simplenet.compiler.GeneratedFile;
import io.simplenet.compiler.internal.model.Schema;
import io.simplenet.compiler.internal.model.SchemaSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** Runs one Java generator alone over every schema of a set, imports included, for tests. */
final class Generators {
  private Generators() {}

  /** What {@link JavaGenerator} generates for {@code schemas}: the types. */
  static List<GeneratedFile> types(SchemaSet schemas) {
    return generate(schemas, JavaGenerator::generate);
  }

  /** What {@link CodecGenerator} generates for {@code schemas}: codecs and channel classes. */
  static List<GeneratedFile> codecs(SchemaSet schemas) {
    return generate(schemas, CodecGenerator::generate);
  }

  private static List<GeneratedFile> generate(
      SchemaSet schemas, BiFunction<SchemaSet, Schema, List<GeneratedFile>> generator) {
    List<GeneratedFile> files = new ArrayList<>();
    for (Schema schema : schemas.schemas()) {
      files.addAll(generator.apply(schemas, schema));
    }
    return files;
  }
}

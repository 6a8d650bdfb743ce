package io.simplenet.compiler.internal.gen;

import io.simplenet.codec.MessageCodec;
import io.simplenet.compiler.GeneratedFile;
import io.simplenet.compiler.internal.model.Schema;
import io.simplenet.compiler.internal.model.SchemaSet;
import io.simplenet.compiler.testing.InMemoryJavac;
import java.util.ArrayList;
import java.util.List;

/**
 * The types and codecs generated from {@code alltypes.channel}, compiled once per test run: tests of
 * the codec generator run the code it generates.
 */
final class CodecFixture {
  /** The package of {@code alltypes.channel}. */
  static final String PACKAGE = "io.simplenet.fixture.alltypes.";

  /** The package of {@code shared/common.channel}. */
  static final String COMMON = "io.simplenet.fixture.common.";

  private static SchemaSet schemas;
  private static List<GeneratedFile> codecFiles;
  private static Reflect classes;

  private CodecFixture() {}

  /** The schemas of {@code alltypes.channel} and its import. */
  static synchronized SchemaSet schemas() {
    if (schemas == null) {
      schemas = TypesFixture.load(TypesFixture.schemaRoot(), TypesFixture.ALL_TYPES);
    }
    return schemas;
  }

  /** What {@link CodecGenerator} generates for every schema of {@link #schemas()}. */
  static synchronized List<GeneratedFile> codecFiles() {
    if (codecFiles == null) {
      codecFiles = generateCodecs(schemas());
    }
    return codecFiles;
  }

  /** The codecs of every schema in {@code schemas}. */
  static List<GeneratedFile> generateCodecs(SchemaSet schemas) {
    List<GeneratedFile> files = new ArrayList<>();
    for (Schema schema : schemas.schemas()) {
      files.addAll(CodecGenerator.generate(schemas, schema));
    }
    return files;
  }

  /** The compiled types and codecs. */
  static synchronized Reflect classes() {
    if (classes == null) {
      List<GeneratedFile> all = new ArrayList<>(TypesFixture.generateTypes(schemas()));
      all.addAll(codecFiles());
      classes = new Reflect(InMemoryJavac.compile(all));
    }
    return classes;
  }

  /** The codec of the type {@code qualifiedName}. */
  @SuppressWarnings("unchecked")
  static MessageCodec<Object> codec(String qualifiedName) {
    return (MessageCodec<Object>)
        Reflect.staticField(classes().type(qualifiedName + "Codec"), CodecClass.INSTANCE);
  }
}

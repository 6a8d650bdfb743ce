package io.simplenet.compiler.internal.gen;

import io.simplenet.codec.MessageCodec;
import io.simplenet.compiler.GeneratedFile;
import io.simplenet.compiler.internal.model.MessageType;
import io.simplenet.compiler.internal.model.Schema;
import io.simplenet.compiler.internal.model.SchemaSet;
import io.simplenet.compiler.internal.model.TypeName;
import io.simplenet.compiler.internal.model.UnionType;
import io.simplenet.compiler.testing.InMemoryJavac;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

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
  /** Why compiling failed, so that later tests fail fast instead of compiling again. */
  private static AssertionError compileFailure;

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
    if (compileFailure != null) {
      throw compileFailure;
    }
    if (classes == null) {
      List<GeneratedFile> all = new ArrayList<>(TypesFixture.generateTypes(schemas()));
      all.addAll(codecFiles());
      try {
        classes = new Reflect(InMemoryJavac.compile(all));
      } catch (AssertionError e) {
        compileFailure = e;
        throw e;
      }
    }
    return classes;
  }

  /** The message, union or role of {@code alltypes.channel} named {@code simpleName}. */
  static TypeName typeName(String simpleName) {
    Schema schema = schemas().schema(TypesFixture.ALL_TYPES);
    return Stream.concat(
            schema.messages().stream().map(MessageType::name),
            schema.allUnions().stream().map(UnionType::name))
        .filter(name -> name.simpleName().equals(simpleName))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no type " + simpleName));
  }

  /** The codec of the type {@code qualifiedName}. */
  @SuppressWarnings("unchecked")
  static MessageCodec<Object> codec(String qualifiedName) {
    return (MessageCodec<Object>)
        Reflect.staticField(classes().type(qualifiedName + "Codec"), CodecClass.INSTANCE);
  }
}

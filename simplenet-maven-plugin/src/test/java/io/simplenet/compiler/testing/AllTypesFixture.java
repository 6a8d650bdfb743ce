package io.simplenet.compiler.testing;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import io.simplenet.codec.MessageCodec;
import io.simplenet.compiler.CompileResult;
import io.simplenet.compiler.SchemaCompiler;
import io.simplenet.compiler.internal.model.GeneratedNames;
import io.simplenet.compiler.internal.model.MessageType;
import io.simplenet.compiler.internal.model.Schema;
import io.simplenet.compiler.internal.model.SchemaSet;
import io.simplenet.compiler.internal.model.TypeName;
import io.simplenet.compiler.internal.model.UnionType;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The shared fixture {@code alltypes.channel} (which imports {@code shared/common.channel}) as the
 * tests of every generator see it: its schemas, everything {@link SchemaCompiler} generates for it
 * compiled by {@link InMemoryJavac} and loaded, and the message descriptors linked from the
 * generated descriptor set, so that the Java view and protobuf's view of one schema can be held
 * against each other.
 *
 * <p>Thread-safe. The first method that needs the compiled fixture compiles it, once per JVM; if
 * that fails, every later call rethrows the failure instead of compiling again.
 */
public final class AllTypesFixture {
  /** The fixture schema that exercises every construct, relative to {@link #sourceRoot}. */
  public static final String ALL_TYPES = "alltypes.channel";

  /** The schema {@link #ALL_TYPES} imports, relative to {@link #sourceRoot}. */
  public static final String COMMON = "shared/common.channel";

  /** The Java and protobuf package of {@link #ALL_TYPES}, with a trailing dot. */
  public static final String PACKAGE = "io.simplenet.fixture.alltypes.";

  /** The Java and protobuf package of {@link #COMMON}, with a trailing dot. */
  public static final String COMMON_PACKAGE = "io.simplenet.fixture.common.";

  /** The name of the singleton every generated codec class holds. */
  private static final String CODEC_INSTANCE = "INSTANCE";

  private static Compiled compiled;

  /** Why compiling failed, so that later tests fail fast instead of compiling again. */
  private static AssertionError failure;

  private AllTypesFixture() {}

  /** The fixture's schemas, generated classes and message descriptors (by full name). */
  private record Compiled(
      SchemaSet schemas, Reflect classes, Map<String, Descriptor> descriptors) {}

  private static synchronized Compiled compiled() {
    if (failure != null) {
      throw failure;
    }
    if (compiled == null) {
      try {
        compiled = compile();
      } catch (AssertionError e) {
        failure = e;
        throw e;
      }
    }
    return compiled;
  }

  private static Compiled compile() {
    SchemaSet schemas = load();
    CompileResult result =
        SchemaCompiler.builder().sourceRoot(sourceRoot()).build().compile(List.of(ALL_TYPES));
    if (!result.diagnostics().isEmpty()) {
      throw new AssertionError("the fixture does not compile cleanly: " + result.diagnostics());
    }
    ClassLoader loader = InMemoryJavac.compile(result.files());
    Map<String, Descriptor> descriptors = new HashMap<>();
    for (FileDescriptor file : linkDescriptorSet(loader)) {
      file.getMessageTypes().forEach(m -> descriptors.put(m.getFullName(), m));
    }
    return new Compiled(schemas, new Reflect(loader), Map.copyOf(descriptors));
  }

  /** The directory holding the fixture schemas, on the test classpath. */
  public static Path sourceRoot() {
    try {
      return Path.of(AllTypesFixture.class.getResource("/schemas/" + ALL_TYPES).toURI())
          .getParent();
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * Loads the fixture afresh through the real front-end, without compiling anything; fails on any
   * diagnostic.
   */
  public static SchemaSet load() {
    return SchemaFiles.loadClean(sourceRoot(), ALL_TYPES);
  }

  /** The schemas the classes were generated from: {@link #ALL_TYPES} and its import. */
  public static SchemaSet schemas() {
    return compiled().schemas();
  }

  /** Every message, union and non-empty role of both schemas: the types that have values. */
  public static List<TypeName> typesWithValues() {
    List<TypeName> types = new ArrayList<>();
    for (Schema schema : schemas().schemas()) {
      schema.messages().stream().map(MessageType::name).forEach(types::add);
      schema.allUnions().stream()
          .filter(u -> !u.members().isEmpty())
          .map(UnionType::name)
          .forEach(types::add);
    }
    return types;
  }

  /** The message, union or role of {@link #ALL_TYPES} named {@code simpleName}. */
  public static TypeName typeName(String simpleName) {
    Schema schema = schemas().schema(ALL_TYPES);
    return Stream.concat(
            schema.messages().stream().map(MessageType::name),
            schema.allUnions().stream().map(UnionType::name))
        .filter(name -> name.simpleName().equals(simpleName))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no message or union " + simpleName));
  }

  /**
   * The generated class {@code name}: a simple name in {@link #PACKAGE}, or a qualified one.
   *
   * @throws AssertionError if it was not generated
   */
  public static Class<?> type(String name) {
    return compiled().classes().type(name.contains(".") ? name : PACKAGE + name);
  }

  /** The generated class of {@code type}. */
  public static Class<?> type(TypeName type) {
    return type(type.javaQualifiedName());
  }

  /** {@code <Type>.DEFAULT} of the message {@code name} (as for {@link #type(String)}). */
  public static Object defaultOf(String name) {
    return Reflect.staticField(type(name), "DEFAULT");
  }

  /**
   * The message {@code name} (as for {@link #type(String)}) built with its builder from {@code
   * values}: component name, value, name, value...
   */
  public static Object build(String name, Object... values) {
    return Reflect.build(Reflect.callStatic(type(name), "builder"), values);
  }

  /** The generated {@code <Type>Codec.INSTANCE} of the message, union or role {@code type}. */
  @SuppressWarnings("unchecked")
  public static MessageCodec<Object> codec(TypeName type) {
    String codecClass = type.javaPackage() + "." + GeneratedNames.codecClass(type.simpleName());
    return (MessageCodec<Object>) Reflect.staticField(type(codecClass), CODEC_INSTANCE);
  }

  /** The codec of the message, union or role of {@link #ALL_TYPES} named {@code simpleName}. */
  public static MessageCodec<Object> codec(String simpleName) {
    return codec(typeName(simpleName));
  }

  /** The message descriptor of {@code type}, from the generated descriptor set. */
  public static Descriptor descriptor(TypeName type) {
    Descriptor descriptor = compiled().descriptors().get(type.protoFullName());
    if (descriptor == null) {
      throw new AssertionError("no descriptor for " + type);
    }
    return descriptor;
  }

  /** Links the generated descriptor set of the fixture as any protobuf consumer would. */
  private static Iterable<FileDescriptor> linkDescriptorSet(ClassLoader loader) {
    String resource = GeneratedNames.descriptorSetResource(ALL_TYPES);
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new AssertionError("no generated resource " + resource);
      }
      return DescriptorSets.link(FileDescriptorSet.parseFrom(in)).values();
    } catch (InvalidProtocolBufferException | DescriptorValidationException e) {
      throw new AssertionError("the generated descriptor set is invalid", e);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}

package io.simplenet.compiler.interop;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import io.simplenet.codec.MessageCodec;
import io.simplenet.compiler.CompileResult;
import io.simplenet.compiler.GeneratedFile;
import io.simplenet.compiler.SchemaCompiler;
import io.simplenet.compiler.internal.model.GeneratedNames;
import io.simplenet.compiler.internal.model.MessageType;
import io.simplenet.compiler.internal.model.Schema;
import io.simplenet.compiler.internal.model.SchemaSet;
import io.simplenet.compiler.internal.model.TypeName;
import io.simplenet.compiler.internal.model.UnionType;
import io.simplenet.compiler.internal.proto.AllTypesSchemas;
import io.simplenet.compiler.internal.proto.DescriptorSets;
import io.simplenet.compiler.testing.InMemoryJavac;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixture schemas compiled by the real compiler, their generated Java loaded, and the
 * descriptors read back from the generated descriptor set: the two views of the same schema that
 * the interop tests hold against each other. Compiled once per test JVM.
 */
final class CompiledFixture {
  private static CompiledFixture instance;

  final SchemaSet schemas;
  private final ClassLoader loader;
  private final Map<String, Descriptor> descriptors = new HashMap<>();

  private CompiledFixture() {
    schemas = AllTypesSchemas.load();
    CompileResult result =
        SchemaCompiler.builder()
            .sourceRoot(AllTypesSchemas.sourceRoot())
            .build()
            .compile(List.of(AllTypesSchemas.ALLTYPES));
    if (result.hasErrors()) {
      throw new AssertionError("the fixture does not compile: " + result.diagnostics());
    }
    loader = InMemoryJavac.compile(result.files());
    for (FileDescriptor file : linkDescriptorSet(result.files())) {
      file.getMessageTypes().forEach(m -> descriptors.put(m.getFullName(), m));
    }
  }

  /** The shared instance; the first call compiles. */
  static synchronized CompiledFixture get() {
    if (instance == null) {
      instance = new CompiledFixture();
    }
    return instance;
  }

  /** Every message, union and non-empty role of the fixture: the types that have values. */
  List<TypeName> typesWithValues() {
    List<TypeName> types = new ArrayList<>();
    for (Schema schema : schemas.schemas()) {
      schema.messages().stream().map(MessageType::name).forEach(types::add);
      schema.allUnions().stream()
          .filter(u -> !u.members().isEmpty())
          .map(UnionType::name)
          .forEach(types::add);
    }
    return types;
  }

  Class<?> javaClass(TypeName type) {
    try {
      return Class.forName(type.javaQualifiedName(), true, loader);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("no generated class for " + type, e);
    }
  }

  /** The generated {@code <Type>Codec.INSTANCE}. */
  @SuppressWarnings("unchecked")
  MessageCodec<Object> codec(TypeName type) {
    String codecClass = type.javaPackage() + "." + GeneratedNames.codecClass(type.simpleName());
    try {
      return (MessageCodec<Object>)
          Class.forName(codecClass, true, loader).getField("INSTANCE").get(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("no codec " + codecClass, e);
    }
  }

  /** The message descriptor of {@code type}, from the generated descriptor set. */
  Descriptor descriptor(TypeName type) {
    Descriptor descriptor = descriptors.get(type.protoFullName());
    if (descriptor == null) {
      throw new AssertionError("no descriptor for " + type);
    }
    return descriptor;
  }

  /** Links the generated descriptor set of the fixture as any protobuf consumer would. */
  private Collection<FileDescriptor> linkDescriptorSet(List<GeneratedFile> files) {
    String resource = GeneratedNames.descriptorSetResource(AllTypesSchemas.ALLTYPES);
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new AssertionError("no generated resource " + resource + " in " + files);
      }
      return DescriptorSets.link(FileDescriptorSet.parseFrom(in)).values();
    } catch (InvalidProtocolBufferException | DescriptorValidationException e) {
      throw new AssertionError("the generated descriptor set is invalid", e);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}

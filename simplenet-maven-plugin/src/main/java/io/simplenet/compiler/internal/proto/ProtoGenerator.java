package io.simplenet.compiler.internal.proto;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.simplenet.compiler.GeneratedFile;
import io.simplenet.compiler.internal.model.GeneratedNames;
import io.simplenet.compiler.internal.model.Schema;
import io.simplenet.compiler.internal.model.SchemaSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates a schema's protobuf view: the {@code .proto} text and a binary {@code
 * FileDescriptorSet} holding the schema's file and everything it imports, so any protobuf
 * implementation can read the channel's messages.
 */
public final class ProtoGenerator {
  private ProtoGenerator() {}

  /**
   * The resources {@link GeneratedNames#protoResource} and {@link
   * GeneratedNames#descriptorSetResource} of {@code schema}, whose imports are in {@code schemas}.
   *
   * @throws IllegalStateException if protobuf rejects the descriptor, which is a compiler bug: the
   *     front-end validated the schema
   */
  public static List<GeneratedFile> generate(SchemaSet schemas, Schema schema) {
    Map<String, ProtoFile> closure = new LinkedHashMap<>();
    addWithImports(schemas, schema, closure);
    Map<String, FileDescriptor> built = new LinkedHashMap<>();
    FileDescriptorSet.Builder set = FileDescriptorSet.newBuilder();
    for (Map.Entry<String, ProtoFile> entry : closure.entrySet()) {
      built.put(entry.getKey(), build(schemas.schema(entry.getKey()), entry.getValue(), built));
      set.addFile(entry.getValue().descriptor());
    }
    String proto = ProtoTextWriter.write(closure.get(schema.path()), built.get(schema.path()));
    return List.of(
        GeneratedFile.text(
            GeneratedFile.Kind.RESOURCE,
            GeneratedNames.protoResource(schema.path()),
            proto,
            schema.path()),
        new GeneratedFile(
            GeneratedFile.Kind.RESOURCE,
            GeneratedNames.descriptorSetResource(schema.path()),
            set.build().toByteArray(),
            schema.path()));
  }

  /** Adds {@code schema} after everything it imports, transitively, each schema once. */
  private static void addWithImports(
      SchemaSet schemas, Schema schema, Map<String, ProtoFile> closure) {
    if (closure.containsKey(schema.path())) {
      return;
    }
    for (String imported : schema.imports()) {
      addWithImports(schemas, schemas.schema(imported), closure);
    }
    closure.put(schema.path(), DescriptorBuilder.build(schema));
  }

  /**
   * Validates {@code file} the way protobuf does when loading it; its imports are in {@code built}.
   */
  private static FileDescriptor build(
      Schema schema, ProtoFile file, Map<String, FileDescriptor> built) {
    FileDescriptor[] dependencies =
        schema.imports().stream().map(built::get).toArray(FileDescriptor[]::new);
    try {
      return FileDescriptor.buildFrom(file.descriptor(), dependencies);
    } catch (DescriptorValidationException e) {
      throw new IllegalStateException(
          "protobuf rejects the descriptor of " + schema.path() + ": " + e.getMessage(), e);
    }
  }
}

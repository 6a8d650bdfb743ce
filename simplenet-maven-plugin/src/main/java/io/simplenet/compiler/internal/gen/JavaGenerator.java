package io.simplenet.compiler.internal.gen;

import io.simplenet.compiler.GeneratedFile;
import io.simplenet.compiler.internal.model.Channel;
import io.simplenet.compiler.internal.model.EnumType;
import io.simplenet.compiler.internal.model.MessageType;
import io.simplenet.compiler.internal.model.Schema;
import io.simplenet.compiler.internal.model.SchemaSet;
import io.simplenet.compiler.internal.model.UnionType;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates the Java types of a schema: a record per message, an enum per enum, and a sealed
 * interface per union and channel role. Codecs and channel classes come from other generators.
 */
public final class JavaGenerator {
  private JavaGenerator() {}

  /**
   * The {@code .java} files of {@code schema}'s types, in declaration order: messages, enums,
   * unions, roles.
   */
  public static List<GeneratedFile> generate(SchemaSet schemas, Schema schema) {
    List<GeneratedFile> files = new ArrayList<>();
    for (MessageType message : schema.messages()) {
      files.add(JavaFiles.write(schemas, schema, RecordGenerator.generate(schemas, message)));
    }
    for (EnumType type : schema.enums()) {
      files.add(JavaFiles.write(schemas, schema, EnumGenerator.generate(type)));
    }
    for (UnionType union : schema.unions()) {
      files.add(JavaFiles.write(schemas, schema, UnionGenerator.generate(schemas, union, null)));
    }
    for (Channel channel : schema.channels()) {
      for (UnionType role : channel.roles()) {
        files.add(
            JavaFiles.write(schemas, schema, UnionGenerator.generate(schemas, role, channel)));
      }
    }
    return files;
  }
}

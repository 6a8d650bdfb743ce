package io.simplenet.compiler.internal.proto;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumOptions;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueOptions;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldOptions;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import io.simplenet.compiler.internal.JavaNames;
import io.simplenet.compiler.internal.model.Channel;
import io.simplenet.compiler.internal.model.Deprecation;
import io.simplenet.compiler.internal.model.Docs;
import io.simplenet.compiler.internal.model.EnumType;
import io.simplenet.compiler.internal.model.EnumValue;
import io.simplenet.compiler.internal.model.Field;
import io.simplenet.compiler.internal.model.FieldType;
import io.simplenet.compiler.internal.model.GeneratedNames;
import io.simplenet.compiler.internal.model.MessageType;
import io.simplenet.compiler.internal.model.RequestKind;
import io.simplenet.compiler.internal.model.Reserved;
import io.simplenet.compiler.internal.model.ScalarKind;
import io.simplenet.compiler.internal.model.Schema;
import io.simplenet.compiler.internal.model.SourcePos;
import io.simplenet.compiler.internal.model.TypeKind;
import io.simplenet.compiler.internal.model.TypeName;
import io.simplenet.compiler.internal.model.UnionMember;
import io.simplenet.compiler.internal.model.UnionType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns one schema into the {@link FileDescriptorProto} protoc would build from the equivalent
 * {@code .proto}: proto3 optional with synthetic oneofs, map entry messages, json names, reserved
 * ranges and deprecation options included. Types refer to each other by full name, so no other
 * schema is needed.
 */
final class DescriptorBuilder {
  /** The oneof of a union or role message, holding one field per member. */
  private static final String UNION_ONEOF = "value";

  private static final Comparator<SourcePos> SOURCE_ORDER =
      Comparator.comparingInt(SourcePos::line).thenComparingInt(SourcePos::column);

  private final Schema schema;
  private final Map<String, List<String>> comments = new HashMap<>();

  private DescriptorBuilder(Schema schema) {
    this.schema = schema;
  }

  /** The descriptor and comments of {@code schema}. */
  static ProtoFile build(Schema schema) {
    return new DescriptorBuilder(schema).build();
  }

  private ProtoFile build() {
    FileDescriptorProto.Builder file =
        FileDescriptorProto.newBuilder()
            .setName(schema.protoPath())
            .setPackage(schema.javaPackage())
            .setSyntax("proto3");
    for (String imported : schema.imports()) {
      file.addDependency(GeneratedNames.protoPath(imported));
    }
    // Messages, unions and roles are all protobuf messages; keep the order of the schema file.
    List<Positioned<DescriptorProto>> messages = new ArrayList<>();
    for (MessageType message : schema.messages()) {
      messages.add(new Positioned<>(message.pos(), message(message)));
    }
    for (UnionType union : schema.unions()) {
      messages.add(new Positioned<>(union.pos(), union(union, null)));
    }
    for (Channel channel : schema.channels()) {
      for (UnionType role : channel.roles()) {
        messages.add(new Positioned<>(role.pos(), union(role, channel)));
      }
    }
    messages.sort(Comparator.comparing(Positioned::pos, SOURCE_ORDER));
    messages.forEach(m -> file.addMessageType(m.element()));
    for (EnumType enumType : schema.enums()) {
      file.addEnumType(enumType(enumType));
    }
    return new ProtoFile(
        schema.path(), file.build(), commentLines(schema.docs(), null, List.of()), comments);
  }

  private DescriptorProto message(MessageType message) {
    String fullName = message.name().protoFullName();
    DescriptorProto.Builder builder =
        DescriptorProto.newBuilder().setName(message.name().simpleName());
    Set<String> scopeNames = new HashSet<>();
    message.fields().forEach(f -> scopeNames.add(f.schemaName()));
    for (Field field : message.fields()) {
      FieldDescriptorProto.Builder proto =
          FieldDescriptorProto.newBuilder()
              .setName(field.schemaName())
              .setJsonName(field.jsonName())
              .setNumber(field.number());
      setType(proto, builder, fullName, field);
      if (field.optional()) {
        proto.setProto3Optional(true).setOneofIndex(builder.getOneofDeclCount());
        builder.addOneofDecl(
            OneofDescriptorProto.newBuilder().setName(syntheticOneofName(field, scopeNames)));
      }
      if (field.deprecation() != null) {
        proto.setOptions(FieldOptions.newBuilder().setDeprecated(true));
      }
      builder.addField(proto);
      addComment(fullName, field.schemaName(), field.docs(), field.deprecation(), List.of());
    }
    addReserved(builder, message.reserved());
    finishMessage(builder, message.name(), message.docs(), message.deprecation(), List.of());
    return builder.build();
  }

  private void setType(
      FieldDescriptorProto.Builder proto,
      DescriptorProto.Builder message,
      String messageFullName,
      Field field) {
    FieldType type = field.type();
    if (type instanceof FieldType.ListOf list) {
      proto.setLabel(FieldDescriptorProto.Label.LABEL_REPEATED);
      setElementType(proto, list.element());
    } else if (type instanceof FieldType.MapOf map) {
      String entryName = mapEntryName(field.schemaName());
      message.addNestedType(mapEntry(entryName, map));
      proto
          .setLabel(FieldDescriptorProto.Label.LABEL_REPEATED)
          .setType(FieldDescriptorProto.Type.TYPE_MESSAGE)
          .setTypeName("." + messageFullName + "." + entryName);
    } else {
      proto.setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL);
      setElementType(proto, type);
    }
  }

  /** The {@code key}/{@code value} message protoc synthesizes for a map field. */
  private static DescriptorProto mapEntry(String entryName, FieldType.MapOf map) {
    FieldDescriptorProto.Builder key = singular("key", 1).setType(scalarType(map.key()));
    FieldDescriptorProto.Builder value = singular("value", 2);
    setElementType(value, map.value());
    return DescriptorProto.newBuilder()
        .setName(entryName)
        .addField(key)
        .addField(value)
        .setOptions(MessageOptions.newBuilder().setMapEntry(true))
        .build();
  }

  private static FieldDescriptorProto.Builder singular(String name, int number) {
    return FieldDescriptorProto.newBuilder()
        .setName(name)
        .setJsonName(name)
        .setNumber(number)
        .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL);
  }

  /** Sets the type of a scalar or named (non-collection) field or element. */
  private static void setElementType(FieldDescriptorProto.Builder proto, FieldType type) {
    if (type instanceof FieldType.Scalar scalar) {
      proto.setType(scalarType(scalar.kind()));
    } else if (type instanceof FieldType.Named named) {
      proto
          .setType(
              named.name().kind() == TypeKind.ENUM
                  ? FieldDescriptorProto.Type.TYPE_ENUM
                  : FieldDescriptorProto.Type.TYPE_MESSAGE)
          .setTypeName("." + named.name().protoFullName());
    } else {
      throw new IllegalArgumentException("not a scalar or named type: " + type);
    }
  }

  private static FieldDescriptorProto.Type scalarType(ScalarKind kind) {
    return switch (kind) {
      case BOOL -> FieldDescriptorProto.Type.TYPE_BOOL;
      case INT32 -> FieldDescriptorProto.Type.TYPE_INT32;
      case INT64 -> FieldDescriptorProto.Type.TYPE_INT64;
      case UINT32 -> FieldDescriptorProto.Type.TYPE_UINT32;
      case UINT64 -> FieldDescriptorProto.Type.TYPE_UINT64;
      case FLOAT -> FieldDescriptorProto.Type.TYPE_FLOAT;
      case DOUBLE -> FieldDescriptorProto.Type.TYPE_DOUBLE;
      case STRING -> FieldDescriptorProto.Type.TYPE_STRING;
      case BYTES -> FieldDescriptorProto.Type.TYPE_BYTES;
    };
  }

  /**
   * protoc's name for the nested message of map field {@code fieldName}: its JSON name with the
   * first letter upper-cased, then {@code Entry} ({@code by_id} becomes {@code ByIdEntry}).
   */
  private static String mapEntryName(String fieldName) {
    String camel = JavaNames.toJsonName(fieldName);
    if (camel.isEmpty() || camel.charAt(0) < 'a' || camel.charAt(0) > 'z') {
      return camel + "Entry";
    }
    return (char) (camel.charAt(0) - 'a' + 'A') + camel.substring(1) + "Entry";
  }

  /**
   * protoc's synthetic oneof of proto3 optional {@code field}: {@code _field}, prefixed with {@code
   * X} until it clashes with no field or earlier oneof of the message.
   */
  private static String syntheticOneofName(Field field, Set<String> scopeNames) {
    String name =
        field.schemaName().startsWith("_") ? field.schemaName() : "_" + field.schemaName();
    while (scopeNames.contains(name)) {
      name = "X" + name;
    }
    scopeNames.add(name);
    return name;
  }

  /**
   * A union, or a role of {@code channel}: one oneof named {@value #UNION_ONEOF}, omitted when
   * there are no members. {@code channel} is null for a declared union.
   */
  private DescriptorProto union(UnionType union, Channel channel) {
    String fullName = union.name().protoFullName();
    DescriptorProto.Builder builder =
        DescriptorProto.newBuilder().setName(union.name().simpleName());
    if (!union.members().isEmpty()) {
      // protobuf rejects a oneof without fields, so an empty role is an empty message.
      builder.addOneofDecl(OneofDescriptorProto.newBuilder().setName(UNION_ONEOF));
    }
    for (UnionMember member : union.members()) {
      FieldDescriptorProto.Builder proto =
          singular(member.fieldName(), member.number())
              .setJsonName(member.jsonName())
              .setType(FieldDescriptorProto.Type.TYPE_MESSAGE)
              .setTypeName("." + member.type().protoFullName())
              .setOneofIndex(0);
      if (member.deprecation() != null) {
        proto.setOptions(FieldOptions.newBuilder().setDeprecated(true));
      }
      builder.addField(proto);
      addComment(
          fullName,
          member.fieldName(),
          member.docs(),
          member.deprecation(),
          channel == null ? List.of() : memberComment(channel, union.role(), member));
    }
    addReserved(builder, union.reserved());
    List<String> roleComment = channel == null ? List.of() : roleComment(channel, union.role());
    finishMessage(builder, union.name(), union.docs(), union.deprecation(), roleComment);
    return builder.build();
  }

  private void finishMessage(
      DescriptorProto.Builder builder,
      TypeName name,
      Docs docs,
      Deprecation deprecation,
      List<String> extra) {
    if (deprecation != null) {
      builder.setOptions(MessageOptions.newBuilder().setDeprecated(true));
    }
    addComment(name.javaPackage(), name.simpleName(), docs, deprecation, extra);
  }

  private static void addReserved(DescriptorProto.Builder builder, Reserved reserved) {
    for (Reserved.Range range : reserved.ranges()) {
      // Message ranges are end-exclusive in descriptors.
      builder.addReservedRange(
          DescriptorProto.ReservedRange.newBuilder()
              .setStart(range.start())
              .setEnd(range.end() + 1));
    }
    builder.addAllReservedName(reserved.names());
  }

  private EnumDescriptorProto enumType(EnumType enumType) {
    String fullName = enumType.name().protoFullName();
    EnumDescriptorProto.Builder builder =
        EnumDescriptorProto.newBuilder().setName(enumType.name().simpleName());
    for (EnumValue value : enumType.values()) {
      EnumValueDescriptorProto.Builder proto =
          EnumValueDescriptorProto.newBuilder().setName(value.name()).setNumber(value.number());
      if (value.deprecation() != null) {
        proto.setOptions(EnumValueOptions.newBuilder().setDeprecated(true));
      }
      builder.addValue(proto);
      addComment(fullName, value.name(), value.docs(), value.deprecation(), List.of());
    }
    for (Reserved.Range range : enumType.reserved().ranges()) {
      // Enum ranges are end-inclusive in descriptors.
      builder.addReservedRange(
          EnumDescriptorProto.EnumReservedRange.newBuilder()
              .setStart(range.start())
              .setEnd(range.end()));
    }
    builder.addAllReservedName(enumType.reserved().names());
    if (enumType.deprecation() != null) {
      builder.setOptions(EnumOptions.newBuilder().setDeprecated(true));
    }
    TypeName name = enumType.name();
    addComment(
        name.javaPackage(), name.simpleName(), enumType.docs(), enumType.deprecation(), List.of());
    return builder.build();
  }

  /** What a role message is for, so readers of the {@code .proto} need not know simplenet. */
  private static List<String> roleComment(Channel channel, UnionType.Role role) {
    String what =
        switch (role) {
          case CLIENT_MESSAGE -> "one-shot messages from a client to the server.";
          case SERVER_MESSAGE -> "one-shot messages from the server to a client.";
          case REQUEST -> "requests from a client, one member per request kind.";
          case RESPONSE -> "responses to requests, numbered as the first kind they answer.";
        };
    return List.of(
        "Channel " + channel.name() + " (version \"" + channel.version() + "\"): " + what);
  }

  /** For a member of a request or response role, the request kinds it pairs with. */
  private static List<String> memberComment(
      Channel channel, UnionType.Role role, UnionMember member) {
    List<RequestKind> kinds = channel.requestKinds();
    return switch (role) {
      case CLIENT_MESSAGE, SERVER_MESSAGE -> List.of();
      case REQUEST ->
          kinds.stream()
              .filter(k -> k.request().equals(member.type()))
              .map(k -> "Answered by " + k.response().simpleName() + ".")
              .toList();
      case RESPONSE ->
          List.of(
              kinds.stream()
                  .filter(k -> k.response().equals(member.type()))
                  .map(k -> k.request().simpleName())
                  .collect(Collectors.joining(", ", "Answers ", ".")));
    };
  }

  private void addComment(
      String scope, String name, Docs docs, Deprecation deprecation, List<String> extra) {
    List<String> lines = commentLines(docs, deprecation, extra);
    if (!lines.isEmpty()) {
      comments.put(ProtoFile.key(scope, name), lines);
    }
  }

  /** The doc lines, then {@code extra}, then the deprecation reason if any. */
  private static List<String> commentLines(Docs docs, Deprecation deprecation, List<String> extra) {
    List<String> lines = new ArrayList<>();
    if (!docs.isEmpty()) {
      lines.addAll(List.of(docs.text().split("\n", -1)));
    }
    lines.addAll(extra);
    if (deprecation != null && !deprecation.reason().isEmpty()) {
      lines.add("Deprecated: " + deprecation.reason());
    }
    return lines;
  }

  private record Positioned<T>(SourcePos pos, T element) {}
}

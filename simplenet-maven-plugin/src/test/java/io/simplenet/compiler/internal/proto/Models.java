package io.simplenet.compiler.internal.proto;

import io.simplenet.compiler.internal.model.Deprecation;
import io.simplenet.compiler.internal.model.Docs;
import io.simplenet.compiler.internal.model.EnumType;
import io.simplenet.compiler.internal.model.EnumValue;
import io.simplenet.compiler.internal.model.Field;
import io.simplenet.compiler.internal.model.FieldType;
import io.simplenet.compiler.internal.model.MessageType;
import io.simplenet.compiler.internal.model.Reserved;
import io.simplenet.compiler.internal.model.ScalarKind;
import io.simplenet.compiler.internal.model.Schema;
import io.simplenet.compiler.internal.model.SourcePos;
import io.simplenet.compiler.internal.model.TypeKind;
import io.simplenet.compiler.internal.model.TypeName;
import io.simplenet.compiler.internal.model.UnionMember;
import io.simplenet.compiler.internal.model.UnionType;
import java.util.List;

/**
 * Small hand-built models for cases the fixture schemas cannot express, such as names the front-end
 * would reject but protobuf's rules still have to handle.
 */
final class Models {
  static final String PACKAGE = "test.models";
  static final String PATH = "models.channel";

  private static int line;

  private Models() {}

  /** A position after every earlier one, so declarations keep the order the test builds them in. */
  static SourcePos nextPos() {
    return new SourcePos(PATH, ++line, 1);
  }

  static TypeName type(String simpleName, TypeKind kind) {
    return new TypeName(PACKAGE, simpleName, kind, PATH);
  }

  static FieldType scalar(ScalarKind kind) {
    return new FieldType.Scalar(kind);
  }

  static Field field(String name, int number, FieldType type) {
    return field(name, number, type, false, null);
  }

  static Field field(
      String name, int number, FieldType type, boolean optional, Deprecation deprecation) {
    return new Field(name, name, name, number, type, optional, Docs.NONE, deprecation, nextPos());
  }

  static MessageType message(String name, Reserved reserved, Field... fields) {
    return new MessageType(
        type(name, TypeKind.MESSAGE),
        List.of(fields),
        reserved,
        true,
        List.of(),
        Docs.NONE,
        null,
        nextPos());
  }

  static EnumType enumType(String name, Reserved reserved, EnumValue... values) {
    return new EnumType(
        type(name, TypeKind.ENUM), List.of(values), reserved, Docs.NONE, null, nextPos());
  }

  static EnumValue value(String name, int number) {
    return new EnumValue(name, number, Docs.NONE, null, nextPos());
  }

  static UnionType union(String name, UnionMember... members) {
    return new UnionType(
        type(name, TypeKind.UNION),
        List.of(members),
        Reserved.NONE,
        List.of(),
        null,
        Docs.NONE,
        null,
        nextPos());
  }

  static UnionMember member(TypeName type, int number, String fieldName) {
    return new UnionMember(type, number, fieldName, fieldName, Docs.NONE, null, nextPos());
  }

  /** A schema at {@link #PATH} without imports that declares only {@code messages}. */
  static Schema schemaOf(MessageType... messages) {
    return schema(PATH, List.of(), List.of(messages), List.of(), List.of());
  }

  static Schema schema(
      String path,
      List<String> imports,
      List<MessageType> messages,
      List<EnumType> enums,
      List<UnionType> unions) {
    return new Schema(path, PACKAGE, imports, messages, enums, unions, List.of(), Docs.NONE);
  }
}

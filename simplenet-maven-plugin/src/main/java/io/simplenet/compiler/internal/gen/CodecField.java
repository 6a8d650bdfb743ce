package io.simplenet.compiler.internal.gen;

import static io.simplenet.compiler.internal.gen.CodecClass.DEPTH;
import static io.simplenet.compiler.internal.gen.CodecClass.IN;
import static io.simplenet.compiler.internal.gen.CodecClass.JSON_WIRE;
import static io.simplenet.compiler.internal.gen.CodecClass.OUT;
import static io.simplenet.compiler.internal.gen.CodecClass.PROTO_WIRE;
import static io.simplenet.compiler.internal.gen.CodecClass.TAG;
import static io.simplenet.compiler.internal.gen.CodecClass.VALUE;
import static io.simplenet.compiler.internal.gen.CodecClass.WIRETYPE_FIXED32;
import static io.simplenet.compiler.internal.gen.CodecClass.WIRETYPE_FIXED64;
import static io.simplenet.compiler.internal.gen.CodecClass.WIRETYPE_LENGTH_DELIMITED;
import static io.simplenet.compiler.internal.gen.CodecClass.WIRETYPE_VARINT;

import com.palantir.javapoet.CodeBlock;
import io.simplenet.compiler.internal.model.Field;
import io.simplenet.compiler.internal.model.FieldType;
import io.simplenet.compiler.internal.model.ScalarKind;
import io.simplenet.compiler.internal.model.TypeKind;
import io.simplenet.compiler.internal.model.TypeName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The code one message field contributes to each method of its codec. Statements come without
 * their {@code ;}, for {@code addStatement}.
 */
final class CodecField {
  private final CodecClass codec;
  private final Field field;
  /** The decoding methods' local variable for the field. */
  private final String local;

  CodecField(CodecClass codec, Field field, String local) {
    this.codec = codec;
    this.field = field;
    this.local = local;
    if (field.deprecation() != null) {
      codec.namesDeprecated(); // its record accessor is deprecated
    }
  }

  Field field() {
    return field;
  }

  /** {@code value.name()}. */
  private CodeBlock get() {
    return CodeBlock.of("$N.$N()", VALUE, field.javaName());
  }

  /** The {@code ProtoWire} call that writes the field. */
  CodeBlock write() {
    int number = field.number();
    FieldType type = field.type();
    if (type instanceof FieldType.ListOf list) {
      return CodeBlock.of(
          "$T.writeList($N, $L, $L, $L)",
          PROTO_WIRE, OUT, number, codec.valueCodec(list.element()), get());
    }
    if (type instanceof FieldType.MapOf map) {
      return CodeBlock.of(
          "$T.writeMap($N, $L, $L, $L, $L)",
          PROTO_WIRE, OUT, number, keyCodec(map), codec.valueCodec(map.value()), get());
    }
    if (isMessage(type)) {
      return CodeBlock.of(
          "$T.writeMessage($N, $L, $L, $L)", PROTO_WIRE, OUT, number, messageCodec(), get());
    }
    if (field.optional()) {
      return CodeBlock.of(
          "$T.writeOptional($N, $L, $L, $L)",
          PROTO_WIRE, OUT, number, codec.valueCodec(type), get());
    }
    if (type instanceof FieldType.Scalar scalar) {
      return CodeBlock.of(
          "$T.write$L($N, $L, $L)", PROTO_WIRE, protoWireName(scalar.kind()), OUT, number, get());
    }
    return CodeBlock.of(
        "$T.writeEnum($N, $L, $L, $L)", PROTO_WIRE, OUT, number, codec.valueCodec(type), get());
  }

  /** The {@code ProtoWire} call that computes what {@link #write} writes. */
  CodeBlock size() {
    int number = field.number();
    FieldType type = field.type();
    if (type instanceof FieldType.ListOf list) {
      return CodeBlock.of(
          "$T.listSize($L, $L, $L)", PROTO_WIRE, number, codec.valueCodec(list.element()), get());
    }
    if (type instanceof FieldType.MapOf map) {
      return CodeBlock.of(
          "$T.mapSize($L, $L, $L, $L)",
          PROTO_WIRE, number, keyCodec(map), codec.valueCodec(map.value()), get());
    }
    if (isMessage(type)) {
      return CodeBlock.of("$T.messageSize($L, $L, $L)", PROTO_WIRE, number, messageCodec(), get());
    }
    if (field.optional()) {
      return CodeBlock.of(
          "$T.optionalSize($L, $L, $L)", PROTO_WIRE, number, codec.valueCodec(type), get());
    }
    if (type instanceof FieldType.Scalar scalar) {
      String sizeMethod = protoWireName(scalar.kind()).toLowerCase(Locale.ROOT) + "Size";
      return CodeBlock.of("$T.$L($L, $L)", PROTO_WIRE, sizeMethod, number, get());
    }
    return CodeBlock.of(
        "$T.enumSize($L, $L, $L)", PROTO_WIRE, number, codec.valueCodec(type), get());
  }

  /**
   * The local the decoders collect the field in, at its starting value: the default of scalars
   * and enums, an empty mutable collection, or null (messages, unions and optional fields).
   */
  CodeBlock declareLocal() {
    FieldType type = field.type();
    com.palantir.javapoet.TypeName javaType = TypeMapper.componentType(field);
    if (type instanceof FieldType.ListOf) {
      return CodeBlock.of("$T $N = new $T<>()", javaType, local, ArrayList.class);
    }
    if (type instanceof FieldType.MapOf) {
      return CodeBlock.of("$T $N = new $T<>()", javaType, local, LinkedHashMap.class);
    }
    if (field.optional() || isMessage(type)) {
      return CodeBlock.of("$T $N = null", javaType, local);
    }
    if (type instanceof FieldType.Named named) {
      // Numbered 0 rather than by name: the constant may be deprecated.
      return CodeBlock.of("$T $N = $T.forNumber(0)", javaType, local, javaType);
    }
    return CodeBlock.of("$T $N = $L", javaType, local, TypeMapper.defaultValue(codec.schemas(), field));
  }

  /**
   * The binary tags the field may arrive under: its own, plus the packed form of a list of
   * numbers, bools or enums.
   */
  List<Integer> tags() {
    FieldType type = field.type();
    FieldType element = type instanceof FieldType.ListOf list ? list.element() : type;
    int wireType = type instanceof FieldType.MapOf ? WIRETYPE_LENGTH_DELIMITED : wireType(element);
    List<Integer> tags = new ArrayList<>();
    tags.add(tag(wireType));
    if (type instanceof FieldType.ListOf && wireType != WIRETYPE_LENGTH_DELIMITED) {
      tags.add(tag(WIRETYPE_LENGTH_DELIMITED));
    }
    return tags;
  }

  /** The statement that reads one occurrence of the field into its local. */
  CodeBlock readBinary() {
    FieldType type = field.type();
    if (type instanceof FieldType.ListOf list) {
      return CodeBlock.of(
          "$T.readList($N, $N, $N, $L, $N)",
          PROTO_WIRE, IN, TAG, DEPTH, codec.valueCodec(list.element()), local);
    }
    if (type instanceof FieldType.MapOf map) {
      return CodeBlock.of(
          "$T.readMapEntry($N, $N, $L, $L, $N)",
          PROTO_WIRE, IN, DEPTH, keyCodec(map), codec.valueCodec(map.value()), local);
    }
    if (isMessage(type)) {
      return CodeBlock.of(
          "$N = $T.readMessage($N, $N, $L)", local, PROTO_WIRE, IN, DEPTH, messageCodec());
    }
    if (type instanceof FieldType.Scalar scalar) {
      return CodeBlock.of("$N = $N.$L()", local, IN, readMethod(scalar.kind()));
    }
    return CodeBlock.of(
        "$N = $T.forNumber($N.readEnum())", local, TypeMapper.className(namedType()), IN);
  }

  /** The {@code JsonWire} call that writes the field. */
  CodeBlock writeJson() {
    String name = field.jsonName();
    FieldType type = field.type();
    if (type instanceof FieldType.ListOf list) {
      return CodeBlock.of(
          "$T.writeList($N, $S, $L, $L)",
          JSON_WIRE, OUT, name, codec.valueCodec(list.element()), get());
    }
    if (type instanceof FieldType.MapOf map) {
      return CodeBlock.of(
          "$T.writeMap($N, $S, $L, $L, $L)",
          JSON_WIRE, OUT, name, keyCodec(map), codec.valueCodec(map.value()), get());
    }
    if (isMessage(type)) {
      return CodeBlock.of(
          "$T.writeMessage($N, $S, $L, $L)", JSON_WIRE, OUT, name, messageCodec(), get());
    }
    if (!field.optional() && type instanceof FieldType.Scalar scalar && isPrimitive(scalar)) {
      return CodeBlock.of(
          "$T.write$L($N, $S, $L)", JSON_WIRE, protoWireName(scalar.kind()), OUT, name, get());
    }
    return CodeBlock.of(
        "$T.write($N, $S, $L, $L)", JSON_WIRE, OUT, name, codec.valueCodec(type), get());
  }

  /** The names the field is read under in JSON: its JSON name and its schema name. */
  List<String> jsonLabels() {
    return field.jsonName().equals(field.schemaName())
        ? List.of(field.jsonName())
        : List.of(field.jsonName(), field.schemaName());
  }

  /** The statement that reads the field's JSON value into its local. */
  CodeBlock readJson() {
    FieldType type = field.type();
    if (type instanceof FieldType.ListOf list) {
      return CodeBlock.of(
          "$T.readList($N, $N, $L, $N)",
          JSON_WIRE, IN, DEPTH, codec.valueCodec(list.element()), local);
    }
    if (type instanceof FieldType.MapOf map) {
      return CodeBlock.of(
          "$T.readMap($N, $N, $L, $L, $N)",
          JSON_WIRE, IN, DEPTH, keyCodec(map), codec.valueCodec(map.value()), local);
    }
    if (isMessage(type)) {
      return CodeBlock.of(
          "$N = $T.readMessage($N, $N, $L)", local, JSON_WIRE, IN, DEPTH, messageCodec());
    }
    if (field.optional()) {
      return CodeBlock.of(
          "$N = $T.readOptional($N, $N, $L)", local, JSON_WIRE, IN, DEPTH, codec.valueCodec(type));
    }
    if (type instanceof FieldType.Scalar scalar && isPrimitive(scalar)) {
      return CodeBlock.of(
          "$N = $T.read$L($N)", local, JSON_WIRE, protoWireName(scalar.kind()), IN);
    }
    return CodeBlock.of(
        "$N = $T.read($N, $N, $L)", local, JSON_WIRE, IN, DEPTH, codec.valueCodec(type));
  }

  /**
   * Whether the field must be present: a union, or a message without a default instance, that
   * is not optional.
   */
  boolean isRequired() {
    return !field.optional()
        && isMessage(field.type())
        && TypeMapper.defaultValue(codec.schemas(), field).equals(TypeMapper.NULL);
  }

  /** {@code if (shape == null) throw CodecException.missingField(...)}, for required fields. */
  CodeBlock checkPresent() {
    return CodeBlock.builder()
        .beginControlFlow("if ($N == null)", local)
        .addStatement(
            "throw $T.missingField($S, $S, $L)",
            CodecClass.CODEC_EXCEPTION,
            codec.type().protoFullName(),
            field.schemaName(),
            field.number())
        .endControlFlow()
        .build();
  }

  /** The record constructor's argument: the local, or its default if it may still be null. */
  CodeBlock argument() {
    if (!field.optional() && isMessage(field.type()) && !isRequired()) {
      return CodeBlock.of(
          "$T.requireNonNullElse($N, $L)",
          Objects.class,
          local,
          TypeMapper.defaultValue(codec.schemas(), field));
    }
    return CodeBlock.of("$N", local);
  }

  /** A tag of this field: its number and a wire type. */
  private int tag(int wireType) {
    return CodecClass.tag(field.number(), wireType);
  }

  private static int wireType(FieldType type) {
    if (type instanceof FieldType.Scalar scalar) {
      return switch (scalar.kind()) {
        case BOOL, INT32, INT64, UINT32, UINT64 -> WIRETYPE_VARINT;
        case FLOAT -> WIRETYPE_FIXED32;
        case DOUBLE -> WIRETYPE_FIXED64;
        case STRING, BYTES -> WIRETYPE_LENGTH_DELIMITED;
      };
    }
    return isMessage(type) ? WIRETYPE_LENGTH_DELIMITED : WIRETYPE_VARINT;
  }

  /** Whether {@code type} is a message or union, a nested message on the wire. */
  private static boolean isMessage(FieldType type) {
    return type instanceof FieldType.Named named && named.name().kind() != TypeKind.ENUM;
  }

  private CodeBlock messageCodec() {
    return codec.codecOf(namedType());
  }

  private TypeName namedType() {
    return ((FieldType.Named) field.type()).name();
  }

  private static CodeBlock keyCodec(FieldType.MapOf map) {
    return CodecClass.scalarCodec(map.key());
  }

  private static boolean isPrimitive(FieldType.Scalar scalar) {
    return scalar.kind() != ScalarKind.STRING && scalar.kind() != ScalarKind.BYTES;
  }

  /**
   * The scalar's part of the {@code ProtoWire} and {@code JsonWire} method names ({@code
   * writeUInt32}); string and bytes have their own only in {@code ProtoWire}.
   */
  private static String protoWireName(ScalarKind kind) {
    return switch (kind) {
      case BOOL -> "Bool";
      case INT32 -> "Int32";
      case INT64 -> "Int64";
      case UINT32 -> "UInt32";
      case UINT64 -> "UInt64";
      case FLOAT -> "Float";
      case DOUBLE -> "Double";
      case STRING -> "String";
      case BYTES -> "Bytes";
    };
  }

  /** The {@code CodedInputStream} method that reads one value of the scalar. */
  private static String readMethod(ScalarKind kind) {
    return switch (kind) {
      case STRING -> "readStringRequireUtf8";
      default -> "read" + protoWireName(kind);
    };
  }
}

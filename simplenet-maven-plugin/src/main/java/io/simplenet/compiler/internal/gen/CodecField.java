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

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import io.simplenet.compiler.internal.model.Field;
import io.simplenet.compiler.internal.model.FieldType;
import io.simplenet.compiler.internal.model.ScalarKind;
import io.simplenet.compiler.internal.model.TypeKind;
import io.simplenet.compiler.internal.model.TypeName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The code one message field contributes to each method of its codec: mostly one call of a {@code
 * ProtoWire} or {@code JsonWire} method chosen by the field's {@link Kind}. Statements come without
 * their {@code ;}, for {@code addStatement}.
 */
final class CodecField {
  /** How a field is encoded; it decides every piece of code below. */
  private enum Kind {
    /** {@code list<T>}. */
    LIST,
    /** {@code map<K, V>}. */
    MAP,
    /** A message or union, optional or not: written when not null. */
    MESSAGE,
    /** An optional scalar or enum: written when not null, even if it is the default. */
    OPTIONAL,
    /** A bool or number: left off the wire when it is the default, a Java primitive. */
    PRIMITIVE,
    /** A string or bytes: left off the wire when empty. */
    TEXT,
    /** An enum: left off the wire when numbered 0. */
    ENUM
  }

  private final CodecClass codec;
  private final Field field;
  private final Kind kind;

  /** The decoding methods' local variable for the field. */
  private final String local;

  CodecField(CodecClass codec, Field field, String local) {
    this.codec = codec;
    this.field = field;
    this.kind = kind(field);
    this.local = local;
    if (field.deprecation() != null) {
      codec.namesDeprecated(); // its record accessor is deprecated
    }
  }

  private static Kind kind(Field field) {
    FieldType type = field.type();
    if (type instanceof FieldType.ListOf) {
      return Kind.LIST;
    }
    if (type instanceof FieldType.MapOf) {
      return Kind.MAP;
    }
    if (isMessage(type)) {
      return Kind.MESSAGE;
    }
    if (field.optional()) {
      return Kind.OPTIONAL;
    }
    if (type instanceof FieldType.Scalar scalar) {
      boolean text = scalar.kind() == ScalarKind.STRING || scalar.kind() == ScalarKind.BYTES;
      return text ? Kind.TEXT : Kind.PRIMITIVE;
    }
    return Kind.ENUM;
  }

  Field field() {
    return field;
  }

  /** The {@code ProtoWire} call that writes the field. */
  CodeBlock write() {
    int n = field.number();
    return switch (kind) {
      case LIST -> call(PROTO_WIRE, "writeList", OUT, n, elementCodec(), get());
      case MAP -> call(PROTO_WIRE, "writeMap", OUT, n, keyCodec(), mapValueCodec(), get());
      case MESSAGE -> call(PROTO_WIRE, "writeMessage", OUT, n, messageCodec(), get());
      case OPTIONAL -> call(PROTO_WIRE, "writeOptional", OUT, n, valueCodec(), get());
      case PRIMITIVE, TEXT -> call(PROTO_WIRE, "write" + scalarName(), OUT, n, get());
      case ENUM -> call(PROTO_WIRE, "writeEnum", OUT, n, valueCodec(), get());
    };
  }

  /** The {@code ProtoWire} call that computes what {@link #write} writes. */
  CodeBlock size() {
    int n = field.number();
    return switch (kind) {
      case LIST -> call(PROTO_WIRE, "listSize", n, elementCodec(), get());
      case MAP -> call(PROTO_WIRE, "mapSize", n, keyCodec(), mapValueCodec(), get());
      case MESSAGE -> call(PROTO_WIRE, "messageSize", n, messageCodec(), get());
      case OPTIONAL -> call(PROTO_WIRE, "optionalSize", n, valueCodec(), get());
      case PRIMITIVE, TEXT ->
          call(PROTO_WIRE, scalarName().toLowerCase(Locale.ROOT) + "Size", n, get());
      case ENUM -> call(PROTO_WIRE, "enumSize", n, valueCodec(), get());
    };
  }

  /**
   * The local the decoders collect the field in, at its starting value: the default of scalars and
   * enums, an empty collection builder, or null (messages, unions and optional fields).
   */
  CodeBlock declareLocal() {
    com.palantir.javapoet.TypeName type = TypeMapper.componentType(field);
    return switch (kind) {
      case LIST, MAP -> {
        ParameterizedTypeName builder = builderType(type);
        yield CodeBlock.of("$T $N = new $T<>()", builder, local, builder.rawType());
      }
      case MESSAGE, OPTIONAL -> CodeBlock.of("$T $N = null", type, local);
      // Numbered 0 rather than by name: the constant may be deprecated.
      case ENUM -> CodeBlock.of("$T $N = $T.forNumber(0)", type, local, type);
      case PRIMITIVE, TEXT ->
          CodeBlock.of("$T $N = $L", type, local, TypeMapper.defaultValue(codec.schemas(), field));
    };
  }

  /**
   * The binary tags the field may arrive under: its own, plus the packed form of a list of numbers,
   * bools or enums.
   */
  List<Integer> tags() {
    FieldType type = field.type();
    FieldType element = type instanceof FieldType.ListOf list ? list.element() : type;
    int wireType = kind == Kind.MAP ? WIRETYPE_LENGTH_DELIMITED : wireType(element);
    List<Integer> tags = new ArrayList<>();
    tags.add(CodecClass.tag(field.number(), wireType));
    if (kind == Kind.LIST && wireType != WIRETYPE_LENGTH_DELIMITED) {
      tags.add(CodecClass.tag(field.number(), WIRETYPE_LENGTH_DELIMITED));
    }
    return tags;
  }

  /** The statement that reads one occurrence of the field into its local. */
  CodeBlock readBinary() {
    return switch (kind) {
      case LIST -> call(PROTO_WIRE, "readList", IN, TAG, DEPTH, elementCodec(), local);
      case MAP -> call(PROTO_WIRE, "readMapEntry", IN, DEPTH, keyCodec(), mapValueCodec(), local);
      case MESSAGE -> assign(call(PROTO_WIRE, "readMessage", IN, DEPTH, messageCodec()));
      case OPTIONAL, PRIMITIVE, TEXT, ENUM ->
          assign(
              field.type() instanceof FieldType.Scalar scalar
                  ? CodeBlock.of("$N.$L()", IN, readMethod(scalar.kind()))
                  : CodeBlock.of("$T.forNumber($N.readEnum())", namedClass(), IN));
    };
  }

  /** The {@code JsonWire} call that writes the field. */
  CodeBlock writeJson() {
    CodeBlock name = CodeBlock.of("$S", field.jsonName());
    return switch (kind) {
      case LIST -> call(JSON_WIRE, "writeList", OUT, name, elementCodec(), get());
      case MAP -> call(JSON_WIRE, "writeMap", OUT, name, keyCodec(), mapValueCodec(), get());
      case MESSAGE -> call(JSON_WIRE, "writeMessage", OUT, name, messageCodec(), get());
      case PRIMITIVE -> call(JSON_WIRE, "write" + scalarName(), OUT, name, get());
      case OPTIONAL, TEXT, ENUM -> call(JSON_WIRE, "write", OUT, name, valueCodec(), get());
    };
  }

  /** The names the field is read under in JSON: its JSON name and its schema name. */
  List<String> jsonLabels() {
    return CodecClass.jsonLabels(field.jsonName(), field.schemaName());
  }

  /** The statement that reads the field's JSON value into its local. */
  CodeBlock readJson() {
    return switch (kind) {
      case LIST -> call(JSON_WIRE, "readList", IN, DEPTH, elementCodec(), local);
      case MAP -> call(JSON_WIRE, "readMap", IN, DEPTH, keyCodec(), mapValueCodec(), local);
      case MESSAGE -> assign(call(JSON_WIRE, "readMessage", IN, DEPTH, messageCodec()));
      case OPTIONAL -> assign(call(JSON_WIRE, "readOptional", IN, DEPTH, valueCodec()));
      case PRIMITIVE -> assign(call(JSON_WIRE, "read" + scalarName(), IN));
      case TEXT, ENUM -> assign(call(JSON_WIRE, "read", IN, DEPTH, valueCodec()));
    };
  }

  /**
   * Whether the field must be present: a union, or a message without a default instance, that is
   * not optional.
   */
  boolean isRequired() {
    return kind == Kind.MESSAGE && !field.optional() && defaultValue().equals(TypeMapper.NULL);
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

  /**
   * The record constructor's argument: the local, the collection a builder built, or the default if
   * the local may still be null.
   */
  CodeBlock argument() {
    if (kind == Kind.LIST || kind == Kind.MAP) {
      return CodeBlock.of("$N.build()", local);
    }
    if (kind == Kind.MESSAGE && !field.optional() && !isRequired()) {
      return CodeBlock.of("$T.requireNonNullElse($N, $L)", Objects.class, local, defaultValue());
    }
    return CodeBlock.of("$N", local);
  }

  /**
   * The builder a collection field is decoded into, {@code ListBuilder<Integer>} for {@code
   * List<Integer>}: it hands the record a collection its constructor need not copy.
   */
  private static ParameterizedTypeName builderType(com.palantir.javapoet.TypeName collection) {
    ParameterizedTypeName type = (ParameterizedTypeName) collection;
    ClassName builder =
        type.rawType().equals(TypeMapper.LIST) ? CodecClass.LIST_BUILDER : CodecClass.MAP_BUILDER;
    return ParameterizedTypeName.get(
        builder, type.typeArguments().toArray(com.palantir.javapoet.TypeName[]::new));
  }

  /** {@code Owner.method(arg, ...)}; arguments are code, names or numbers. */
  private static CodeBlock call(ClassName owner, String method, Object... args) {
    CodeBlock arguments =
        CodeBlock.join(Arrays.stream(args).map(arg -> CodeBlock.of("$L", arg)).toList(), ", ");
    return CodeBlock.of("$T.$L($L)", owner, method, arguments);
  }

  /** {@code local = value}. */
  private CodeBlock assign(CodeBlock value) {
    return CodeBlock.of("$N = $L", local, value);
  }

  /** {@code value.name()}. */
  private CodeBlock get() {
    return CodeBlock.of("$N.$N()", VALUE, field.javaName());
  }

  private CodeBlock defaultValue() {
    return TypeMapper.defaultValue(codec.schemas(), field);
  }

  private CodeBlock valueCodec() {
    return codec.valueCodec(field.type());
  }

  private CodeBlock elementCodec() {
    return codec.valueCodec(((FieldType.ListOf) field.type()).element());
  }

  private CodeBlock keyCodec() {
    return CodecClass.scalarCodec(((FieldType.MapOf) field.type()).key());
  }

  private CodeBlock mapValueCodec() {
    return codec.valueCodec(((FieldType.MapOf) field.type()).value());
  }

  private CodeBlock messageCodec() {
    return codec.codecOf(((FieldType.Named) field.type()).name());
  }

  private ClassName namedClass() {
    TypeName name = ((FieldType.Named) field.type()).name();
    return TypeMapper.className(name);
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

  /**
   * The scalar's part of the {@code ProtoWire} and {@code JsonWire} method names, {@code UInt32} in
   * {@code writeUInt32}.
   */
  private String scalarName() {
    return scalarName(((FieldType.Scalar) field.type()).kind());
  }

  private static String scalarName(ScalarKind kind) {
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
    return kind == ScalarKind.STRING ? "readStringRequireUtf8" : "read" + scalarName(kind);
  }
}

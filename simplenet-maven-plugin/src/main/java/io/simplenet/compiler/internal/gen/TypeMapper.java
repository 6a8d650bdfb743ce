package io.simplenet.compiler.internal.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.simplenet.compiler.internal.model.EnumType;
import io.simplenet.compiler.internal.model.EnumValue;
import io.simplenet.compiler.internal.model.Field;
import io.simplenet.compiler.internal.model.FieldType;
import io.simplenet.compiler.internal.model.MessageType;
import io.simplenet.compiler.internal.model.ScalarKind;
import io.simplenet.compiler.internal.model.SchemaSet;
import java.util.List;
import java.util.Map;

/** Maps schema types to the Java types and default values of the generated code. */
final class TypeMapper {
  static final ClassName BYTE_STRING = ClassName.get("com.google.protobuf", "ByteString");
  static final ClassName LIST = ClassName.get(List.class);
  static final ClassName MAP = ClassName.get(Map.class);

  /** The {@link #defaultValue} of fields without one. */
  static final CodeBlock NULL = CodeBlock.of("null");

  private TypeMapper() {}

  /** The generated class of a declared or channel-generated type. */
  static ClassName className(io.simplenet.compiler.internal.model.TypeName name) {
    return ClassName.get(name.javaPackage(), name.simpleName());
  }

  /** The type of {@code field}'s record component: boxed (and nullable) when optional. */
  static TypeName componentType(Field field) {
    TypeName type = javaType(field.type());
    return field.optional() ? type.box() : type;
  }

  /** The Java type of a field type; list elements and map keys and values are boxed. */
  static TypeName javaType(FieldType type) {
    if (type instanceof FieldType.Scalar scalar) {
      return scalarType(scalar.kind());
    }
    if (type instanceof FieldType.Named named) {
      return className(named.name());
    }
    if (type instanceof FieldType.ListOf list) {
      return ParameterizedTypeName.get(LIST, javaType(list.element()).box());
    }
    FieldType.MapOf map = (FieldType.MapOf) type;
    return ParameterizedTypeName.get(MAP, scalarType(map.key()).box(), javaType(map.value()).box());
  }

  /** The unboxed Java type of a scalar. */
  static TypeName scalarType(ScalarKind kind) {
    return switch (kind) {
      case BOOL -> TypeName.BOOLEAN;
      case INT32, UINT32 -> TypeName.INT;
      case INT64, UINT64 -> TypeName.LONG;
      case FLOAT -> TypeName.FLOAT;
      case DOUBLE -> TypeName.DOUBLE;
      case STRING -> ClassName.get(String.class);
      case BYTES -> BYTE_STRING;
    };
  }

  /**
   * The value {@code field} has when absent on the wire, as a Java expression: zero, {@code ""},
   * empty bytes or collections, an enum's value numbered 0, a message's {@code DEFAULT}; {@code
   * null} for optional fields, unions and messages without a default instance.
   */
  static CodeBlock defaultValue(SchemaSet schemas, Field field) {
    if (field.optional()) {
      return NULL;
    }
    FieldType type = field.type();
    if (type instanceof FieldType.ListOf) {
      return CodeBlock.of("$T.of()", LIST);
    }
    if (type instanceof FieldType.MapOf) {
      return CodeBlock.of("$T.of()", MAP);
    }
    if (type instanceof FieldType.Scalar scalar) {
      return switch (scalar.kind()) {
        case BOOL -> CodeBlock.of("false");
        case INT32, UINT32 -> CodeBlock.of("0");
        case INT64, UINT64 -> CodeBlock.of("0L");
        case FLOAT -> CodeBlock.of("0.0f");
        case DOUBLE -> CodeBlock.of("0.0");
        case STRING -> CodeBlock.of("$S", "");
        case BYTES -> CodeBlock.of("$T.EMPTY", BYTE_STRING);
      };
    }
    io.simplenet.compiler.internal.model.TypeName name = ((FieldType.Named) type).name();
    return switch (name.kind()) {
      case ENUM -> CodeBlock.of("$T.$N", className(name), zeroValue(schemas.enumType(name)).name());
      case MESSAGE -> {
        MessageType message = schemas.message(name);
        yield message.hasDefault() ? CodeBlock.of("$T.DEFAULT", className(name)) : NULL;
      }
      case UNION -> NULL;
    };
  }

  /** The value numbered 0, an enum's default. */
  static EnumValue zeroValue(EnumType type) {
    // The schema language requires the first value to be numbered 0.
    return type.values().get(0);
  }
}

package io.simplenet.compiler.interop;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import io.simplenet.compiler.internal.model.Field;
import io.simplenet.compiler.internal.model.FieldType;
import io.simplenet.compiler.internal.model.MessageType;
import io.simplenet.compiler.internal.model.TypeName;
import io.simplenet.compiler.internal.model.UnionMember;
import io.simplenet.compiler.internal.model.UnionType;
import io.simplenet.compiler.testing.AllTypesFixture;
import java.util.List;
import java.util.Map;

/**
 * Converts values of the generated types into protobuf-java {@link DynamicMessage}s by reflection
 * over the record components and the descriptors, without our codecs: the independent expectation
 * the interop tests compare our encodings with.
 *
 * <p>Presence follows the schema language: a non-optional message or union field is always present
 * (its absence and its default instance mean the same, and our encoders write it), an optional one
 * only when non-null; scalars and enums without {@code optional} have no presence, which {@link
 * DynamicMessage.Builder#setField} models by dropping default values.
 */
final class DynamicMessages {
  private DynamicMessages() {}

  /** {@code value}, of message or union {@code type}, as a dynamic message. */
  static DynamicMessage of(TypeName type, Object value) {
    return switch (type.kind()) {
      case MESSAGE -> message(AllTypesFixture.schemas().message(type), value);
      case UNION -> union(AllTypesFixture.schemas().union(type), value);
      case ENUM -> throw new IllegalArgumentException("an enum is not a message: " + type);
    };
  }

  private static DynamicMessage message(MessageType message, Object value) {
    Descriptor descriptor = AllTypesFixture.descriptor(message.name());
    DynamicMessage.Builder builder = DynamicMessage.newBuilder(descriptor);
    for (Field field : message.fields()) {
      Object component = component(value, field.javaName());
      FieldDescriptor proto = descriptor.findFieldByNumber(field.number());
      if (component == null) {
        if (!field.optional()) {
          throw new AssertionError("non-optional " + proto.getFullName() + " is null in " + value);
        }
        continue;
      }
      if (field.type() instanceof FieldType.ListOf list) {
        for (Object element : (List<?>) component) {
          builder.addRepeatedField(proto, single(list.element(), proto, element));
        }
      } else if (field.type() instanceof FieldType.MapOf map) {
        Descriptor entryType = proto.getMessageType();
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) component).entrySet()) {
          FieldDescriptor valueField = entryType.findFieldByNumber(2);
          builder.addRepeatedField(
              proto,
              DynamicMessage.newBuilder(entryType)
                  .setField(entryType.findFieldByNumber(1), entry.getKey())
                  .setField(valueField, single(map.value(), valueField, entry.getValue()))
                  .build());
        }
      } else {
        builder.setField(proto, single(field.type(), proto, component));
      }
    }
    return builder.build();
  }

  /** A union holds exactly the member whose (message or union) type the value is an instance of. */
  private static DynamicMessage union(UnionType union, Object value) {
    Descriptor descriptor = AllTypesFixture.descriptor(union.name());
    for (UnionMember member : union.members()) {
      if (AllTypesFixture.type(member.type()).isInstance(value)) {
        return DynamicMessage.newBuilder(descriptor)
            .setField(descriptor.findFieldByNumber(member.number()), of(member.type(), value))
            .build();
      }
    }
    throw new AssertionError(value.getClass() + " is no member of " + union.name());
  }

  /** A scalar is already the Java type protobuf-java uses for it; enums go by name. */
  private static Object single(FieldType type, FieldDescriptor proto, Object value) {
    if (type instanceof FieldType.Scalar) {
      return value;
    }
    TypeName name = ((FieldType.Named) type).name();
    return switch (name.kind()) {
      case ENUM -> enumValue(proto, (Enum<?>) value);
      case MESSAGE, UNION -> of(name, value);
    };
  }

  private static EnumValueDescriptor enumValue(FieldDescriptor proto, Enum<?> constant) {
    EnumValueDescriptor enumValue = proto.getEnumType().findValueByName(constant.name());
    if (enumValue == null) {
      throw new AssertionError(
          proto.getEnumType().getFullName() + " has no value " + constant.name());
    }
    return enumValue;
  }

  private static Object component(Object record, String javaName) {
    try {
      return record.getClass().getMethod(javaName).invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(record.getClass() + " has no component " + javaName, e);
    }
  }
}

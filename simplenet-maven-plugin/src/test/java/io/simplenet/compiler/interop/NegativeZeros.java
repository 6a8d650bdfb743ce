package io.simplenet.compiler.interop;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import java.util.List;
import java.util.Map;

/**
 * Replaces {@code double} {@code -0.0} by {@code 0.0} in a message. protobuf-java's {@code
 * JsonFormat} parser reads doubles (not floats) through {@link java.math.BigDecimal}, which has no
 * negative zero, so a message it parses never holds a double {@code -0.0}, whatever the JSON said;
 * comparisons with its output go through this.
 */
final class NegativeZeros {
  private NegativeZeros() {}

  static DynamicMessage positive(Message message) {
    DynamicMessage.Builder builder = DynamicMessage.newBuilder(message.getDescriptorForType());
    for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
      FieldDescriptor descriptor = field.getKey();
      if (descriptor.isRepeated()) {
        for (Object element : (List<?>) field.getValue()) {
          builder.addRepeatedField(descriptor, positive(element));
        }
      } else {
        builder.setField(descriptor, positive(field.getValue()));
      }
    }
    return builder.setUnknownFields(message.getUnknownFields()).build();
  }

  private static Object positive(Object value) {
    if (value instanceof Message message) {
      return positive(message);
    }
    if (value instanceof Double d
        && Double.doubleToRawLongBits(d) == Double.doubleToRawLongBits(-0d)) {
      return 0d;
    }
    return value;
  }
}

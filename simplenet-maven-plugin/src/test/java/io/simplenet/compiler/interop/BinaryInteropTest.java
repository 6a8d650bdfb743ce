package io.simplenet.compiler.interop;

import static io.simplenet.compiler.interop.ValueAssertions.assertSameValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import io.simplenet.codec.MessageCodec;
import io.simplenet.compiler.internal.model.TypeName;
import io.simplenet.compiler.interop.ValueAssertions.NaNs;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our binary encoding against protobuf-java's: for random values of every fixture type,
 * protobuf-java's {@link DynamicMessage} reads our bytes as the message an independent conversion
 * of the value expects, and our codec reads protobuf-java's bytes of that message back as the
 * value.
 */
class BinaryInteropTest {
  static final long SEED = 0x5EED_0001L;
  static final int VALUES_PER_TYPE = 150;

  static Stream<TypeName> types() {
    return CompiledFixture.get().typesWithValues().stream();
  }

  @ParameterizedTest
  @MethodSource("types")
  void protobufReadsOurBytesAndWeReadProtobufs(TypeName type)
      throws InvalidProtocolBufferException {
    CompiledFixture fixture = CompiledFixture.get();
    long seed = InteropCases.seed(SEED, type);
    DynamicMessages messages = new DynamicMessages(fixture);
    MessageCodec<Object> codec = fixture.codec(type);
    Descriptor descriptor = fixture.descriptor(type);

    for (Object value : InteropCases.values(fixture, type, seed, VALUES_PER_TYPE)) {
      String context = type + " (seed " + seed + ") " + value;
      DynamicMessage expected = messages.of(type, value);

      // equals also compares unknown fields: our bytes must hold nothing protobuf does not know.
      assertEquals(expected, DynamicMessage.parseFrom(descriptor, codec.toBytes(value)), context);
      assertSameValue(value, codec.fromBytes(expected.toByteArray()), NaNs.RAW_BITS, context);
    }
  }
}

package io.simplenet.compiler.interop;

import static io.simplenet.compiler.interop.ValueAssertions.assertSameValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import io.simplenet.compiler.internal.model.TypeName;
import io.simplenet.compiler.interop.ValueAssertions.NaNs;
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

  @ParameterizedTest
  @MethodSource("io.simplenet.compiler.interop.InteropCases#types")
  void protobufReadsOurBytesAndWeReadProtobufs(TypeName type)
      throws InvalidProtocolBufferException {
    InteropCases interop = InteropCases.of(type, SEED, VALUES_PER_TYPE);

    for (InteropCases.Case c : interop.cases()) {
      byte[] ours = interop.codec().toBytes(c.value());
      // equals also compares unknown fields: our bytes must hold nothing protobuf does not know.
      assertEquals(c.expected(), DynamicMessage.parseFrom(interop.descriptor(), ours), c.context());

      byte[] theirs = c.expected().toByteArray();
      assertSameValue(c.value(), interop.codec().fromBytes(theirs), NaNs.RAW_BITS, c.context());
    }
  }
}

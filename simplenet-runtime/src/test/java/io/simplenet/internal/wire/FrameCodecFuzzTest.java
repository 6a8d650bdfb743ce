package io.simplenet.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.simplenet.Encoding;
import io.simplenet.codec.CodecException;
import io.simplenet.testing.TestChannel;
import io.simplenet.testing.TestMessages.TestClientMsg;
import io.simplenet.testing.TestMessages.TestConnect;
import io.simplenet.testing.TestMessages.TestRequest;
import io.simplenet.testing.TestMessages.TestResponse;
import io.simplenet.testing.TestMessages.TestServerMsg;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Coverage-guided fuzzing of the frame decoders (docs/testing.md). Any message either decodes or
 * fails with {@link CodecException}, as {@link FrameCodec} documents; a decoded frame encodes, in
 * both encodings, to a message that decodes to an equal frame. Each input is tried as a client
 * frame and as a server frame. Plain test runs replay the corpus in {@code FrameCodecFuzzTestInputs}.
 */
class FrameCodecFuzzTest {
  private static final FrameCodec<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse>
      CODEC = new FrameCodec<>(TestChannel.SPEC);

  @FuzzTest
  void binaryFrames(byte[] bytes) {
    checkBothDirections(new WireMessage.Binary(bytes));
  }

  /** Corpus files are the frame's UTF-8 text, so seeds stay readable JSON. */
  @FuzzTest
  void jsonFrames(byte[] utf8) {
    checkBothDirections(new WireMessage.Text(new String(utf8, StandardCharsets.UTF_8)));
  }

  private static void checkBothDirections(WireMessage message) {
    decodeAndReencode(message, CODEC::decodeClientFrame, CODEC::encodeClientFrame, "client");
    decodeAndReencode(message, CODEC::decodeServerFrame, CODEC::encodeServerFrame, "server");
  }

  /** A refusal must be a CodecException; an accepted frame must survive both encodings. */
  private static <F> void decodeAndReencode(
      WireMessage message,
      Function<WireMessage, F> decoder,
      BiFunction<F, Encoding, WireMessage> encoder,
      String direction) {
    F frame;
    try {
      frame = decoder.apply(message);
    } catch (CodecException refused) {
      return;
    }
    for (Encoding encoding : Encoding.values()) {
      assertEquals(
          frame,
          decoder.apply(encoder.apply(frame, encoding)),
          direction + " frame re-encoded in " + encoding);
    }
  }
}

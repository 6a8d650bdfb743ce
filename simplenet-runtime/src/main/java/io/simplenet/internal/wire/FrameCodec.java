package io.simplenet.internal.wire;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import io.simplenet.ChannelSpec;
import io.simplenet.Encoding;
import io.simplenet.codec.CodecException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Encodes and decodes the protocol's frames, in binary or JSON, with a channel's codecs for the
 * payloads. Both ends use it: the server encodes {@link ServerFrame}s and decodes {@link
 * ClientFrame}s, the client the reverse.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class FrameCodec<C, CM, REQ, SM, RESP> {
  private final BinaryFrames<C, CM, REQ, SM, RESP> binary;
  private final JsonFrames<C, CM, REQ, SM, RESP> json;

  public FrameCodec(ChannelSpec<C, CM, REQ, SM, RESP> spec) {
    Objects.requireNonNull(spec, "spec == null");
    this.binary = new BinaryFrames<>(spec);
    this.json = new JsonFrames<>(spec);
  }

  /**
   * {@code frame} as a binary or text message.
   *
   * @throws IllegalArgumentException if a payload codec cannot encode its value
   */
  public WireMessage encodeClientFrame(ClientFrame<C, CM, REQ> frame, Encoding encoding) {
    Objects.requireNonNull(frame, "frame == null");
    if (frame instanceof ClientFrame.Batch<C, CM, REQ> batch) {
      return encodeBatch(batch.frames(), member -> encodeClientFrame(member, encoding));
    }
    try {
      return encoding == Encoding.BINARY
          ? new WireMessage.Binary(binary.encodeClientFrame(frame))
          : new WireMessage.Text(json.encodeClientFrame(frame));
    } catch (IOException e) {
      throw cannotEncode(frame, e);
    }
  }

  /**
   * {@code frame} as a binary or text message.
   *
   * @throws IllegalArgumentException if a payload codec cannot encode its value
   */
  public WireMessage encodeServerFrame(ServerFrame<SM, RESP> frame, Encoding encoding) {
    Objects.requireNonNull(frame, "frame == null");
    if (frame instanceof ServerFrame.Batch<SM, RESP> batch) {
      return encodeBatch(batch.frames(), member -> encodeServerFrame(member, encoding));
    }
    try {
      return encoding == Encoding.BINARY
          ? new WireMessage.Binary(binary.encodeServerFrame(frame))
          : new WireMessage.Text(json.encodeServerFrame(frame));
    } catch (IOException e) {
      throw cannotEncode(frame, e);
    }
  }

  /**
   * Decodes a binary message as a binary frame, a text message as a JSON frame.
   *
   * @throws CodecException if the message is not a valid frame
   */
  public ClientFrame<C, CM, REQ> decodeClientFrame(WireMessage message) {
    try {
      return message instanceof WireMessage.Binary bytes
          ? binary.decodeClientFrame(bytes.bytes())
          : json.decodeClientFrame(((WireMessage.Text) message).text());
    } catch (IOException | RuntimeException e) {
      throw cannotDecode("ClientFrame", message, e);
    }
  }

  /**
   * Decodes a binary message as a binary frame, a text message as a JSON frame.
   *
   * @throws CodecException if the message is not a valid frame
   */
  public ServerFrame<SM, RESP> decodeServerFrame(WireMessage message) {
    try {
      return message instanceof WireMessage.Binary bytes
          ? binary.decodeServerFrame(bytes.bytes())
          : json.decodeServerFrame(((WireMessage.Text) message).text());
    } catch (IOException | RuntimeException e) {
      throw cannotDecode("ServerFrame", message, e);
    }
  }

  /** A batch of {@code frames}, each encoded alone by {@code encoder}. */
  private static <F> WireMessage encodeBatch(List<F> frames, Function<F, WireMessage> encoder) {
    List<WireMessage> encoded = new ArrayList<>(frames.size());
    for (F frame : frames) {
      encoded.add(encoder.apply(frame));
    }
    return Batches.combine(encoded);
  }

  private static IllegalArgumentException cannotEncode(Object frame, IOException e) {
    return new IllegalArgumentException(
        "cannot encode " + frame.getClass().getSimpleName() + ": " + e.getMessage(), e);
  }

  private static CodecException cannotDecode(String type, WireMessage message, Exception e) {
    String form = message instanceof WireMessage.Binary ? "binary" : "JSON";
    String prefix = "cannot decode " + type + " from " + form + " of " + message.sizeBytes() + " bytes: ";
    if (e instanceof JacksonException jackson) {
      // Jackson's messages quote the offending input, which can be a client's secret or token: the
      // server logs this message, so keep only the position, and drop the cause that holds the text.
      JsonLocation location = jackson.getLocation();
      return new CodecException(
          prefix + "malformed JSON" + (location != null ? " at " + location.offsetDescription() : ""));
    }
    return new CodecException(
        prefix + (e.getMessage() != null ? e.getMessage() : e.getClass().getName()), e);
  }
}

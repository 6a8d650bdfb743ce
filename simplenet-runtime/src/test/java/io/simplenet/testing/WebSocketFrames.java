package io.simplenet.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * RFC 6455 framing for the raw test peers ({@link RawSocket} plays a client, {@code
 * RawWebSocketPeer} a server): one unfragmented frame at a time, masked when a client sends it.
 */
public final class WebSocketFrames {
  public static final int OP_TEXT = 0x1;
  public static final int OP_BINARY = 0x2;
  public static final int OP_CLOSE = 0x8;
  public static final int OP_PING = 0x9;
  public static final int OP_PONG = 0xA;

  /** One received frame, unmasked. */
  public record Frame(int opcode, byte[] payload) {
    /** The close code of a close frame. */
    public int closeCode() {
      return ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
    }

    /** The reason of a close frame. */
    public String closeReason() {
      return new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
    }
  }

  private WebSocketFrames() {}

  /**
   * Writes one final frame; masked with a key from {@code masks} (as a client must), or unmasked
   * (as a server must) if {@code masks} is null.
   */
  public static void write(OutputStream out, int opcode, byte[] payload, Random masks)
      throws IOException {
    int maskBit = masks == null ? 0 : 0x80;
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write(0x80 | opcode);
    if (payload.length < 126) {
      frame.write(maskBit | payload.length);
    } else if (payload.length < 65_536) {
      frame.write(maskBit | 126);
      frame.write(payload.length >>> 8);
      frame.write(payload.length & 0xff);
    } else {
      frame.write(maskBit | 127);
      frame.writeBytes(ByteBuffer.allocate(8).putLong(payload.length).array());
    }
    if (masks == null) {
      frame.writeBytes(payload);
    } else {
      byte[] mask = new byte[4];
      masks.nextBytes(mask);
      frame.writeBytes(mask);
      for (int i = 0; i < payload.length; i++) {
        frame.write(payload[i] ^ mask[i % 4]);
      }
    }
    out.write(frame.toByteArray());
    out.flush();
  }

  /**
   * Reads one frame, unmasking it if it is masked; null at the end of the stream before a frame.
   * Throws {@link java.io.EOFException} at the end of the stream inside a frame.
   */
  public static Frame read(DataInputStream in) throws IOException {
    int first = in.read();
    if (first < 0) {
      return null;
    }
    if ((first & 0x80) == 0) {
      throw new IOException("fragmented frames are not supported here");
    }
    int second = in.readUnsignedByte();
    long length = second & 0x7f;
    if (length == 126) {
      length = in.readUnsignedShort();
    } else if (length == 127) {
      length = in.readLong();
    }
    byte[] mask = new byte[4];
    if ((second & 0x80) != 0) {
      in.readFully(mask);
    }
    byte[] payload = new byte[Math.toIntExact(length)];
    in.readFully(payload);
    for (int i = 0; i < payload.length; i++) {
      payload[i] ^= mask[i % 4];
    }
    return new Frame(first & 0x0f, payload);
  }
}

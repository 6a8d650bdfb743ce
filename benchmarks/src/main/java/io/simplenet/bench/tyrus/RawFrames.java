package io.simplenet.bench.tyrus;

import java.nio.ByteBuffer;

/**
 * The raw baseline's message, encoded by hand: an 8-byte big-endian id, then the data. No schema,
 * no tags, no varints: the least work a binary frame can take.
 */
final class RawFrames {
  private static final int ID_BYTES = Long.BYTES;

  private RawFrames() {}

  /** A new buffer, ready to send, holding {@code id} and {@code data}. */
  static ByteBuffer encode(long id, byte[] data) {
    ByteBuffer frame = ByteBuffer.allocate(ID_BYTES + data.length);
    frame.putLong(id).put(data).flip();
    return frame;
  }

  /** The id of a received frame; does not move its position. */
  static long id(ByteBuffer frame) {
    if (frame.remaining() < ID_BYTES) {
      throw new IllegalArgumentException("frame shorter than an id: " + frame.remaining());
    }
    return frame.getLong(frame.position());
  }

  /** A copy of a received frame, ready to send back. */
  static ByteBuffer copy(ByteBuffer frame) {
    ByteBuffer copy = ByteBuffer.allocate(frame.remaining());
    copy.put(frame.duplicate()).flip();
    return copy;
  }
}

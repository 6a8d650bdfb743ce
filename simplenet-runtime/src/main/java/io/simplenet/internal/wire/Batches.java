package io.simplenet.internal.wire;

import com.google.protobuf.CodedOutputStream;
import java.util.List;

/**
 * The batch frame of docs/protocol.md: several encoded frames in one WebSocket message, built from
 * the frames' encodings without decoding them. Binary: {@code batch = 15} holding {@code repeated
 * frames = 1}, so a batch is the tag, the length, then each frame as tag, length, bytes. JSON:
 * {@code {"batch":{"frames":[f1,f2]}}}. Stateless.
 */
public final class Batches {
  /** The {@code batch} member of ClientFrame and ServerFrame. */
  static final int BATCH_FIELD = 15;
  /** The {@code frames} field of ClientBatch and ServerBatch. */
  static final int FRAMES_FIELD = 1;

  /** The most bytes a server puts in one batch; clients must accept messages of this size. */
  public static final int SERVER_MAX_BATCH_BYTES = 64 * 1024;

  static final String JSON_PREFIX = "{\"batch\":{\"frames\":[";
  static final String JSON_SUFFIX = "]}}";

  private static final int BATCH_TAG = BATCH_FIELD << 3 | 2;
  private static final int FRAMES_TAG = FRAMES_FIELD << 3 | 2;

  private Batches() {}

  /** The bytes a frame of {@code sizeBytes} takes inside a batch, separator or header included. */
  static int itemSize(boolean binary, int sizeBytes) {
    return binary ? 1 + CodedOutputStream.computeUInt32SizeNoTag(sizeBytes) + sizeBytes : sizeBytes + 1;
  }

  /** The size of a batch whose items take {@code itemsSize} bytes (as {@link #itemSize} counts). */
  static int batchSize(boolean binary, long itemsSize) {
    if (itemsSize > Integer.MAX_VALUE - 16) {
      return Integer.MAX_VALUE; // never fits
    }
    int items = (int) itemsSize;
    return binary
        ? 1 + CodedOutputStream.computeUInt32SizeNoTag(items) + items
        : JSON_PREFIX.length() + items - 1 + JSON_SUFFIX.length();
  }

  /** {@code frames}, all binary or all text, as one batch message. */
  public static WireMessage combine(List<WireMessage> frames) {
    if (frames.isEmpty()) {
      throw new IllegalArgumentException("frames.isEmpty()");
    }
    return frames.get(0) instanceof WireMessage.Binary ? combineBinary(frames) : combineText(frames);
  }

  private static WireMessage combineBinary(List<WireMessage> frames) {
    int items = 0;
    for (WireMessage frame : frames) {
      items += itemSize(true, binary(frame).length);
    }
    byte[] out = new byte[batchSize(true, items)];
    int at = writeVarint(out, 0, BATCH_TAG);
    at = writeVarint(out, at, items);
    for (WireMessage frame : frames) {
      byte[] bytes = binary(frame);
      at = writeVarint(out, at, FRAMES_TAG);
      at = writeVarint(out, at, bytes.length);
      System.arraycopy(bytes, 0, out, at, bytes.length);
      at += bytes.length;
    }
    return new WireMessage.Binary(out);
  }

  private static WireMessage combineText(List<WireMessage> frames) {
    int chars = JSON_PREFIX.length() + JSON_SUFFIX.length() + frames.size();
    for (WireMessage frame : frames) {
      chars += text(frame).length();
    }
    StringBuilder out = new StringBuilder(chars).append(JSON_PREFIX);
    for (int i = 0; i < frames.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(text(frames.get(i)));
    }
    return new WireMessage.Text(out.append(JSON_SUFFIX).toString());
  }

  private static byte[] binary(WireMessage frame) {
    if (!(frame instanceof WireMessage.Binary binary)) {
      throw new IllegalArgumentException("a text frame in a binary batch");
    }
    return binary.bytes();
  }

  private static String text(WireMessage frame) {
    if (!(frame instanceof WireMessage.Text text)) {
      throw new IllegalArgumentException("a binary frame in a text batch");
    }
    return text.text();
  }

  private static int writeVarint(byte[] out, int at, int value) {
    while ((value & ~0x7F) != 0) {
      out[at++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out[at++] = (byte) value;
    return at;
  }
}

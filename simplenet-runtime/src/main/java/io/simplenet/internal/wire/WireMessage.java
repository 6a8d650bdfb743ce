package io.simplenet.internal.wire;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** One encoded frame: a WebSocket binary message (binary encoding) or text message (JSON). */
public sealed interface WireMessage {

  /** The size the message takes on the wire before framing, in bytes. */
  int sizeBytes();

  /** A binary message; the array is owned by this value and must not be changed. */
  record Binary(byte[] bytes) implements WireMessage {
    public Binary {
      Objects.requireNonNull(bytes, "bytes == null");
    }

    @Override
    public int sizeBytes() {
      return bytes.length;
    }
  }

  /** A text message. */
  record Text(String text) implements WireMessage {
    public Text {
      Objects.requireNonNull(text, "text == null");
    }

    @Override
    public int sizeBytes() {
      return utf8Length(text);
    }
  }

  /** The length of {@code text} in UTF-8, without encoding it; a lone surrogate counts 3. */
  static int utf8Length(CharSequence text) {
    int bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}

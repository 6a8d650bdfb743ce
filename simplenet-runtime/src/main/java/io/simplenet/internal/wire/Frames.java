package io.simplenet.internal.wire;

import io.simplenet.ClientId;
import io.simplenet.codec.CodecException;
import java.util.List;

/** Rules both frame encodings check while decoding. */
final class Frames {
  private Frames() {}

  /** The body of a RequestFrame or ResponseFrame. */
  record IdAndPayload<T>(long id, T payload) {}

  /** {@code next}, unless a member of the same oneof was already read. */
  static <T> T onlyMember(T current, T next, String oneofOwner) {
    if (current != null) {
      throw new CodecException(oneofOwner + " has more than one oneof member set");
    }
    return next;
  }

  static <T> T required(T value, String whatIsMissing) {
    if (value == null) {
      throw new CodecException(whatIsMissing);
    }
    return value;
  }

  /** A client id field, which is required: "" is proto3's default and never a valid id. */
  static ClientId clientId(String decimal) {
    if (decimal == null) {
      throw new CodecException("client_id missing");
    }
    return ClientId.parse(decimal);
  }

  /** An immutable copy of a batch's frames: at least one, none a batch itself. */
  static <F> List<F> batchMembers(List<F> frames) {
    List<F> copy = List.copyOf(frames);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("a batch with no frames");
    }
    for (F frame : copy) {
      if (frame instanceof ClientFrame.Batch || frame instanceof ServerFrame.Batch) {
        throw new IllegalArgumentException("a batch inside a batch");
      }
    }
    return copy;
  }

  /** Accepted's uint32 max_message_size; values above int's range mean "no smaller bound". */
  static int maxMessageSize(long uint32) {
    return (int) Math.min(uint32 & 0xFFFF_FFFFL, Integer.MAX_VALUE);
  }
}

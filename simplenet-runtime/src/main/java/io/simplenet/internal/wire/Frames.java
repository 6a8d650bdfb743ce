package io.simplenet.internal.wire;

import io.simplenet.ClientId;
import io.simplenet.codec.CodecException;

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
}

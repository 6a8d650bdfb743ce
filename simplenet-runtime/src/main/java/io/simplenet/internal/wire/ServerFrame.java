package io.simplenet.internal.wire;

import io.simplenet.ClientId;
import java.util.Objects;

/**
 * One server-to-client frame, the protocol's {@code ServerFrame}. Request ids are unsigned 64-bit
 * numbers.
 *
 * @param <SM> server messages
 * @param <RESP> responses
 */
public sealed interface ServerFrame<SM, RESP> {

  /** The handshake succeeded: always the first server frame. */
  record Accepted<SM, RESP>(ClientId clientId) implements ServerFrame<SM, RESP> {
    public Accepted {
      Objects.requireNonNull(clientId, "clientId == null");
    }
  }

  /** A one-shot message. */
  record Message<SM, RESP>(SM message) implements ServerFrame<SM, RESP> {
    public Message {
      Objects.requireNonNull(message, "message == null");
    }
  }

  /** The response to request {@code id}. */
  record Response<SM, RESP>(long id, RESP response) implements ServerFrame<SM, RESP> {
    public Response {
      Objects.requireNonNull(response, "response == null");
    }
  }

  /** Request {@code id} was acknowledged; no response follows. */
  record Ack<SM, RESP>(long id) implements ServerFrame<SM, RESP> {}

  /** Request {@code id} was rejected. */
  record Reject<SM, RESP>(long id) implements ServerFrame<SM, RESP> {}
}

package io.simplenet.internal.wire;

import io.simplenet.ClientId;
import java.util.List;
import java.util.Objects;

/**
 * One server-to-client frame, the protocol's {@code ServerFrame}. Request ids are unsigned 64-bit
 * numbers.
 *
 * @param <SM> server messages
 * @param <RESP> responses
 */
public sealed interface ServerFrame<SM, RESP> {

  /**
   * The handshake succeeded: always the first server frame. {@code maxMessageSize} is the largest
   * message the server takes, so the bound of the client's batches; 0 (absent) forbids batches.
   */
  record Accepted<SM, RESP>(ClientId clientId, int maxMessageSize) implements ServerFrame<SM, RESP> {
    public Accepted {
      Objects.requireNonNull(clientId, "clientId == null");
      if (maxMessageSize < 0) {
        throw new IllegalArgumentException("maxMessageSize < 0: " + maxMessageSize);
      }
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

  /** Several frames, none a batch, in one message: handled as if each had come alone, in order. */
  record Batch<SM, RESP>(List<ServerFrame<SM, RESP>> frames) implements ServerFrame<SM, RESP> {
    public Batch {
      frames = Frames.batchMembers(frames);
    }
  }
}

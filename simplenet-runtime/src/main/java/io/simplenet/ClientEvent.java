package io.simplenet;

import java.util.Objects;

/**
 * What a {@link Client} delivers, in order, through {@link Client#next()} and {@link Client#poll}.
 * Every request ends in exactly one of {@link Response}, {@link Ack}, {@link Reject}, {@link
 * SendFailed} or {@link ResponseLost}, unless it is listed in the final {@link
 * ClientReport.IsDead}. Request ids are unsigned 64-bit numbers.
 *
 * <p>Instances are immutable and thread-safe if the messages are.
 *
 * @param <SM> server-to-client one-shot messages
 * @param <RESP> responses
 */
public sealed interface ClientEvent<SM, RESP> {

  /** A connection change. */
  record Report<SM, RESP>(ClientReport report) implements ClientEvent<SM, RESP> {
    public Report {
      Objects.requireNonNull(report, "report == null");
    }
  }

  /** A one-shot message from the server. */
  record Msg<SM, RESP>(SM message) implements ClientEvent<SM, RESP> {
    public Msg {
      Objects.requireNonNull(message, "message == null");
    }
  }

  /** The server's response to request {@code requestId}. */
  record Response<SM, RESP>(RESP response, long requestId) implements ClientEvent<SM, RESP> {
    public Response {
      Objects.requireNonNull(response, "response == null");
    }
  }

  /** The server acknowledged request {@code requestId}; no response follows. */
  record Ack<SM, RESP>(long requestId) implements ClientEvent<SM, RESP> {}

  /** The server rejected request {@code requestId}. */
  record Reject<SM, RESP>(long requestId) implements ClientEvent<SM, RESP> {}

  /**
   * Request {@code requestId} was never written to a connection. Reported at the next connection
   * change, not when the request was refused, as the seed crate does.
   */
  record SendFailed<SM, RESP>(long requestId) implements ClientEvent<SM, RESP> {}

  /** Request {@code requestId} was written, but its connection ended before a reply. */
  record ResponseLost<SM, RESP>(long requestId) implements ClientEvent<SM, RESP> {}
}

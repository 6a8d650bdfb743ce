package io.simplenet;

import java.util.List;
import java.util.Objects;

/**
 * A change in a {@link Client}'s connection, delivered as {@link ClientEvent.Report}. A client
 * reports {@link Connected} only once the server has accepted it, then {@link Disconnected} or
 * {@link ClosedByServer} when that connection ends; {@link ClosedBySelf} when the application
 * closes it; and {@link IsDead} once, as its very last event.
 *
 * <p>Instances are immutable and thread-safe.
 */
public sealed interface ClientReport {

  /**
   * The server accepted the client: authenticated, registered and ready. Every request made before
   * was resolved by an earlier event.
   */
  record Connected() implements ClientReport {}

  /**
   * The connection was lost without a close frame from the server (network failure, or no sign of
   * life within the keepalive timeout).
   */
  record Disconnected() implements ClientReport {}

  /**
   * The server closed the connection, or refused it, with this close code and reason: for example
   * {@code 1011 "invalid auth: ..."}, {@code 1008 "client already connected"} or {@code 1000} and
   * the application's reason.
   */
  record ClosedByServer(CloseReason reason) implements ClientReport {
    public ClosedByServer {
      Objects.requireNonNull(reason, "reason == null");
    }
  }

  /** The application called {@link Client#close()}. */
  record ClosedBySelf() implements ClientReport {}

  /**
   * The client stopped for good; always the last event. Lists the requests whose frames were still
   * being written, which get no other event: each other request has had exactly one.
   */
  record IsDead(List<Long> pendingRequestIds) implements ClientReport {
    public IsDead {
      pendingRequestIds = List.copyOf(pendingRequestIds);
    }
  }
}

package io.simplenet.testing;

import io.simplenet.ClientEvent;
import io.simplenet.RequestStatus;

/** What a client's terminal request events say: which request they end, and with which status. */
public final class TerminalEvents {
  private TerminalEvents() {}

  /**
   * The id of the request {@code event} ends (Response, Ack, Reject, SendFailed or ResponseLost),
   * or null for any other event.
   */
  public static Long requestId(ClientEvent<?, ?> event) {
    if (event instanceof ClientEvent.Response<?, ?> e) {
      return e.requestId();
    } else if (event instanceof ClientEvent.Ack<?, ?> e) {
      return e.requestId();
    } else if (event instanceof ClientEvent.Reject<?, ?> e) {
      return e.requestId();
    } else if (event instanceof ClientEvent.SendFailed<?, ?> e) {
      return e.requestId();
    } else if (event instanceof ClientEvent.ResponseLost<?, ?> e) {
      return e.requestId();
    }
    return null;
  }

  /** The final status a request has after the terminal event {@code event}. */
  public static RequestStatus status(ClientEvent<?, ?> event) {
    if (event instanceof ClientEvent.Response<?, ?>) {
      return RequestStatus.RESPONDED;
    } else if (event instanceof ClientEvent.Ack<?, ?>) {
      return RequestStatus.ACKNOWLEDGED;
    } else if (event instanceof ClientEvent.Reject<?, ?>) {
      return RequestStatus.REJECTED;
    } else if (event instanceof ClientEvent.SendFailed<?, ?>) {
      return RequestStatus.SEND_FAILED;
    } else if (event instanceof ClientEvent.ResponseLost<?, ?>) {
      return RequestStatus.RESPONSE_LOST;
    }
    throw new IllegalArgumentException("not a terminal event: " + event);
  }
}

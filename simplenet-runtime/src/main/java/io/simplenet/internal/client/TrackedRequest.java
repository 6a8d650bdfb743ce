package io.simplenet.internal.client;

import io.simplenet.RequestSignal;
import io.simplenet.RequestStatus;

/**
 * The mutable {@link RequestSignal} behind one request. As in the seed crate the status is
 * computed: from the frame's {@link SendState} while it is not written ({@link
 * RequestStatus#SENDING}, {@link RequestStatus#SEND_FAILED}), and from the reply outcome once it is
 * ({@link RequestStatus#WAITING} until a reply or the loss of the connection).
 *
 * <p>Thread-safe.
 */
final class TrackedRequest implements RequestSignal {
  private final long id;
  private final SendState send;
  private volatile RequestStatus outcome = RequestStatus.WAITING;

  TrackedRequest(long id, SendState send) {
    this.id = id;
    this.send = send;
  }

  SendState send() {
    return send;
  }

  /**
   * Sets what happened after the frame was written: {@link RequestStatus#RESPONDED}, {@link
   * RequestStatus#ACKNOWLEDGED}, {@link RequestStatus#REJECTED} or {@link
   * RequestStatus#RESPONSE_LOST}.
   */
  void setOutcome(RequestStatus outcome) {
    this.outcome = outcome;
  }

  @Override
  public long id() {
    return id;
  }

  @Override
  public RequestStatus status() {
    return switch (send.status()) {
      case SENDING -> RequestStatus.SENDING;
      case FAILED -> RequestStatus.SEND_FAILED;
      case SENT -> outcome;
    };
  }

  @Override
  public String toString() {
    return "RequestSignal[" + Long.toUnsignedString(id) + " " + status() + "]";
  }
}

package io.simplenet.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Records what an {@link OutboundQueue} reports for one frame: null until then, and how often. */
final class Outcome implements OutboundQueue.Completion {
  private Boolean written;
  private int reports;

  /** Offers {@code frame} to {@code queue}, asserting it was queued, and returns its outcome. */
  static Outcome queued(OutboundQueue queue, WireMessage frame) {
    Outcome outcome = new Outcome();
    assertEquals(OutboundQueue.Offer.QUEUED, queue.offer(frame, outcome));
    return outcome;
  }

  @Override
  public synchronized void completed(boolean written) {
    this.written = written;
    reports++;
  }

  synchronized Boolean written() {
    return written;
  }

  synchronized int reports() {
    return reports;
  }
}

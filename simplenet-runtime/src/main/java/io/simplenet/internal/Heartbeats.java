package io.simplenet.internal;

import java.time.Duration;

/**
 * The rule shared by the server's and the client's heartbeat, which checks each connection once
 * per heartbeat interval.
 *
 * <p>Stateless and thread-safe.
 */
public final class Heartbeats {
  private Heartbeats() {}

  /**
   * Whether a check that finds the connection silent for {@code silentNanos} pings it: once it has
   * been silent for half the interval. A pong that arrives just after one check leaves the
   * connection silent for a hair under the interval at the next; pinging only after a full interval
   * would then skip that check, and a later check delayed by a millisecond of timer jitter would find
   * the keepalive timeout (twice the interval by default) passed without a ping ever sent, closing
   * a healthy connection.
   */
  public static boolean needsPing(long silentNanos, Duration heartbeatInterval) {
    return silentNanos >= heartbeatInterval.toNanos() / 2;
  }
}

package io.simplenet.internal;

import jakarta.websocket.Session;

/** Session settings both ends apply when a Tyrus session opens. Stateless. */
public final class TyrusSessions {
  /**
   * "Never", as the WebSocket API allows it. Tyrus 2.2.2 treats 0 ("never" too) as a timeout of 0
   * ms: it cancels and reschedules an idle task on its timer for every message sent or received,
   * which wakes the timer thread once per message. A negative value skips that.
   */
  private static final long NO_IDLE_TIMEOUT = -1;

  private TyrusSessions() {}

  /** Turns off Tyrus's idle timeout: our heartbeats watch liveness instead. */
  public static void disableIdleTimeout(Session session) {
    session.setMaxIdleTimeout(NO_IDLE_TIMEOUT);
  }
}

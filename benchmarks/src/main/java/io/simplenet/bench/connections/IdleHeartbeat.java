package io.simplenet.bench.connections;

import java.time.Duration;

/**
 * The heartbeat of the connection benchmark's simplenet server and clients, longer than the
 * defaults (ping after 5 s of silence, close after 10 s): while 10,000 clients connect as fast as
 * they can, the server's two cores are busy with handshakes and token checks, and with the
 * defaults more than a thousand of the clients connected first heard no pong within 5 s and closed
 * themselves. The benchmark measures connecting and idle connections, not the heartbeat.
 */
final class IdleHeartbeat {
  static final Duration INTERVAL = Duration.ofSeconds(15);
  static final Duration KEEPALIVE_TIMEOUT = Duration.ofSeconds(30);

  private IdleHeartbeat() {}
}

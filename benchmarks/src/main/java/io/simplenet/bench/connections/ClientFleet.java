package io.simplenet.bench.connections;

import java.time.Duration;

/**
 * The load generator's clients, all of one {@link ClientKind}: created ready to dial (credentials
 * signed beforehand), connected all at once, left idle, closed.
 *
 * <p>Driven by the load generator's main thread.
 */
interface ClientFleet {

  /**
   * Dials every client and returns once each is connected (for simplenet: authenticated).
   *
   * @return how many connection attempts failed or dropped and were retried
   * @throws Exception if a client failed or {@code timeout} passed first
   */
  int connectAll(Duration timeout) throws Exception;

  /**
   * Closes every client and returns once each connection is closed.
   *
   * @throws Exception if a close failed or {@code timeout} passed first
   */
  void closeAll(Duration timeout) throws Exception;
}

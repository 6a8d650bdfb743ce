package io.simplenet.bench.connections;

import java.net.URI;
import java.time.Duration;

/**
 * A server on 127.0.0.1 that the load generator's clients connect to and then leave idle: it
 * counts the connections it has accepted (for simplenet: authenticated, its {@code Connected}
 * events) and the ones that have ended.
 *
 * <p>Driven by the benchmark's main thread.
 */
interface IdleServer extends AutoCloseable {

  /** The URL the load generator dials. */
  URI url();

  /** Waits until {@code count} connections have been accepted; false if {@code timeout} passed. */
  boolean awaitConnected(int count, Duration timeout) throws InterruptedException;

  /** Waits until no connection is open; false if {@code timeout} passed first. */
  boolean awaitNoConnections(Duration timeout) throws InterruptedException;

  /** Connections open now. */
  int openConnections();

  /** Stops the server and every thread it started. */
  @Override
  void close() throws InterruptedException;
}

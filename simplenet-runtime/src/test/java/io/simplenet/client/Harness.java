package io.simplenet.client;

import io.simplenet.Client;
import io.simplenet.ClientConfig;
import io.simplenet.ClientEvent;
import io.simplenet.Server;
import io.simplenet.ServerConfig;
import io.simplenet.ServerEvent;
import io.simplenet.auth.AuthRequest;
import io.simplenet.auth.Authenticator;
import io.simplenet.testing.TestChannel;
import io.simplenet.testing.TestMessages.TestClientMsg;
import io.simplenet.testing.TestMessages.TestConnect;
import io.simplenet.testing.TestMessages.TestRequest;
import io.simplenet.testing.TestMessages.TestResponse;
import io.simplenet.testing.TestMessages.TestServerMsg;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Real servers and clients of the {@link TestChannel} on 127.0.0.1 for one test, closed with it,
 * and waits that end at a deadline instead of sleeping.
 */
final class Harness implements AutoCloseable {
  /** How long any single wait may take before the test fails. */
  static final Duration WAIT = Duration.ofSeconds(10);

  private final Deque<AutoCloseable> opened = new ArrayDeque<>();

  Server<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse> server(
      ServerConfig config, Authenticator authenticator) {
    return server(config, authenticator, 0);
  }

  Server<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse> server(
      ServerConfig config, Authenticator authenticator, int port) {
    var server =
        Server.builder(TestChannel.SPEC)
            .config(config)
            .authenticator(authenticator)
            .port(port)
            .start();
    return track(server);
  }

  Client<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse> client(
      URI url, AuthRequest auth, ClientConfig config, String connectText) {
    var client =
        Client.builder(TestChannel.SPEC)
            .url(url)
            .auth(auth)
            .connectMessage(new TestConnect(connectText))
            .config(config)
            .build();
    return track(client);
  }

  /** Closes {@code resource} with the harness, before what was opened earlier. */
  <T extends AutoCloseable> T track(T resource) {
    opened.push(resource);
    return resource;
  }

  /** The client's next event; fails after {@link #WAIT}. */
  static <C, CM, REQ, SM, RESP> ClientEvent<SM, RESP> next(Client<C, CM, REQ, SM, RESP> client)
      throws InterruptedException {
    ClientEvent<SM, RESP> event = client.poll(WAIT);
    if (event == null) {
      throw new AssertionError("no client event within " + WAIT);
    }
    return event;
  }

  /** The server's next event; fails after {@link #WAIT}. */
  static <C, CM, REQ, SM, RESP> ServerEvent<C, CM, REQ> next(Server<C, CM, REQ, SM, RESP> server)
      throws InterruptedException {
    ServerEvent<C, CM, REQ> event = server.poll(WAIT);
    if (event == null) {
      throw new AssertionError("no server event within " + WAIT);
    }
    return event;
  }

  /**
   * Lets at least {@code duration} pass: only where elapsed time is what is under test (a rate
   * limiter's window, a token's expiry), never to wait for something to happen.
   */
  static void letTimePass(Duration duration) {
    long deadline = System.nanoTime() + duration.toNanos();
    for (long left = duration.toNanos(); left > 0; left = deadline - System.nanoTime()) {
      LockSupport.parkNanos(left);
    }
  }

  /** Waits until {@code condition} holds, re-checking every millisecond; fails after WAIT. */
  static void awaitCondition(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      LockSupport.parkNanos(1_000_000);
    }
  }

  /** Closes everything opened, newest first; the first failure is thrown after the rest close. */
  @Override
  public void close() {
    IllegalStateException failure = null;
    while (!opened.isEmpty()) {
      try {
        opened.pop().close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("closing a test resource failed", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}

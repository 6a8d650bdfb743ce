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
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;

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
    opened.push(server);
    return server;
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
    opened.push(client);
    return client;
  }

  /** The client's next event; fails after {@link #WAIT}. */
  static ClientEvent<TestServerMsg, TestResponse> next(
      Client<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse> client)
      throws InterruptedException {
    ClientEvent<TestServerMsg, TestResponse> event = client.poll(WAIT);
    if (event == null) {
      throw new AssertionError("no client event within " + WAIT);
    }
    return event;
  }

  /** The server's next event; fails after {@link #WAIT}. */
  static ServerEvent<TestConnect, TestClientMsg, TestRequest> next(
      Server<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse> server)
      throws InterruptedException {
    ServerEvent<TestConnect, TestClientMsg, TestRequest> event = server.poll(WAIT);
    if (event == null) {
      throw new AssertionError("no server event within " + WAIT);
    }
    return event;
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

  @Override
  public void close() throws Exception {
    while (!opened.isEmpty()) {
      opened.pop().close();
    }
  }
}

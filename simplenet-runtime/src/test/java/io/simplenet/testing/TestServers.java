package io.simplenet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.ClientId;
import io.simplenet.Server;
import io.simplenet.ServerConfig;
import io.simplenet.ServerEvent;
import io.simplenet.auth.Authenticator;
import io.simplenet.testing.TestMessages.TestClientMsg;
import io.simplenet.testing.TestMessages.TestConnect;
import io.simplenet.testing.TestMessages.TestRequest;
import io.simplenet.testing.TestMessages.TestResponse;
import io.simplenet.testing.TestMessages.TestServerMsg;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Starting test-channel servers on 127.0.0.1 and waiting for their events, with deadlines. */
public final class TestServers {
  private TestServers() {}

  /** A server of the test channel. */
  public static Server<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse> start(
      ServerConfig config, Authenticator authenticator) {
    return Server.builder(TestChannel.SPEC).config(config).authenticator(authenticator).start();
  }

  /** A server with every default, accepting any client. */
  public static Server<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse> start() {
    return start(ServerConfig.DEFAULT, new Authenticator.None());
  }

  /** The next event, within {@link RawClient#WAIT}. */
  public static ServerEvent<TestConnect, TestClientMsg, TestRequest> next(
      Server<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse> server) {
    try {
      ServerEvent<TestConnect, TestClientMsg, TestRequest> event = server.poll(RawClient.WAIT);
      assertNotNull(event, "no server event within " + RawClient.WAIT);
      return event;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /**
   * The next event, which must be of {@code type} and about {@code id}. Raw on purpose: callers
   * pass class literals such as {@code ServerEvent.Msg.class}.
   */
  @SuppressWarnings("rawtypes")
  public static <E extends ServerEvent> E next(
      Server<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse> server,
      Class<E> type,
      ClientId id) {
    ServerEvent<TestConnect, TestClientMsg, TestRequest> event = next(server);
    E typed = assertInstanceOf(type, event);
    assertEquals(id, typed.clientId(), "event " + event);
    return typed;
  }

  /** Asserts that no event arrives for {@link RawClient#QUIET}. */
  public static void assertNoEvent(
      Server<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse> server) {
    try {
      assertNull(server.poll(RawClient.QUIET), "unexpected server event");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Waits until {@code condition} holds, checking every millisecond, for at most {@code timeout}. */
  public static void awaitTrue(BooleanSupplier condition, Duration timeout, String what) {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < end, "not within " + timeout + ": " + what);
      LockSupport.parkNanos(1_000_000);
    }
  }
}

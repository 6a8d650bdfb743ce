package io.simplenet.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.ClientEnv;
import io.simplenet.ClientId;
import io.simplenet.Encoding;
import io.simplenet.Server;
import io.simplenet.ServerHandler;
import io.simplenet.auth.Authenticator;
import io.simplenet.testing.RawClient;
import io.simplenet.testing.TestChannel;
import io.simplenet.testing.TestMessages.TestClientMsg;
import io.simplenet.testing.TestMessages.TestConnect;
import io.simplenet.testing.TestMessages.TestRequest;
import io.simplenet.testing.TestMessages.TestResponse;
import io.simplenet.testing.TestMessages.TestServerMsg;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The server handles a frame on the Grizzly thread that read it, with another thread taking over
 * the selector: a handler on a direct executor that blocks holds its own thread only, and the
 * transport keeps serving every other connection (upgrades, hellos, Accepted frames) meanwhile.
 */
class IoThreadsTest {
  private static final ClientId BLOCKER = ClientId.of(1);

  /**
   * Connections opened while the handler blocks: Grizzly spreads connections over its selectors in
   * turn, so some of them share the blocked frame's selector whatever the core count.
   */
  private static final int OTHERS = 8;

  /**
   * How long the handler blocks unless released: longer than Tyrus's client handshake timeout (30
   * s), so that a connection stuck behind the blocked thread cannot complete before it returns.
   */
  private static final long BLOCK_MILLIS = 60_000;

  @Test
  void aBlockedDirectHandlerHoldsOnlyItsOwnThread() throws InterruptedException {
    CountDownLatch handlerBlocked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean handlerReturned = new AtomicBoolean();
    BlockingQueue<String> calls = new LinkedBlockingQueue<>();
    ServerHandler<TestConnect, TestClientMsg, TestRequest> handler =
        new ServerHandler<>() {
          @Override
          public void onConnected(ClientId clientId, ClientEnv env, TestConnect connect) {
            calls.add("connected " + clientId);
          }

          @Override
          public void onMessage(ClientId clientId, TestClientMsg message) {
            calls.add("message " + message.value());
            handlerBlocked.countDown();
            try {
              release.await(BLOCK_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            handlerReturned.set(true);
          }
        };
    List<RawClient> others = new ArrayList<>();
    try (Server<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse> server =
            Server.builder(TestChannel.SPEC)
                .authenticator(new Authenticator.None())
                .handler(handler, Runnable::run)
                .start();
        RawClient blocker = RawClient.connectAs(server.url(), Encoding.BINARY, BLOCKER, "b")) {
      blocker.awaitAccepted(BLOCKER);
      blocker.sendMessage(7);
      assertTrue(
          handlerBlocked.await(RawClient.WAIT.toMillis(), TimeUnit.MILLISECONDS),
          "the handler never saw the message");
      try {
        for (int i = 0; i < OTHERS; i++) {
          ClientId id = ClientId.of(100 + i);
          RawClient other = RawClient.connectAs(server.url(), Encoding.BINARY, id, "o");
          others.add(other);
          other.awaitAccepted(id); // upgraded, hello read and answered: no selector is held
        }
        assertFalse(handlerReturned.get(), "the others were served only once the handler returned");
      } finally {
        release.countDown();
      }
      // Once released, the handler sees everything that queued behind it, in order.
      assertEquals("connected " + BLOCKER, take(calls));
      assertEquals("message 7", take(calls));
      for (int i = 0; i < OTHERS; i++) {
        assertEquals("connected " + ClientId.of(100 + i), take(calls));
      }
    } finally {
      others.forEach(RawClient::close);
    }
  }

  private static String take(BlockingQueue<String> calls) throws InterruptedException {
    String call = calls.poll(RawClient.WAIT.toMillis(), TimeUnit.MILLISECONDS);
    if (call == null) {
      throw new AssertionError("no handler call within " + RawClient.WAIT);
    }
    return call;
  }
}

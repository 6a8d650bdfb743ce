package io.simplenet.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.simplenet.ClientEnv;
import io.simplenet.ClientId;
import io.simplenet.Encoding;
import io.simplenet.RequestToken;
import io.simplenet.Server;
import io.simplenet.ServerHandler;
import io.simplenet.auth.Authenticator;
import io.simplenet.internal.wire.ServerFrame;
import io.simplenet.testing.RawClient;
import io.simplenet.testing.TestChannel;
import io.simplenet.testing.TestMessages.TestClientMsg;
import io.simplenet.testing.TestMessages.TestConnect;
import io.simplenet.testing.TestMessages.TestRequest;
import io.simplenet.testing.TestMessages.TestResponse;
import io.simplenet.testing.TestMessages.TestServerMsg;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Handler style: events arrive one at a time, in order, on the given executor. */
class HandlerTest {
  private static final ClientId ID = ClientId.of(21);
  /** A request the handler returns from without answering. */
  private static final long DROPPED = 15;

  private final BlockingQueue<String> calls = new LinkedBlockingQueue<>();
  private final AtomicReference<Server<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse>>
      serverRef = new AtomicReference<>();
  private ExecutorService executor;
  private Server<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse> server;

  @BeforeEach
  void start() {
    executor = Executors.newFixedThreadPool(4); // several threads: the server must still serialize
    ServerHandler<TestConnect, TestClientMsg, TestRequest> handler =
        new ServerHandler<>() {
          @Override
          public void onConnected(ClientId clientId, ClientEnv env, TestConnect connect) {
            calls.add("connected " + clientId + " " + connect.text());
            // The state sync the seed's gating exists for: the client's first frame after Accepted.
            serverRef.get().send(clientId, new TestServerMsg(1));
          }

          @Override
          public void onDisconnected(ClientId clientId) {
            calls.add("disconnected " + clientId);
          }

          @Override
          public void onMessage(ClientId clientId, TestClientMsg message) {
            calls.add("message " + message.value());
          }

          @Override
          public void onRequest(ClientId clientId, RequestToken token, TestRequest request) {
            calls.add("request " + request.value());
            if (request.value() == 13) {
              serverRef.get().send(clientId, new TestServerMsg(2));
              throw new IllegalStateException("unlucky request"); // rejected, after the send
            }
            if (request.value() == DROPPED) {
              return; // the token is dropped unanswered: rejected once collected
            }
            serverRef.get().respond(token, new TestResponse(request.value() * 2));
          }
        };
    server =
        Server.builder(TestChannel.SPEC)
            .authenticator(new Authenticator.None())
            .handler(handler, executor)
            .start();
    serverRef.set(server);
  }

  @AfterEach
  void stop() throws InterruptedException {
    server.close();
    executor.shutdown();
    executor.awaitTermination(10, TimeUnit.SECONDS);
  }

  @Test
  void eventsArriveInOrderAndAThrowingRequestHandlerRejects() throws InterruptedException {
    try (RawClient client = RawClient.connectAs(server.url(), Encoding.BINARY, ID, "hi")) {
      client.awaitAccepted(ID);
      assertEquals(new ServerFrame.Message<>(new TestServerMsg(1)), client.nextFrame());
      for (int i = 0; i < 5; i++) {
        client.sendMessage(i);
      }
      client.sendRequest(0, 13); // 1 hello + 5 messages + 2 requests: within the rate limit
      client.sendRequest(1, 4);
      assertEquals(new ServerFrame.Message<>(new TestServerMsg(2)), client.nextFrame());
      assertEquals(new ServerFrame.Reject<>(0), client.nextFrame());
      assertEquals(new ServerFrame.Response<>(1, new TestResponse(8)), client.nextFrame());
      assertEquals("connected 21 hi", take());
      for (int i = 0; i < 5; i++) {
        assertEquals("message " + i, take());
      }
      assertEquals("request 13", take());
      assertEquals("request 4", take());
    }
    assertEquals("disconnected 21", take());
  }

  @Test
  void aTokenTheHandlerDropsRejectsOnceCollected() throws InterruptedException {
    try (RawClient client = RawClient.connectAs(server.url(), Encoding.BINARY, ID, "hi")) {
      client.awaitAccepted(ID);
      assertEquals(new ServerFrame.Message<>(new TestServerMsg(1)), client.nextFrame());
      client.sendRequest(5, DROPPED);
      client.sendRequest(6, 3);
      assertEquals(new ServerFrame.Response<>(6, new TestResponse(6)), client.nextFrame());
      // Collect until the reject arrives: bounded in rounds and in time.
      ServerFrame<TestServerMsg, TestResponse> frame = null;
      for (int round = 0; round < 50 && frame == null; round++) {
        System.gc();
        frame = client.pollFrame(Duration.ofMillis(100));
      }
      assertEquals(new ServerFrame.Reject<>(5), frame);
      client.assertNoFrame();
    }
  }

  @Test
  void pollingAHandlerServerIsAnError() {
    assertThrows(IllegalStateException.class, () -> server.next());
    assertThrows(IllegalStateException.class, () -> server.poll(Duration.ZERO));
  }

  private String take() throws InterruptedException {
    String call = calls.poll(RawClient.WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertNotNull(call, "no handler call within " + RawClient.WAIT);
    return call;
  }

}

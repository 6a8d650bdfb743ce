package io.simplenet.client;

import static io.simplenet.client.Harness.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.Client;
import io.simplenet.ClientConfig;
import io.simplenet.ClientEnv;
import io.simplenet.ClientEvent;
import io.simplenet.ClientId;
import io.simplenet.ClientReport;
import io.simplenet.RateLimitConfig;
import io.simplenet.RequestToken;
import io.simplenet.Server;
import io.simplenet.ServerConfig;
import io.simplenet.ServerHandler;
import io.simplenet.auth.AuthRequest;
import io.simplenet.auth.Authenticator;
import io.simplenet.testing.TestChannel;
import io.simplenet.testing.TestMessages.TestClientMsg;
import io.simplenet.testing.TestMessages.TestConnect;
import io.simplenet.testing.TestMessages.TestRequest;
import io.simplenet.testing.TestMessages.TestResponse;
import io.simplenet.testing.TestMessages.TestServerMsg;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Clients' frames are handled on the shared transport's selector threads: under load every client
 * still gets every message in order and every response to its own request, and a client whose
 * application does not poll holds up no other client.
 */
class ClientIoThreadsTest {
  private static final int POLLED_CLIENTS = 4;
  private static final ClientId IDLE = ClientId.of(99);
  private static final int MESSAGES = 2_000;
  private static final int REQUESTS = 200;

  /** Never triggers: the test floods on purpose. */
  private static final ServerConfig UNTHROTTLED =
      ServerConfig.builder()
          .rateLimit(new RateLimitConfig(Duration.ofSeconds(1), Integer.MAX_VALUE))
          .build();

  private final Harness harness = new Harness();
  private final ExecutorService threads = Executors.newFixedThreadPool(POLLED_CLIENTS + 1);

  @AfterEach
  void tearDown() throws Exception {
    threads.shutdownNow();
    assertTrue(threads.awaitTermination(10, TimeUnit.SECONDS), "test threads still running");
    harness.close();
  }

  @Test
  void everyClientGetsItsEventsInOrderWhileAnotherIsNotPolled() throws Exception {
    CountDownLatch connected = new CountDownLatch(POLLED_CLIENTS + 1);
    List<Server<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse>> serverRef =
        new ArrayList<>(1);
    ServerHandler<TestConnect, TestClientMsg, TestRequest> handler =
        new ServerHandler<>() {
          @Override
          public void onConnected(ClientId clientId, ClientEnv env, TestConnect connect) {
            connected.countDown();
          }

          @Override
          public void onRequest(ClientId clientId, RequestToken token, TestRequest request) {
            serverRef.get(0).respond(token, new TestResponse(request.value()));
          }
        };
    var server =
        harness.track(
            Server.builder(TestChannel.SPEC)
                .config(UNTHROTTLED)
                .authenticator(new Authenticator.None())
                .handler(handler, Runnable::run)
                .start());
    serverRef.add(server);
    List<ClientId> ids = new ArrayList<>();
    List<Client<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse>> polled =
        new ArrayList<>();
    for (int i = 0; i < POLLED_CLIENTS; i++) {
      ids.add(ClientId.of(i));
      polled.add(connected(server, ClientId.of(i)));
    }
    ids.add(IDLE);
    var idle = connected(server, IDLE);
    assertTrue(connected.await(Harness.WAIT.toMillis(), TimeUnit.MILLISECONDS), "not connected");

    Future<?> sender =
        threads.submit(
            () -> {
              for (long m = 0; m < MESSAGES; m++) {
                for (ClientId id : ids) {
                  assertTrue(server.send(id, new TestServerMsg(m)), "send " + m + " to " + id);
                }
              }
            });
    List<Future<?>> receivers = new ArrayList<>();
    for (var client : polled) {
      receivers.add(threads.submit(() -> requestWhileReceiving(client)));
    }
    for (Future<?> receiver : receivers) {
      receiver.get(4 * Harness.WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }
    sender.get(Harness.WAIT.toMillis(), TimeUnit.MILLISECONDS);
    // The idle client's events waited for it, complete and in order.
    for (long m = 0; m < MESSAGES; m++) {
      assertEquals(new ClientEvent.Msg<>(new TestServerMsg(m)), next(idle));
    }
    assertEquals(null, idle.next());
  }

  /**
   * Makes {@link #REQUESTS} requests one after another while the server's messages arrive, then
   * reads the rest: messages in order, each response to the request outstanding.
   */
  private static Void requestWhileReceiving(
      Client<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse> client)
      throws InterruptedException {
    long nextMessage = 0;
    for (int r = 0; r < REQUESTS; r++) {
      long requestId = client.request(new TestRequest(r)).id();
      boolean answered = false;
      // Each event is a message or this response: bounded by the messages left plus one.
      for (long events = 0; !answered && events <= MESSAGES; events++) {
        ClientEvent<TestServerMsg, TestResponse> event = next(client);
        if (event instanceof ClientEvent.Msg<TestServerMsg, TestResponse> msg) {
          assertEquals(nextMessage++, msg.message().value(), "message order");
        } else {
          assertEquals(new ClientEvent.Response<>(new TestResponse(r), requestId), event);
          answered = true;
        }
      }
      assertTrue(answered, "no response to request " + requestId);
    }
    while (nextMessage < MESSAGES) {
      assertEquals(new ClientEvent.Msg<>(new TestServerMsg(nextMessage++)), next(client));
    }
    return null;
  }

  private Client<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse> connected(
      Server<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse> server,
      ClientId id)
      throws InterruptedException {
    var client = harness.client(server.url(), new AuthRequest.None(id), ClientConfig.DEFAULT, "");
    assertInstanceOf(ClientEvent.Report.class, next(client));
    assertTrue(client.isConnected(), id + " not connected");
    return client;
  }
}

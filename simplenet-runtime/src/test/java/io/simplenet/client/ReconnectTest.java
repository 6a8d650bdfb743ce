package io.simplenet.client;

import static io.simplenet.client.Harness.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.simplenet.Client;
import io.simplenet.ClientConfig;
import io.simplenet.ClientEvent;
import io.simplenet.ClientId;
import io.simplenet.ClientReport;
import io.simplenet.CloseReason;
import io.simplenet.RateLimitConfig;
import io.simplenet.RequestSignal;
import io.simplenet.RequestStatus;
import io.simplenet.RequestToken;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Reconnecting against the real server: across a server restart on the same port, and many times
 * over while the server drops the connection at random, where every request must still end in
 * exactly one terminal event and IsDead must come last.
 */
class ReconnectTest {
  private static final ClientId ID = ClientId.of(77);
  private static final ClientConfig RETRY_EVERYTHING =
      ClientConfig.builder()
          .reconnectOnServerClose(true)
          .reconnectInterval(Duration.ofMillis(2))
          .build();

  /** Loose enough that the random test's bursts never trip it. */
  private static final ServerConfig SERVER_CONFIG =
      ServerConfig.builder().rateLimit(new RateLimitConfig(Duration.ofMillis(100), 10_000)).build();

  private final Harness harness = new Harness();

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  @Test
  void reconnectsToAServerRestartedOnTheSamePort() throws Exception {
    var first = harness.server(SERVER_CONFIG, new Authenticator.None());
    var client = harness.client(first.url(), new AuthRequest.None(ID), RETRY_EVERYTHING, "hi");
    assertInstanceOf(ServerEvent.Connected.class, next(first));
    assertEquals(report(new ClientReport.Connected()), next(client));
    RequestSignal lost = client.request(new TestRequest(1));
    assertInstanceOf(ServerEvent.Request.class, next(first));

    first.close();
    assertEquals(
        report(new ClientReport.ClosedByServer(CloseReason.SERVER_SHUTTING_DOWN)), next(client));
    assertEquals(new ClientEvent.ResponseLost<>(lost.id()), next(client));
    assertEquals(RequestStatus.RESPONSE_LOST, lost.status());

    var second = harness.server(SERVER_CONFIG, new Authenticator.None(), first.port());
    assertInstanceOf(ServerEvent.Connected.class, next(second));
    assertEquals(report(new ClientReport.Connected()), next(client));
    RequestSignal answered = client.request(new TestRequest(2));
    assertEquals(lost.id() + 1, answered.id());
    var request = assertInstanceOf(ServerEvent.Request.class, next(second));
    assertTrue(second.respond(request.token(), new TestResponse(3)));
    assertEquals(new ClientEvent.Response<>(new TestResponse(3), answered.id()), next(client));
  }

  @Test
  void aRefusalWith4400IsFinalEvenWhenServerClosesAreRetried() throws Exception {
    var server = harness.server(SERVER_CONFIG, new Authenticator.None());
    var client =
        harness.track(
            Client.builder(TestChannel.spec("other", (request, response) -> true))
                .url(server.url())
                .auth(new AuthRequest.None(ID))
                .connectMessage(new TestConnect(""))
                .config(RETRY_EVERYTHING)
                .build());
    CloseReason refusal = new CloseReason(4400, "version mismatch: server speaks \"test\"");
    assertEquals(report(new ClientReport.ClosedByServer(refusal)), next(client));
    assertEquals(report(new ClientReport.IsDead(List.of())), next(client));
    assertTrue(client.isDead());
    assertNull(server.poll(Duration.ofMillis(300)), "a refused session never reaches the application");
  }

  @Test
  void aClientDroppedWithoutCloseIsClosedOnceCollected() throws Exception {
    var server = harness.server(SERVER_CONFIG, new Authenticator.None());
    startUnreferencedClient(server.url());
    assertInstanceOf(ServerEvent.Connected.class, next(server));
    ServerEvent<TestConnect, TestClientMsg, TestRequest> event = null;
    for (int round = 0; round < 100 && event == null; round++) {
      System.gc();
      event = server.poll(Duration.ofMillis(100));
    }
    assertEquals(new ServerEvent.Disconnected<>(ID), event);
  }

  /** A client nothing refers to once this returns. */
  private static void startUnreferencedClient(java.net.URI url) {
    io.simplenet.Client.builder(io.simplenet.testing.TestChannel.SPEC)
        .url(url)
        .auth(new AuthRequest.None(ID))
        .connectMessage(new TestConnect("forgotten"))
        .build();
  }

  @Test
  void everyRequestEndsOnceWhileTheServerDropsTheConnectionAtRandom() throws Exception {
    long seed = 0x5EED_D15CL;
    System.out.println("ReconnectTest: seed " + seed);
    Random random = new Random(seed);
    var server = harness.server(SERVER_CONFIG, new Authenticator.None());
    var client = harness.client(server.url(), new AuthRequest.None(ID), RETRY_EVERYTHING, "hi");

    Map<Long, RequestSignal> signals = new LinkedHashMap<>();
    Map<Long, String> replies = new HashMap<>();
    List<ClientEvent<TestServerMsg, TestResponse>> events = new ArrayList<>();
    List<RequestToken> held = new ArrayList<>();
    int disconnects = 0;
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    for (int step = 0; step < 1_500 && System.nanoTime() < deadline; step++) {
      int action = random.nextInt(100);
      if (action < 45) {
        RequestSignal signal = client.request(new TestRequest(step));
        signals.put(signal.id(), signal);
      } else if (action < 48) {
        if (server.disconnect(ID, "random")) {
          disconnects++;
        }
      } else {
        // Let the network catch up a little, serving the server's events meanwhile.
        serve(server.poll(Duration.ofMillis(1)), server, random, held, replies);
      }
      for (var event = server.next(); event != null; event = server.next()) {
        serve(event, server, random, held, replies);
      }
      if (!held.isEmpty() && random.nextInt(4) == 0) {
        answer(held.remove(random.nextInt(held.size())), server, random, replies);
      }
      for (var event = client.next(); event != null; event = client.next()) {
        events.add(event);
      }
    }

    client.close();
    for (int i = 0;
        i < 1_000_000
            && !(last(events) instanceof ClientEvent.Report<?, ?> r
                && r.report() instanceof ClientReport.IsDead);
        i++) {
      events.add(next(client));
    }
    long connects =
        events.stream()
            .filter(
                e ->
                    e instanceof ClientEvent.Report<?, ?> r
                        && r.report() instanceof ClientReport.Connected)
            .count();
    assertTrue(
        connects >= 3, "the test reconnected " + connects + " times, " + disconnects + " drops");
    assertTrue(signals.size() > 100, "requests made: " + signals.size());
    checkExactlyOneEnd(events, signals, replies);
  }

  /** Answers a request now or holds it for later, at random. */
  private static void serve(
      ServerEvent<TestConnect, TestClientMsg, TestRequest> event,
      io.simplenet.Server<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse>
          server,
      Random random,
      List<RequestToken> held,
      Map<Long, String> replies) {
    if (event instanceof ServerEvent.Request<TestConnect, TestClientMsg, TestRequest> request) {
      if (random.nextBoolean()) {
        answer(request.token(), server, random, replies);
      } else {
        held.add(request.token());
      }
    }
  }

  private static void answer(
      RequestToken token,
      io.simplenet.Server<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse>
          server,
      Random random,
      Map<Long, String> replies) {
    String kind = List.of("response", "ack", "reject").get(random.nextInt(3));
    boolean delivered =
        switch (kind) {
          case "response" -> server.respond(token, new TestResponse(token.requestId()));
          case "ack" -> server.ack(token);
          default -> server.reject(token);
        };
    if (delivered) {
      replies.put(token.requestId(), kind); // queued on a live connection: may still be lost
    }
  }

  private static void checkExactlyOneEnd(
      List<ClientEvent<TestServerMsg, TestResponse>> events,
      Map<Long, RequestSignal> signals,
      Map<Long, String> replies) {
    var isDead =
        (ClientReport.IsDead)
            ((ClientEvent.Report<TestServerMsg, TestResponse>) last(events)).report();
    Map<Long, Integer> ends = new HashMap<>();
    for (int i = 0; i < events.size(); i++) {
      ClientEvent<TestServerMsg, TestResponse> event = events.get(i);
      long id;
      RequestStatus expected;
      if (event instanceof ClientEvent.Response<TestServerMsg, TestResponse> e) {
        id = e.requestId();
        expected = RequestStatus.RESPONDED;
        assertEquals(new TestResponse(id), e.response());
        assertEquals("response", replies.get(id));
      } else if (event instanceof ClientEvent.Ack<TestServerMsg, TestResponse> e) {
        id = e.requestId();
        expected = RequestStatus.ACKNOWLEDGED;
        assertEquals("ack", replies.get(id));
      } else if (event instanceof ClientEvent.Reject<TestServerMsg, TestResponse> e) {
        id = e.requestId();
        expected = RequestStatus.REJECTED;
        assertEquals("reject", replies.get(id));
      } else if (event instanceof ClientEvent.SendFailed<TestServerMsg, TestResponse> e) {
        id = e.requestId();
        expected = RequestStatus.SEND_FAILED;
      } else if (event instanceof ClientEvent.ResponseLost<TestServerMsg, TestResponse> e) {
        id = e.requestId();
        expected = RequestStatus.RESPONSE_LOST;
      } else {
        if (event instanceof ClientEvent.Report<TestServerMsg, TestResponse> r
            && r.report() instanceof ClientReport.IsDead
            && i != events.size() - 1) {
          fail("IsDead at " + i + " of " + events.size());
        }
        continue;
      }
      ends.merge(id, 1, Integer::sum);
      assertEquals(expected, signals.get(id).status(), "request " + id);
    }
    for (long pending : isDead.pendingRequestIds()) {
      ends.merge(pending, 1, Integer::sum);
    }
    for (long id : signals.keySet()) {
      assertEquals(1, ends.getOrDefault(id, 0), "terminal events of request " + id);
    }
    assertEquals(signals.keySet(), ends.keySet());
  }

  private static <T> T last(List<T> list) {
    return list.isEmpty() ? null : list.get(list.size() - 1);
  }

  private static ClientEvent<TestServerMsg, TestResponse> report(ClientReport report) {
    return new ClientEvent.Report<>(report);
  }
}

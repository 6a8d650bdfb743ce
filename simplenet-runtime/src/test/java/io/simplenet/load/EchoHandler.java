package io.simplenet.load;

import io.simplenet.ClientEnv;
import io.simplenet.ClientId;
import io.simplenet.RequestToken;
import io.simplenet.Server;
import io.simplenet.ServerHandler;
import io.simplenet.testing.TestMessages.TestClientMsg;
import io.simplenet.testing.TestMessages.TestConnect;
import io.simplenet.testing.TestMessages.TestRequest;
import io.simplenet.testing.TestMessages.TestResponse;
import io.simplenet.testing.TestMessages.TestServerMsg;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load test's server side: echoes every even-valued message back to its client, answers every
 * request with its own value, and counts per client what it received and sent.
 *
 * <p>The server calls it one event at a time; the counts may be read from any thread.
 */
final class EchoHandler implements ServerHandler<TestConnect, TestClientMsg, TestRequest> {
  /** What the server saw of one client. */
  static final class Tally {
    volatile long messagesReceived;
    volatile long requestsReceived;
    volatile long messagesSent;
    volatile int connects;
    volatile int disconnects;
  }

  private final Map<ClientId, Tally> tallies = new ConcurrentHashMap<>();
  private final AtomicInteger connected = new AtomicInteger();
  private final AtomicInteger disconnected = new AtomicInteger();
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private volatile Server<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse>
      server;

  /** The server to echo and respond through; set before any client connects. */
  void serve(Server<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse> server) {
    this.server = server;
  }

  @Override
  public void onConnected(ClientId clientId, ClientEnv env, TestConnect connect) {
    tally(clientId).connects++;
    connected.incrementAndGet();
  }

  @Override
  public void onDisconnected(ClientId clientId) {
    tally(clientId).disconnects++;
    disconnected.incrementAndGet();
  }

  @Override
  public void onMessage(ClientId clientId, TestClientMsg message) {
    Tally tally = tally(clientId);
    tally.messagesReceived++;
    if (message.value() % 2 == 0) {
      if (server.send(clientId, new TestServerMsg(message.value()))) {
        tally.messagesSent++;
      } else {
        problems.add("echo of " + message + " to " + clientId + " refused");
      }
    }
  }

  @Override
  public void onRequest(ClientId clientId, RequestToken token, TestRequest request) {
    tally(clientId).requestsReceived++;
    if (!server.respond(token, new TestResponse(request.value()))) {
      problems.add("response to " + request + " of " + clientId + " dropped");
    }
  }

  /** What the server saw of {@code clientId}; an empty tally if nothing. */
  Tally tally(ClientId clientId) {
    return tallies.computeIfAbsent(clientId, id -> new Tally());
  }

  /** Connected events so far. */
  int connected() {
    return connected.get();
  }

  /** Disconnected events so far. */
  int disconnected() {
    return disconnected.get();
  }

  List<String> problems() {
    return List.copyOf(problems);
  }
}

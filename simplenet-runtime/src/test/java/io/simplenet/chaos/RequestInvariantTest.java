package io.simplenet.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.ClientEvent;
import io.simplenet.ClientReport;
import io.simplenet.RequestSignal;
import io.simplenet.RequestStatus;
import io.simplenet.RequestToken;
import io.simplenet.ServerEvent;
import io.simplenet.testing.FaultProxy.Cut;
import io.simplenet.testing.TestMessages.TestClientMsg;
import io.simplenet.testing.TestMessages.TestRequest;
import io.simplenet.testing.TestMessages.TestResponse;
import io.simplenet.testing.TestMessages.TestServerMsg;
import io.simplenet.testing.TerminalEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Issue 5's invariant under chaos: clients issue requests and messages continuously while a seeded
 * random schedule cuts, stalls, delays and half-drops their connections and restarts the server on
 * its port, and the server responds, acks, rejects or answers late. Every request a client issued
 * ends in exactly one terminal event whose kind its final status matches, or is listed in the
 * client's final {@code IsDead}, in which case it has no event and was never answered.
 */
class RequestInvariantTest {
  private static final long SEED = 0x5EED_C4A05L;
  private static final int CLIENTS = 4;
  private static final int STEPS = 600;

  /** How long each step waits for server events: the pace of the test. */
  private static final Duration STEP = Duration.ofMillis(5);

  /** A fault every this many steps, on average. */
  private static final int FAULT_EVERY = 20;

  /** A bound on the whole run, so that a slow machine cannot make it hang. */
  private static final Duration MAX_RUN = Duration.ofSeconds(40);

  /** Requests each client fires just before it is closed, so that some are still being written. */
  private static final int FINAL_BURST = 50;

  private static final int MAX_EVENTS_PER_STEP = 10_000;

  private enum Fault {
    CUT_RESET,
    CUT_FIN,
    STALL,
    DELAY,
    MID_FRAME,
    SERVER_RESTART
  }

  private enum Answer {
    RESPOND,
    ACK,
    REJECT,
    LATER
  }

  @Test
  void everyRequestEndsInExactlyOneTerminalEventOrIsListedInIsDead() throws Exception {
    System.out.println("RequestInvariantTest seed: 0x" + Long.toHexString(SEED));
    // The schedule (faults, requests, messages) draws from its own generator, so that it is the
    // same on every run; how many requests reach the server, and so how many answers are drawn,
    // depends on timing.
    Random random = new Random(SEED);
    Random answers = new Random(SEED + 1);
    Map<Fault, Integer> faults = new EnumMap<>(Fault.class);
    List<RecordedClient> clients = new ArrayList<>();
    List<Map<Long, RequestSignal>> issued = new ArrayList<>();
    try (ChaosRig rig = new ChaosRig(ChaosRig.QUICK_SERVER_CONFIG)) {
      for (int i = 0; i < CLIENTS; i++) {
        clients.add(rig.client(i + 1, ChaosRig.QUICK_CLIENT_CONFIG));
        issued.add(new LinkedHashMap<>());
      }
      List<RequestToken> later = new ArrayList<>();
      int resumeAt = -1;
      long end = System.nanoTime() + MAX_RUN.toNanos();
      int steps = 0;
      for (; steps < STEPS && System.nanoTime() < end; steps++) {
        if (steps == resumeAt) {
          rig.proxy().resume();
        }
        if (random.nextInt(FAULT_EVERY) == 0) {
          Fault fault = Fault.values()[random.nextInt(Fault.values().length)];
          faults.merge(fault, 1, Integer::sum);
          switch (fault) {
            case CUT_RESET -> rig.proxy().cutAll(Cut.RESET);
            case CUT_FIN -> rig.proxy().cutAll(Cut.FIN);
            case STALL -> {
              rig.proxy().stallAll();
              resumeAt = steps + 20 + random.nextInt(200); // sometimes past the keepalive
            }
            case DELAY -> rig.proxy().delay(Duration.ofMillis(random.nextInt(4) * 10L));
            case MID_FRAME -> rig.proxy().dropMidFrame();
            case SERVER_RESTART -> {
              rig.stopServer();
              later.clear(); // their server is gone: answering them would do nothing
              rig.startServerAgain();
            }
          }
        }
        for (int c = 0; c < CLIENTS; c++) {
          if (random.nextInt(3) == 0) {
            RequestSignal signal = clients.get(c).client.request(new TestRequest(steps));
            issued.get(c).put(signal.id(), signal);
          }
          if (random.nextInt(3) == 0) {
            clients.get(c).client.send(new TestClientMsg(steps));
          }
        }
        serve(rig, answers, later);
        clients.forEach(RecordedClient::drain);
      }
      rig.proxy().resume();
      rig.proxy().delay(Duration.ZERO);
      for (int c = 0; c < CLIENTS; c++) {
        RecordedClient client = clients.get(c);
        for (int i = 0; i < FINAL_BURST; i++) {
          RequestSignal signal = client.client.request(new TestRequest(steps + i));
          issued.get(c).put(signal.id(), signal);
        }
        client.close(); // consumes its events through IsDead
      }
      System.out.println("RequestInvariantTest: " + steps + " steps, faults " + faults);
    }
    Map<String, Integer> outcomes = new TreeMap<>();
    for (int c = 0; c < CLIENTS; c++) {
      verify(clients.get(c), issued.get(c), outcomes);
    }
    System.out.println("RequestInvariantTest: outcomes " + outcomes);
    assertTrue(outcomes.getOrDefault("Response", 0) > 0, "no request was answered: " + outcomes);
    assertTrue(
        outcomes.getOrDefault("ResponseLost", 0) + outcomes.getOrDefault("SendFailed", 0) > 0,
        "the chaos lost no request: " + outcomes);
  }

  /** Answers the server's requests, some at once (respond, ack or reject), some a step later. */
  private static void serve(ChaosRig rig, Random random, List<RequestToken> later)
      throws InterruptedException {
    List<RequestToken> due = new ArrayList<>(later);
    later.clear();
    for (RequestToken token : due) {
      rig.server().respond(token, new TestResponse(token.requestId())); // false if gone
    }
    var event = rig.server().poll(STEP);
    for (int i = 0; event != null && i < MAX_EVENTS_PER_STEP; i++, event = rig.server().next()) {
      if (event instanceof ServerEvent.Request<?, ?, ?> request) {
        RequestToken token = request.token();
        long value = ((TestRequest) request.request()).value();
        switch (Answer.values()[random.nextInt(Answer.values().length)]) {
          case RESPOND -> rig.server().respond(token, new TestResponse(value));
          case ACK -> rig.server().ack(token);
          case REJECT -> rig.server().reject(token);
          case LATER -> later.add(token);
        }
      }
    }
  }

  private static void verify(
      RecordedClient client, Map<Long, RequestSignal> issued, Map<String, Integer> outcomes) {
    Map<Long, List<ClientEvent<TestServerMsg, TestResponse>>> terminal = new HashMap<>();
    List<Long> stillSending = null;
    List<ClientEvent<TestServerMsg, TestResponse>> events = client.events;
    for (int i = 0; i < events.size(); i++) {
      var event = events.get(i);
      Long id = TerminalEvents.requestId(event);
      if (id != null) {
        terminal.computeIfAbsent(id, k -> new ArrayList<>()).add(event);
        outcomes.merge(event.getClass().getSimpleName(), 1, Integer::sum);
      } else if (event instanceof ClientEvent.Report<?, ?> report
          && report.report() instanceof ClientReport.IsDead dead) {
        assertEquals(events.size() - 1, i, client.id() + ": IsDead is not the last event");
        stillSending = dead.pendingRequestIds();
      }
    }
    assertNotNull(stillSending, client.id() + ": no IsDead");
    outcomes.merge("listed in IsDead", stillSending.size(), Integer::sum);
    assertTrue(
        issued.keySet().containsAll(terminal.keySet()),
        client.id() + ": events for requests never issued");
    Set<Long> listed = Set.copyOf(stillSending);
    assertEquals(stillSending.size(), listed.size(), client.id() + ": IsDead lists an id twice");
    for (var entry : issued.entrySet()) {
      long id = entry.getKey();
      RequestStatus status = entry.getValue().status();
      var ended = terminal.getOrDefault(id, List.of());
      if (listed.contains(id)) {
        assertEquals(List.of(), ended, client.id() + ": request " + id + " is in IsDead");
        // It was still being written at death; that write may have finished since.
        assertTrue(
            Set.of(RequestStatus.SENDING, RequestStatus.SEND_FAILED, RequestStatus.RESPONSE_LOST)
                .contains(status),
            client.id() + ": request " + id + " in IsDead is " + status);
      } else {
        assertEquals(1, ended.size(), client.id() + ": terminal events of request " + id);
        assertEquals(TerminalEvents.status(ended.get(0)), status, client.id() + ": request " + id);
      }
    }
  }
}

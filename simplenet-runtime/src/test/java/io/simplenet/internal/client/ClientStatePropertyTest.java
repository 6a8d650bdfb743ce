package io.simplenet.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.simplenet.ClientEvent;
import io.simplenet.ClientReport;
import io.simplenet.CloseReason;
import io.simplenet.MessageStatus;
import io.simplenet.RequestSignal;
import io.simplenet.RequestStatus;
import io.simplenet.internal.wire.ManualWriter;
import io.simplenet.internal.wire.OutboundQueue;
import io.simplenet.internal.wire.WireMessage;
import io.simplenet.testing.TerminalEvents;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of sends, requests, write completions, replies, connection changes, closes and
 * consumption against {@link ClientState} and {@link OutboundQueue}, checking after each run that
 * every request got exactly one terminal event (or is listed in IsDead), that the event matches the
 * request's final status and the server's reply, that requests made before a connection are
 * resolved before its Connected, and that IsDead is last. Each run's seed is printed.
 */
class ClientStatePropertyTest {
  private static final long BASE_SEED = 0x5EED_C0FFEEL;
  private static final int RUNS = 400;
  private static final int MAX_STEPS = 300;

  @Test
  void everyRequestEndsExactlyOnceAndIsDeadIsLast() {
    System.out.println("ClientStatePropertyTest: base seed " + BASE_SEED + ", " + RUNS + " runs");
    for (int run = 0; run < RUNS; run++) {
      long seed = BASE_SEED + run;
      try {
        new Run(new Random(seed)).execute();
      } catch (AssertionError e) {
        throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
      }
    }
  }

  /** One random run against a fresh client state. */
  private static final class Run {
    private final Random random;
    private final ClientState<String, String> state = new ClientState<>();
    private final List<ClientEvent<String, String>> consumed = new ArrayList<>();
    private final Map<Long, RequestSignal> signals = new LinkedHashMap<>();

    /** What the server did with each request it answered. */
    private final Map<Long, String> serverReplies = new HashMap<>();

    /** Requests the current connection's server side received and has not answered. */
    private final List<Long> serverPending = new ArrayList<>();

    /** For each Connected queued, in order, the ids reserved before it. */
    private final List<Set<Long>> reservedBeforeConnected = new ArrayList<>();

    private final List<ManualWriter> oldWriters = new ArrayList<>();
    private final List<OutboundQueue> endedQueues = new ArrayList<>();
    private ManualWriter writer;
    private OutboundQueue queue;
    private boolean closed;

    /** The model of the seed's count: connected iff zero, accepted, not closed. */
    private int unmatchedEnds = 1;

    Run(Random random) {
      this.random = random;
    }

    void execute() {
      int steps = random.nextInt(MAX_STEPS);
      for (int step = 0; step < steps; step++) {
        step();
        assertEquals(modelConnected(), state.isConnected(), "isConnected after step " + step);
      }
      state.die();
      // Writes of dead connections may still complete; nothing may follow IsDead.
      for (ManualWriter old : allWriters()) {
        while (random.nextBoolean() ? old.succeedNext() != null : old.failNext() != null) {}
      }
      for (ClientEvent<String, String> next = state.next(); next != null; next = state.next()) {
        consumed.add(next);
      }
      check();
    }

    private void step() {
      int action = random.nextInt(100);
      if (action < 20) {
        long id = state.reserveRequestId();
        RequestSignal signal = state.request(id, new WireMessage.Text("request " + id));
        assertEquals(id, signal.id());
        signals.put(id, signal);
        boolean connected = modelConnected();
        assertEquals(
            connected ? RequestStatus.SENDING : RequestStatus.SEND_FAILED,
            signal.status(),
            "new request while connected=" + connected);
      } else if (action < 28) {
        MessageStatus status = state.send(new WireMessage.Text("message")).status();
        assertEquals(modelConnected() ? MessageStatus.SENDING : MessageStatus.FAILED, status);
      } else if (action < 45) {
        if (writer != null) {
          WireMessage written = writer.succeedNext();
          if (written != null && ((WireMessage.Text) written).text().startsWith("request ")) {
            serverPending.add(Long.parseLong(((WireMessage.Text) written).text().substring(8)));
          }
        }
      } else if (action < 49) {
        if (writer != null) {
          writer.failNext();
        }
      } else if (action < 62) {
        if (!serverPending.isEmpty()) {
          long id = serverPending.remove(random.nextInt(serverPending.size()));
          String reply = List.of("response", "ack", "reject").get(random.nextInt(3));
          boolean known =
              switch (reply) {
                case "response" -> state.response(id, "answer " + id);
                case "ack" -> state.ack(id);
                default -> state.reject(id);
              };
          assertTrue(known, "reply to request " + id + " the server received");
          serverReplies.put(id, reply);
        }
      } else if (action < 64) {
        assertTrue(!state.ack(-1L) && !state.response(-2L, "stray"), "unknown ids are ignored");
      } else if (action < 80) {
        for (int i = random.nextInt(4); i > 0; i--) {
          ClientEvent<String, String> event = state.next();
          if (event != null) {
            consume(event);
          }
        }
      } else if (action < 86) {
        if (queue != null) {
          queue.close();
          ClientReport report =
              random.nextBoolean()
                  ? new ClientReport.Disconnected()
                  : new ClientReport.ClosedByServer(new CloseReason(1000, "bye"));
          state.connectionEnded(report, true);
          assertOnlySendingRequestsPending("after a connection ended");
          unmatchedEnds++;
          serverPending.clear();
          oldWriters.add(writer);
          endedQueues.add(queue);
          writer = null;
          queue = null;
        }
      } else if (action < 93) {
        if (queue == null) {
          accept();
        }
      } else if (action < 96) {
        if (queue == null) {
          state.connectFailed();
          assertOnlySendingRequestsPending("after a failed connect");
        }
      } else if (action < 98) {
        if (!oldWriters.isEmpty()) {
          ManualWriter old = oldWriters.get(random.nextInt(oldWriters.size()));
          if (random.nextBoolean()) {
            old.succeedNext();
          } else {
            old.failNext();
          }
        }
      } else if (action < 99) {
        assertEquals(!closed, state.closeBySelf());
        closed = true;
      } else {
        // A refused connection: its close is reported without ever being accepted.
        if (queue == null) {
          state.connectionEnded(
              new ClientReport.ClosedByServer(new CloseReason(1011, "invalid auth: test")), false);
        }
      }
    }

    private void accept() {
      ManualWriter newWriter = new ManualWriter();
      OutboundQueue newQueue = new OutboundQueue(newWriter, Connection.MAX_QUEUED_BYTES, Runnable::run);
      abandonOldQueues();
      Set<Long> reserved = new TreeSet<>(signals.keySet());
      boolean accepted = state.accepted(newQueue);
      assertEquals(!closed, accepted, "accepted unless closed");
      if (accepted) {
        reservedBeforeConnected.add(reserved);
        writer = newWriter;
        queue = newQueue;
      }
    }

    /** A new connection abandons the writes of ended ones, as the driver does. */
    private void abandonOldQueues() {
      for (OutboundQueue ended : endedQueues) {
        ended.abandon();
      }
      endedQueues.clear();
    }

    /** Ending a connection, or failing to connect, resolves every request that is done at once. */
    private void assertOnlySendingRequestsPending(String when) {
      long sending =
          signals.values().stream().filter(s -> s.status() == RequestStatus.SENDING).count();
      assertEquals(sending, state.pendingRequests(), "requests pending " + when);
    }

    private void consume(ClientEvent<String, String> event) {
      consumed.add(event);
      if (event instanceof ClientEvent.Report<String, String> report
          && report.report() instanceof ClientReport.Connected) {
        unmatchedEnds--;
      }
    }

    private boolean modelConnected() {
      return unmatchedEnds == 0 && queue != null && !closed;
    }

    private List<ManualWriter> allWriters() {
      List<ManualWriter> all = new ArrayList<>(oldWriters);
      if (writer != null) {
        all.add(writer);
      }
      return all;
    }

    private void check() {
      assertTrue(!consumed.isEmpty(), "at least IsDead");
      ClientEvent<String, String> last = consumed.get(consumed.size() - 1);
      if (!(last instanceof ClientEvent.Report<String, String> lastReport
          && lastReport.report() instanceof ClientReport.IsDead isDead)) {
        throw new AssertionError("last event is not IsDead: " + last);
      }
      Map<Long, Integer> terminalCounts = new HashMap<>();
      int connectedSeen = 0;
      boolean closedBySelf = false;
      Set<Long> resolved = new TreeSet<>();
      for (int i = 0; i < consumed.size(); i++) {
        ClientEvent<String, String> event = consumed.get(i);
        Long id = TerminalEvents.requestId(event);
        if (id != null) {
          terminalCounts.merge(id, 1, Integer::sum);
          resolved.add(id);
          checkMatchesStatus(event, id);
        } else if (event instanceof ClientEvent.Report<String, String> report) {
          if (report.report() instanceof ClientReport.IsDead && i != consumed.size() - 1) {
            fail("IsDead before the end, at " + i + " of " + consumed.size());
          }
          if (closedBySelf && !(report.report() instanceof ClientReport.IsDead)) {
            fail("a report after ClosedBySelf: " + report);
          }
          closedBySelf |= report.report() instanceof ClientReport.ClosedBySelf;
          if (report.report() instanceof ClientReport.Connected) {
            Set<Long> before = reservedBeforeConnected.get(connectedSeen++);
            for (long earlier : before) {
              assertTrue(
                  resolved.contains(earlier),
                  "request " + earlier + " unresolved at Connected #" + connectedSeen);
            }
          }
        }
      }
      for (long pending : isDead.pendingRequestIds()) {
        terminalCounts.merge(pending, 1, Integer::sum);
        RequestStatus status = signals.get(pending).status();
        assertTrue(
            status == RequestStatus.SENDING
                || status == RequestStatus.RESPONSE_LOST
                || status == RequestStatus.SEND_FAILED,
            "request " + pending + " listed in IsDead is " + status);
      }
      for (long id : signals.keySet()) {
        assertEquals(1, terminalCounts.getOrDefault(id, 0), "terminal events of request " + id);
      }
      assertEquals(signals.keySet(), terminalCounts.keySet(), "terminal events for unknown ids");
    }

    private void checkMatchesStatus(ClientEvent<String, String> event, long id) {
      RequestStatus status = signals.get(id).status();
      String reply = serverReplies.get(id);
      if (event instanceof ClientEvent.Response<String, String> response) {
        assertEquals("response", reply);
        assertEquals("answer " + id, response.response());
        assertEquals(RequestStatus.RESPONDED, status);
      } else if (event instanceof ClientEvent.Ack) {
        assertEquals("ack", reply);
        assertEquals(RequestStatus.ACKNOWLEDGED, status);
      } else if (event instanceof ClientEvent.Reject) {
        assertEquals("reject", reply);
        assertEquals(RequestStatus.REJECTED, status);
      } else if (event instanceof ClientEvent.SendFailed) {
        assertEquals(null, reply, "a request the server answered cannot have failed to send");
        assertEquals(RequestStatus.SEND_FAILED, status, "request " + id);
      } else {
        assertEquals(null, reply, "a request the server answered was not lost");
        assertEquals(RequestStatus.RESPONSE_LOST, status, "request " + id);
      }
    }
  }
}

package io.simplenet.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.ClientEvent;
import io.simplenet.ClientReport;
import io.simplenet.CloseReason;
import io.simplenet.MessageSignal;
import io.simplenet.MessageStatus;
import io.simplenet.RequestSignal;
import io.simplenet.RequestStatus;
import io.simplenet.internal.wire.ManualWriter;
import io.simplenet.internal.wire.OutboundQueue;
import io.simplenet.internal.wire.WireMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The client's event and request rules without a network: every path to each terminal event, the
 * seed's connected gating, and IsDead last. A connection is an {@link OutboundQueue} whose writes
 * complete when the test says.
 */
class ClientStateTest {
  private static final WireMessage FRAME = new WireMessage.Text("frame");
  private static final ClientReport DISCONNECTED = new ClientReport.Disconnected();

  private final ClientState<String, String> state = new ClientState<>();
  private ManualWriter writer;
  private OutboundQueue queue;

  /** Accepts a new connection, abandoning the previous one as the driver does, and consumes it. */
  private void connect() {
    acceptWithoutConsuming();
    assertEquals(connectedEvent(), next());
  }

  /** Consumes {@code expected}, then accepts and consumes a new connection. */
  @SafeVarargs
  private void connectAfter(ClientEvent<String, String>... expected) {
    for (ClientEvent<String, String> event : expected) {
      assertEquals(event, next());
    }
    connect();
  }

  private void acceptWithoutConsuming() {
    if (queue != null) {
      queue.abandon();
    }
    writer = new ManualWriter();
    queue = new OutboundQueue(writer, Connection.MAX_QUEUED_BYTES, Runnable::run);
    assertTrue(state.accepted(queue));
  }

  private void end(ClientReport report) {
    queue.close();
    state.connectionEnded(report, true);
  }

  private RequestSignal request() {
    return state.request(state.reserveRequestId(), FRAME);
  }

  private ClientEvent<String, String> next() {
    ClientEvent<String, String> event = state.next();
    if (event == null) {
      throw new AssertionError("no event");
    }
    return event;
  }

  private void assertNoEvent() {
    assertEquals(null, state.next());
  }

  @Test
  void notConnectedUntilTheConnectedEventIsConsumed() {
    assertFalse(state.isConnected());
    acceptWithoutConsuming();
    assertFalse(state.isConnected(), "Connected is queued but not consumed");
    assertEquals(MessageStatus.FAILED, state.send(FRAME).status());
    assertEquals(connectedEvent(), next());
    assertTrue(state.isConnected());

    end(DISCONNECTED);
    assertFalse(state.isConnected());
    assertEquals(report(DISCONNECTED), next());
    acceptWithoutConsuming();
    assertFalse(state.isConnected());
    next();
    assertTrue(state.isConnected());
  }

  @Test
  void aConnectionThatEndsBeforeItsConnectedIsConsumedNeverCountsAsConnected() {
    acceptWithoutConsuming();
    end(DISCONNECTED);
    acceptWithoutConsuming();
    assertEquals(connectedEvent(), next());
    assertFalse(state.isConnected(), "the first connection's end is still unmatched");
    assertEquals(report(DISCONNECTED), next());
    assertEquals(connectedEvent(), next());
    assertTrue(state.isConnected());
  }

  @Test
  void aRefusedConnectionReportsItsCloseButLeavesTheCountAlone() {
    state.connectionEnded(closedByServer(1011, "invalid auth: wrong secret"), false);
    assertEquals(report(closedByServer(1011, "invalid auth: wrong secret")), next());
    connect();
    assertTrue(state.isConnected());
  }

  @Test
  void sendQueuesTheFrameOnTheAcceptedConnection() {
    connect();
    MessageSignal signal = state.send(FRAME);
    assertEquals(MessageStatus.SENDING, signal.status());
    assertEquals(List.of(FRAME), writer.started());
    assertEquals(FRAME, writer.succeedNext());
    assertEquals(MessageStatus.SENT, signal.status());
    assertNoEvent();
  }

  @Test
  void requestIdsCountFromZeroAndNeverRepeatAcrossConnections() {
    assertEquals(0, request().id(), "reserved even though it fails");
    acceptWithoutConsuming();
    assertEquals(new ClientEvent.SendFailed<>(0), next());
    assertEquals(connectedEvent(), next());
    assertEquals(1, request().id());
    writer.succeedNext();
    end(DISCONNECTED);
    connectAfter(report(DISCONNECTED), new ClientEvent.ResponseLost<>(1));
    assertEquals(2, request().id());
  }

  @Test
  void responsePath() {
    connect();
    RequestSignal signal = request();
    assertEquals(RequestStatus.SENDING, signal.status());
    writer.succeedNext();
    assertEquals(RequestStatus.WAITING, signal.status());
    assertTrue(state.response(signal.id(), "answer"));
    assertEquals(new ClientEvent.Response<>("answer", signal.id()), next());
    assertEquals(RequestStatus.RESPONDED, signal.status());
    assertFalse(state.response(signal.id(), "again"), "a second reply finds nothing pending");
    assertNoEvent();
  }

  @Test
  void ackPath() {
    connect();
    RequestSignal signal = request();
    writer.succeedNext();
    assertTrue(state.ack(signal.id()));
    assertEquals(new ClientEvent.Ack<>(signal.id()), next());
    assertEquals(RequestStatus.ACKNOWLEDGED, signal.status());
  }

  @Test
  void rejectPath() {
    connect();
    RequestSignal signal = request();
    writer.succeedNext();
    assertTrue(state.reject(signal.id()));
    assertEquals(new ClientEvent.Reject<>(signal.id()), next());
    assertEquals(RequestStatus.REJECTED, signal.status());
  }

  @Test
  void aReplyBeforeTheWriteCallbackStillEndsResponded() {
    connect();
    RequestSignal signal = request();
    assertTrue(state.ack(signal.id()));
    assertEquals(RequestStatus.ACKNOWLEDGED, signal.status());
    writer.succeedNext();
    assertEquals(RequestStatus.ACKNOWLEDGED, signal.status());
  }

  @Test
  void repliesForUnknownIdsAreIgnored() {
    connect();
    assertFalse(state.response(42, "stray"));
    assertFalse(state.ack(42));
    assertFalse(state.reject(42));
    assertNoEvent();
  }

  @Test
  void requestWhileNotConnectedFailsAtOnceButItsEventWaitsForTheNextConnectionChange() {
    acceptWithoutConsuming();
    RequestSignal signal = request();
    assertEquals(RequestStatus.SEND_FAILED, signal.status());
    assertEquals(connectedEvent(), next());
    assertNoEvent(); // deferred, as the seed crate does
    end(DISCONNECTED);
    assertEquals(report(DISCONNECTED), next());
    assertEquals(new ClientEvent.SendFailed<>(signal.id()), next());
  }

  @Test
  void deferredSendFailedComesBeforeTheNextConnected() {
    RequestSignal signal = request();
    acceptWithoutConsuming();
    assertEquals(new ClientEvent.SendFailed<>(signal.id()), next());
    assertEquals(connectedEvent(), next());
  }

  @Test
  void deferredSendFailedComesWithAFailedConnectAttempt() {
    RequestSignal signal = request();
    state.connectFailed();
    assertEquals(new ClientEvent.SendFailed<>(signal.id()), next());
  }

  @Test
  void aWriteErrorEndsInSendFailedAtTheConnectionsEnd() {
    connect();
    RequestSignal signal = request();
    writer.failNext();
    assertEquals(RequestStatus.SEND_FAILED, signal.status());
    assertNoEvent();
    end(DISCONNECTED);
    assertEquals(report(DISCONNECTED), next());
    assertEquals(new ClientEvent.SendFailed<>(signal.id()), next());
  }

  @Test
  void aWrittenRequestWhoseConnectionEndsIsResponseLost() {
    connect();
    RequestSignal signal = request();
    writer.succeedNext();
    end(closedByServer(1000, "bye"));
    assertEquals(report(closedByServer(1000, "bye")), next());
    assertEquals(new ClientEvent.ResponseLost<>(signal.id()), next());
    assertEquals(RequestStatus.RESPONSE_LOST, signal.status());
    assertFalse(state.ack(signal.id()), "a late reply is ignored");
  }

  @Test
  void queuedRequestsFailWhenTheConnectionEndsAndTheOneBeingWrittenBeforeTheNextConnected() {
    connect();
    RequestSignal writing = request();
    RequestSignal queued = request();
    end(DISCONNECTED);
    assertEquals(report(DISCONNECTED), next());
    assertEquals(new ClientEvent.SendFailed<>(queued.id()), next());
    assertNoEvent();
    assertEquals(RequestStatus.SENDING, writing.status(), "its write may still complete");

    acceptWithoutConsuming(); // abandons the old connection's write
    assertEquals(new ClientEvent.SendFailed<>(writing.id()), next());
    assertEquals(connectedEvent(), next());
    assertEquals(RequestStatus.SEND_FAILED, writing.status());
  }

  @Test
  void isDeadIsLastAndListsRequestsStillBeingWritten() {
    connect();
    RequestSignal written = request();
    RequestSignal writing = request();
    writer.succeedNext();
    RequestSignal stillWriting = state.request(state.reserveRequestId(), FRAME);
    writer.failNext(); // fails `writing`; `stillWriting` is now in flight
    end(DISCONNECTED);
    RequestSignal deferred = request();
    state.die();

    assertEquals(report(DISCONNECTED), next());
    assertEquals(new ClientEvent.ResponseLost<>(written.id()), next());
    assertEquals(new ClientEvent.SendFailed<>(writing.id()), next());
    assertEquals(new ClientEvent.SendFailed<>(deferred.id()), next());
    assertEquals(report(new ClientReport.IsDead(List.of(stillWriting.id()))), next());
    assertNoEvent();
    assertTrue(state.isDead());

    writer.succeedNext();
    assertEquals(RequestStatus.RESPONSE_LOST, stillWriting.status());
  }

  @Test
  void nothingIsQueuedAfterIsDead() {
    connect();
    state.die();
    assertEquals(report(new ClientReport.IsDead(List.of())), next());
    state.message("late");
    state.messages(List.of("late too"));
    state.connectionEnded(DISCONNECTED, true);
    state.die();
    RequestSignal late = request();
    assertEquals(RequestStatus.SEND_FAILED, late.status());
    assertNoEvent();
    assertTrue(state.isClosed());
    assertFalse(state.isConnected());
  }

  @Test
  void closeBySelfQueuesClosedBySelfAtOnceAndSuppressesTheConnectionsOwnReport() {
    connect();
    RequestSignal signal = request();
    writer.succeedNext();
    assertTrue(state.closeBySelf());
    assertFalse(state.closeBySelf(), "already closed");
    assertTrue(state.isClosed());
    assertFalse(state.isConnected());
    assertEquals(MessageStatus.FAILED, state.send(FRAME).status());
    assertEquals(report(new ClientReport.ClosedBySelf()), next());

    end(closedByServer(1000, "client done"));
    state.die();
    assertEquals(new ClientEvent.ResponseLost<>(signal.id()), next());
    assertEquals(report(new ClientReport.IsDead(List.of())), next());
    assertNoEvent();
  }

  @Test
  void aConnectionAcceptedAfterCloseQueuesNothing() {
    assertTrue(state.closeBySelf());
    assertFalse(state.accepted(new OutboundQueue(new ManualWriter(), 10, Runnable::run)));
    assertEquals(report(new ClientReport.ClosedBySelf()), next());
    assertNoEvent();
  }

  @Test
  void messagesArriveInOrder() {
    connect();
    state.message("one");
    state.message("two");
    assertEquals(new ClientEvent.Msg<>("one"), next());
    assertEquals(new ClientEvent.Msg<>("two"), next());
  }

  @Test
  void aRunOfMessagesArrivesInOrderAfterWhatCameBefore() {
    connect();
    state.message("one");
    state.messages(List.of("two", "three"));
    state.messages(List.of());
    state.message("four");
    for (String text : List.of("one", "two", "three", "four")) {
      assertEquals(new ClientEvent.Msg<>(text), next());
    }
    assertNoEvent();
  }

  @Test
  void aRunOfMessagesWakesAPollFromAnotherThread() throws Exception {
    CompletableFuture<ClientEvent<String, String>> polled = pollOnAnotherThread();
    state.messages(List.of("wake up", "then this"));
    assertEquals(new ClientEvent.Msg<>("wake up"), polled.get(10, TimeUnit.SECONDS));
    assertEquals(new ClientEvent.Msg<>("then this"), next());
  }

  @Test
  void pollWaitsForAnEventFromAnotherThread() throws Exception {
    assertEquals(null, state.poll(Duration.ofMillis(20)));
    CompletableFuture<ClientEvent<String, String>> polled = pollOnAnotherThread();
    state.message("wake up");
    assertEquals(new ClientEvent.Msg<>("wake up"), polled.get(10, TimeUnit.SECONDS));
  }

  /** A poll, waiting up to 10 s on another thread. */
  private CompletableFuture<ClientEvent<String, String>> pollOnAnotherThread() {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return state.poll(Duration.ofSeconds(10));
          } catch (InterruptedException e) {
            throw new AssertionError(e);
          }
        });
  }

  private static ClientEvent<String, String> connectedEvent() {
    return report(new ClientReport.Connected());
  }

  private static ClientEvent<String, String> report(ClientReport report) {
    return new ClientEvent.Report<>(report);
  }

  private static ClientReport closedByServer(int code, String reason) {
    return new ClientReport.ClosedByServer(new CloseReason(code, reason));
  }
}

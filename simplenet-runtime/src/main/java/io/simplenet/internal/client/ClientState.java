package io.simplenet.internal.client;

import io.simplenet.ClientEvent;
import io.simplenet.ClientReport;
import io.simplenet.MessageSignal;
import io.simplenet.RequestSignal;
import io.simplenet.RequestStatus;
import io.simplenet.internal.wire.OutboundQueue;
import io.simplenet.internal.wire.WireMessage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A client's event queue, pending requests and connected state, with the seed crate's ordering
 * rules, independent of the transport: the driver reports connection changes and server frames, the
 * application sends and consumes events.
 *
 * <ul>
 *   <li>The client is connected once the application has consumed a {@code Connected} for every
 *       accepted connection that ended, and has not closed (the seed's {@code is_connected}).
 *   <li>Requests made before a connection is accepted all get their terminal event before its
 *       {@code Connected}; when a connection ends, the requests already done get theirs right after
 *       its report; {@code IsDead} comes last and lists the requests still being written.
 * </ul>
 *
 * <p>Thread-safe: one lock guards everything, and {@link #poll} waits on it.
 */
final class ClientState<SM, RESP> {
  private static final ClientEvent.Report<?, ?> CONNECTED =
      new ClientEvent.Report<>(new ClientReport.Connected());

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition eventAdded = lock.newCondition();
  private final ArrayDeque<ClientEvent<SM, RESP>> events = new ArrayDeque<>();
  private final RequestTracker requests = new RequestTracker();
  private final AtomicLong nextRequestId = new AtomicLong();

  /**
   * Accepted connections that ended, plus one, less the {@code Connected} events consumed: the
   * client is connected only at zero, when the application has seen its current connection start.
   */
  private int unmatchedEnds = 1;

  /** The accepted connection's outbound queue; null while there is none. */
  private OutboundQueue sink;

  private boolean closed;
  private boolean dead;

  /** Queues {@code frame} on {@code target}; the state is already failed if it was refused. */
  private static SendState offer(OutboundQueue target, WireMessage frame) {
    SendState state = SendState.sending();
    if (target.offer(frame, state) != OutboundQueue.Offer.QUEUED) {
      state.markFailed();
    }
    return state;
  }

  /** Reserves the next request id, even for a request that then fails: ids never repeat. */
  long reserveRequestId() {
    return nextRequestId.getAndIncrement();
  }

  /** Queues a one-shot message frame if connected; otherwise it fails at once. */
  MessageSignal send(WireMessage frame) {
    OutboundQueue target;
    SendState state;
    lock.lock();
    try {
      if (!isConnectedLocked()) {
        return SendState.failed();
      }
      target = sink;
      state = offer(target, frame);
    } finally {
      lock.unlock();
    }
    target.flush();
    return state;
  }

  /**
   * Tracks request {@code id} and queues its frame if connected. Otherwise it fails at once, and
   * its {@code SendFailed} event comes with the next connection change, as in the seed crate. After
   * death the request is not tracked: {@code IsDead} was the last event.
   */
  RequestSignal request(long id, WireMessage frame) {
    OutboundQueue target = null;
    TrackedRequest request;
    lock.lock();
    try {
      if (dead) {
        return new TrackedRequest(id, SendState.failed());
      }
      if (isConnectedLocked()) {
        target = sink;
        request = requests.add(id, offer(target, frame));
      } else {
        request = requests.add(id, SendState.failed());
      }
    } finally {
      lock.unlock();
    }
    if (target != null) {
      target.flush();
    }
    return request;
  }

  /** The next event, or null if none is waiting. */
  ClientEvent<SM, RESP> next() {
    lock.lock();
    try {
      return takeLocked();
    } finally {
      lock.unlock();
    }
  }

  /** The next event, waiting up to {@code timeout} for one; null if none came. */
  ClientEvent<SM, RESP> poll(Duration timeout) throws InterruptedException {
    long remainingNanos = timeout.toNanos();
    lock.lockInterruptibly();
    try {
      while (events.isEmpty() && remainingNanos > 0) {
        remainingNanos = eventAdded.awaitNanos(remainingNanos);
      }
      return takeLocked();
    } finally {
      lock.unlock();
    }
  }

  private ClientEvent<SM, RESP> takeLocked() {
    ClientEvent<SM, RESP> event = events.poll();
    if (event instanceof ClientEvent.Report<SM, RESP> report
        && report.report() instanceof ClientReport.Connected) {
      unmatchedEnds--;
    }
    return event;
  }

  boolean isConnected() {
    lock.lock();
    try {
      return isConnectedLocked();
    } finally {
      lock.unlock();
    }
  }

  private boolean isConnectedLocked() {
    return unmatchedEnds == 0 && sink != null && !closed && !dead;
  }

  /** Whether {@link #closeBySelf} was called or the client died. */
  boolean isClosed() {
    lock.lock();
    try {
      return closed || dead;
    } finally {
      lock.unlock();
    }
  }

  /** Whether {@code IsDead} has been queued; events may still be waiting to be consumed. */
  boolean isDead() {
    lock.lock();
    try {
      return dead;
    } finally {
      lock.unlock();
    }
  }

  /**
   * A connection was accepted: resolves every pending request (none can still be written, as the
   * frames of earlier connections were abandoned), then queues {@code Connected}. False, and
   * nothing queued, if the client is closed or dead.
   */
  boolean accepted(OutboundQueue acceptedSink) {
    lock.lock();
    try {
      if (closed || dead) {
        return false;
      }
      requests.drainAll(true, this::addTerminalLocked);
      sink = acceptedSink;
      @SuppressWarnings("unchecked") // immutable and holds neither type
      ClientEvent<SM, RESP> connected = (ClientEvent<SM, RESP>) CONNECTED;
      addLocked(connected);
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * A connection ended: queues {@code report} (unless the application closed the client, which
   * reported {@code ClosedBySelf} instead), then the terminal events of requests that are done.
   */
  void connectionEnded(ClientReport report, boolean wasAccepted) {
    lock.lock();
    try {
      if (dead) {
        return;
      }
      if (wasAccepted) {
        sink = null;
        unmatchedEnds++;
      }
      if (!closed) {
        addLocked(new ClientEvent.Report<>(report));
      }
      requests.drainDone(this::addTerminalLocked);
    } finally {
      lock.unlock();
    }
  }

  /** A connect attempt failed: queues the terminal events of requests that are done. */
  void connectFailed() {
    lock.lock();
    try {
      if (!dead) {
        requests.drainDone(this::addTerminalLocked);
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * The application closed the client: queues {@code ClosedBySelf} at once. False if it was already
   * closed or dead.
   */
  boolean closeBySelf() {
    lock.lock();
    try {
      if (closed || dead) {
        return false;
      }
      closed = true;
      sink = null;
      addLocked(new ClientEvent.Report<>(new ClientReport.ClosedBySelf()));
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * The client stopped for good: queues the terminal events of requests that are done, then {@code
   * IsDead} listing those still being written. Idempotent.
   */
  void die() {
    lock.lock();
    try {
      if (dead) {
        return;
      }
      List<Long> stillSending = requests.drainAll(false, this::addTerminalLocked);
      addLocked(new ClientEvent.Report<>(new ClientReport.IsDead(stillSending)));
      sink = null;
      dead = true;
    } finally {
      lock.unlock();
    }
  }

  /** A one-shot message from the server. */
  void message(SM message) {
    add(new ClientEvent.Msg<>(message));
  }

  /**
   * One-shot messages from the server, in order: a batch's run of messages, queued under one lock
   * acquisition with one wake-up of a waiting {@link #poll}, instead of one per message.
   */
  void messages(List<SM> messages) {
    lock.lock();
    try {
      if (dead || messages.isEmpty()) {
        return;
      }
      for (SM message : messages) {
        events.add(new ClientEvent.Msg<>(message));
      }
      eventAdded.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** A response to request {@code id}; ignored, with false, if it is not pending. */
  boolean response(long id, RESP response) {
    return reply(id, RequestStatus.RESPONDED, new ClientEvent.Response<>(response, id));
  }

  /** An acknowledgement of request {@code id}; ignored, with false, if it is not pending. */
  boolean ack(long id) {
    return reply(id, RequestStatus.ACKNOWLEDGED, new ClientEvent.Ack<>(id));
  }

  /** A rejection of request {@code id}; ignored, with false, if it is not pending. */
  boolean reject(long id) {
    return reply(id, RequestStatus.REJECTED, new ClientEvent.Reject<>(id));
  }

  private boolean reply(long id, RequestStatus outcome, ClientEvent<SM, RESP> event) {
    lock.lock();
    try {
      if (dead || requests.resolve(id, outcome) == null) {
        return false;
      }
      addLocked(event);
      return true;
    } finally {
      lock.unlock();
    }
  }

  private void add(ClientEvent<SM, RESP> event) {
    lock.lock();
    try {
      if (!dead) {
        addLocked(event);
      }
    } finally {
      lock.unlock();
    }
  }

  private void addTerminalLocked(TrackedRequest request) {
    addLocked(
        request.status() == RequestStatus.SEND_FAILED
            ? new ClientEvent.SendFailed<>(request.id())
            : new ClientEvent.ResponseLost<>(request.id()));
  }

  private void addLocked(ClientEvent<SM, RESP> event) {
    events.add(event);
    eventAdded.signalAll();
  }

  /** How many requests await their terminal event; for tests. */
  int pendingRequests() {
    lock.lock();
    try {
      return requests.size();
    } finally {
      lock.unlock();
    }
  }
}

package io.simplenet.internal.server;

import io.simplenet.ClientEnv;
import io.simplenet.ClientId;
import io.simplenet.CloseReason;
import io.simplenet.Encoding;
import io.simplenet.ServerEvent;
import io.simplenet.auth.AuthResult;
import io.simplenet.codec.CodecException;
import io.simplenet.internal.Heartbeats;
import io.simplenet.internal.RateLimiter;
import io.simplenet.internal.wire.Batches;
import io.simplenet.internal.wire.ClientFrame;
import io.simplenet.internal.wire.FrameWriter;
import io.simplenet.internal.wire.OutboundQueue;
import io.simplenet.internal.wire.ServerFrame;
import io.simplenet.internal.wire.WireMessage;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection on the server, from the upgrade to the close: checks and decodes its
 * frames, runs its handshake, queues its outbound frames and watches its liveness.
 *
 * <p>Thread-safe. Inbound frames are processed one at a time under this object's lock. The hello's
 * credentials are checked on the server's auth threads, off the transport's few workers; frames
 * that arrive meanwhile wait in this connection and are processed after the hello, in order.
 */
final class Connection<C, CM, REQ, SM, RESP> {
  private static final Logger log = LoggerFactory.getLogger(Connection.class);

  private enum State {
    /** Upgraded, waiting for a valid hello. */
    PENDING,
    /** A hello arrived: its credentials are being checked. */
    AUTHENTICATING,
    /** Authenticated and registered: its events reach the application. */
    ACCEPTED,
    /** The transport reported the close. */
    CLOSED
  }

  private final ServerCore<C, CM, REQ, SM, RESP> server;
  private final Session session;
  private final ClientEnv env;
  private final OutboundQueue outbound;
  private final RateLimiter rateLimiter;
  private final long openedNanos;
  private final AtomicBoolean closeSent = new AtomicBoolean();
  private volatile long lastReceivedNanos;

  // Guarded by this.
  private State state = State.PENDING;
  /** A close was decided: no more frames are processed and no more sends accepted. */
  private boolean closing;
  private ClientId clientId;
  /** The order of this connection's Connected among all the server's: the send gate. */
  private long connectIndex;
  private ScheduledFuture<?> authTimer;
  /** Frames that arrived while the hello was checked; null while none wait. */
  private List<ClientFrame<C, CM, REQ>> deferred;

  Connection(ServerCore<C, CM, REQ, SM, RESP> server, Session session, ClientEnv env) {
    this.server = server;
    this.session = session;
    this.env = env;
    this.outbound =
        new OutboundQueue(
            FrameWriter.tyrus(session::getAsyncRemote),
            server.config().maxOutboundQueueBytes(),
            server.writers());
    outbound.batchUpTo(Batches.SERVER_MAX_BATCH_BYTES);
    this.rateLimiter = new RateLimiter(server.config().rateLimit());
    this.openedNanos = System.nanoTime();
    this.lastReceivedNanos = openedNanos;
  }

  /** Starts the auth timer. */
  void start() {
    ScheduledFuture<?> timer = server.schedule(this::onAuthTimeout, server.config().authTimeout());
    if (timer == null) {
      closeNow(CloseReason.SERVER_SHUTTING_DOWN);
      return;
    }
    synchronized (this) {
      authTimer = timer;
    }
  }

  ServerCore<C, CM, REQ, SM, RESP> server() {
    return server;
  }

  ClientEnv env() {
    return env;
  }

  /** The authenticated id; null before the hello was accepted. */
  synchronized ClientId clientId() {
    return clientId;
  }

  synchronized long connectIndex() {
    return connectIndex;
  }

  /** Whether the connection has ended or is ending: answers and sends are dropped. */
  synchronized boolean isClosed() {
    return closing || state == State.CLOSED;
  }

  /** Handles one inbound WebSocket message. */
  void onFrame(WireMessage message) {
    CloseReason violation;
    synchronized (this) {
      if (closing || state == State.CLOSED) {
        return;
      }
      lastReceivedNanos = System.nanoTime();
      violation = check(message);
      if (violation != null) {
        closing = true;
      }
    }
    if (violation != null) {
      closeNow(violation);
    }
  }

  /** A pong: the peer is alive. */
  void onPong() {
    lastReceivedNanos = System.nanoTime();
  }

  /** Processes {@code message}; returns why the connection must close, or null. */
  private CloseReason check(WireMessage message) {
    boolean isText = message instanceof WireMessage.Text;
    if (isText && env.encoding() == Encoding.BINARY) {
      return CloseReason.TEXT_NOT_ALLOWED;
    }
    if (!isText && env.encoding() == Encoding.JSON) {
      return CloseReason.BINARY_NOT_ALLOWED;
    }
    // Rate before size, as the seed: an oversized flood is reported as a flood.
    if (!rateLimiter.tryCountMessage(lastReceivedNanos - openedNanos)) {
      return CloseReason.RATE_LIMIT_VIOLATION;
    }
    if (message.sizeBytes() > server.config().maxMessageSize()) {
      return CloseReason.MESSAGE_SIZE_VIOLATION;
    }
    ClientFrame<C, CM, REQ> frame;
    try {
      frame = server.codec().decodeClientFrame(message);
    } catch (CodecException e) {
      log.debug("undecodable frame from {}: {}", env.remoteAddress(), e.getMessage());
      return CloseReason.DESERIALIZATION_FAILURE;
    }
    if (!(frame instanceof ClientFrame.Batch<C, CM, REQ> batch)) {
      return process(frame);
    }
    // A batch of N counts N against the rate limit (the message itself counted its first frame),
    // so batching cannot pass more frames than sending them alone.
    for (int i = 0; i < batch.frames().size(); i++) {
      if (i > 0 && !rateLimiter.tryCountMessage(lastReceivedNanos - openedNanos)) {
        return CloseReason.RATE_LIMIT_VIOLATION;
      }
      CloseReason violation = process(batch.frames().get(i));
      if (violation != null) {
        return violation;
      }
    }
    return null;
  }

  /** Handles one decoded frame, not a batch; returns why the connection must close, or null. */
  private CloseReason process(ClientFrame<C, CM, REQ> frame) {
    if (state == State.AUTHENTICATING) {
      if (deferred == null) {
        deferred = new ArrayList<>();
      }
      deferred.add(frame);
      return null;
    }
    if (frame instanceof ClientFrame.Hello<C, CM, REQ> hello) {
      if (state == State.ACCEPTED) {
        return CloseReason.EXTRA_AUTH_MESSAGE;
      }
      state = State.AUTHENTICATING;
      return server.authenticate(hello.auth(), result -> onAuthenticated(hello, result))
          ? null
          : CloseReason.SERVER_SHUTTING_DOWN;
    }
    if (state != State.ACCEPTED) {
      return frame instanceof ClientFrame.Message
          ? CloseReason.MESSAGE_BEFORE_AUTH
          : CloseReason.REQUEST_BEFORE_AUTH;
    }
    ServerEvent<C, CM, REQ> event;
    if (frame instanceof ClientFrame.Message<C, CM, REQ> msg) {
      event = new ServerEvent.Msg<>(clientId, msg.message());
    } else {
      ClientFrame.Request<C, CM, REQ> request = (ClientFrame.Request<C, CM, REQ>) frame;
      PendingRequest<REQ, SM, RESP> token =
          new PendingRequest<>(this, request.id(), request.request());
      event = new ServerEvent.Request<>(clientId, token, request.request());
    }
    return server.deliver(event) ? null : CloseReason.SERVER_OVERLOADED;
  }

  /**
   * Admits or refuses the connection on the hello's auth {@code result}, then processes the frames
   * that arrived meanwhile. Runs on an auth thread.
   */
  private void onAuthenticated(ClientFrame.Hello<C, CM, REQ> hello, AuthResult result) {
    CloseReason violation;
    synchronized (this) {
      List<ClientFrame<C, CM, REQ>> waiting = deferred;
      deferred = null;
      if (closing || state == State.CLOSED) {
        return;
      }
      violation = admit(hello, result);
      for (int i = 0; violation == null && waiting != null && i < waiting.size(); i++) {
        violation = process(waiting.get(i));
      }
      if (violation != null) {
        closing = true;
      }
    }
    if (violation != null) {
      closeNow(violation);
    }
  }

  /** Registers the client on an accepted {@code result}; returns why it must close, or null. */
  private CloseReason admit(ClientFrame.Hello<C, CM, REQ> hello, AuthResult result) {
    if (!result.isAccepted()) {
      log.debug("refused client at {}: {}", env.remoteAddress(), result.reason());
      return CloseReason.invalidAuth(result);
    }
    return server.accept(this, hello.auth().clientId(), hello.connect());
  }

  /**
   * Records the accepted hello and queues the Accepted frame, the first server frame. Called by
   * the server under its registry lock, during {@link #onAuthenticated}, so under this object's lock
   * too.
   */
  void markAccepted(ClientId id, long index) {
    if (!Thread.holdsLock(this)) {
      throw new IllegalStateException("markAccepted outside the connection's lock");
    }
    state = State.ACCEPTED;
    clientId = id;
    connectIndex = index;
    cancelAuthTimer();
    enqueue(new ServerFrame.Accepted<>(id, server.config().maxMessageSize()));
  }

  /** Queues {@code frame}; false if the connection is closing or its queue overflowed. */
  boolean send(ServerFrame<SM, RESP> frame) {
    synchronized (this) {
      if (closing || state == State.CLOSED) {
        return false;
      }
    }
    return enqueue(frame);
  }

  private boolean enqueue(ServerFrame<SM, RESP> frame) {
    WireMessage wire = server.codec().encodeServerFrame(frame, env.encoding());
    switch (outbound.offer(wire, this::onWritten)) {
      case QUEUED:
        outbound.flush();
        return true;
      case FULL:
        log.info(
            "closing {} at {}: outbound queue over {} bytes",
            clientId(),
            env.remoteAddress(),
            server.config().maxOutboundQueueBytes());
        closeNow(CloseReason.SLOW_CONSUMER);
        return false;
      default:
        return false;
    }
  }

  /** A frame that was not written leaves the stream broken: later frames must not follow it. */
  private void onWritten(boolean written) {
    if (!written) {
      outbound.close();
    }
  }

  /** Sends a close frame with {@code reason} at once; frames still queued are dropped. */
  void closeNow(CloseReason reason) {
    synchronized (this) {
      closing = true;
    }
    if (!closeSent.compareAndSet(false, true)) {
      return;
    }
    outbound.close();
    log.debug("closing {} ({}): {} {}", env.remoteAddress(), clientId(), reason.code(), reason.reason());
    try {
      session.close(
          new jakarta.websocket.CloseReason(
              jakarta.websocket.CloseReason.CloseCodes.getCloseCode(reason.code()), reason.reason()));
    } catch (IOException | RuntimeException e) {
      log.debug("close of {} failed", env.remoteAddress(), e);
    }
  }

  /**
   * Stops taking frames and sends, writes what is queued, then closes with {@code reason}; closes
   * anyway after {@code maxWait}.
   */
  void closeAfterFlush(CloseReason reason, Duration maxWait) {
    synchronized (this) {
      if (closing || state == State.CLOSED) {
        return;
      }
      closing = true;
    }
    outbound.whenDrained(() -> closeNow(reason));
    if (server.schedule(() -> closeNow(reason), maxWait) == null) {
      closeNow(reason);
    }
  }

  /** The transport closed: releases everything and reports the disconnection once. */
  void onTransportClosed() {
    boolean wasAccepted;
    synchronized (this) {
      if (state == State.CLOSED) {
        return;
      }
      wasAccepted = state == State.ACCEPTED;
      state = State.CLOSED;
      closing = true;
      cancelAuthTimer();
    }
    closeSent.set(true);
    outbound.close();
    server.onClosed(this, wasAccepted);
  }

  /** Pings an idle connection; closes one silent for the keepalive timeout. */
  void heartbeat(long nowNanos) {
    if (closeSent.get()) {
      return;
    }
    long silentNanos = nowNanos - lastReceivedNanos;
    if (silentNanos > server.config().keepaliveTimeout().toNanos()) {
      log.debug("closing inactive {} ({})", env.remoteAddress(), clientId());
      // Tyrus drops the socket once the close frame is written, without waiting for the peer.
      closeNow(CloseReason.REMOTE_PARTNER_INACTIVE);
    } else if (Heartbeats.needsPing(silentNanos, server.config().heartbeatInterval())) {
      ByteBuffer payload = ByteBuffer.allocate(Long.BYTES).putLong(System.currentTimeMillis());
      try {
        session.getAsyncRemote().sendPing(payload.flip());
      } catch (IOException | RuntimeException e) {
        log.debug("ping to {} failed", env.remoteAddress(), e);
      }
    }
  }

  /** Cancels the auth timer and drops it: an idle connection should not hold its task. */
  private void cancelAuthTimer() {
    if (authTimer != null) {
      authTimer.cancel(false);
      authTimer = null;
    }
  }

  private void onAuthTimeout() {
    synchronized (this) {
      if (state != State.PENDING || closing) { // a hello being checked has arrived in time
        return;
      }
      closing = true;
    }
    log.debug("no hello from {} within {}", env.remoteAddress(), server.config().authTimeout());
    closeNow(CloseReason.NO_AUTH_RECEIVED);
  }
}

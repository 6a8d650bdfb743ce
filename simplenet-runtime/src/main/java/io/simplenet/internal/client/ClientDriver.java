package io.simplenet.internal.client;

import io.simplenet.ChannelSpec;
import io.simplenet.ClientConfig;
import io.simplenet.ClientEvent;
import io.simplenet.ClientReport;
import io.simplenet.ClientTls;
import io.simplenet.CloseReason;
import io.simplenet.Encoding;
import io.simplenet.MessageSignal;
import io.simplenet.RequestSignal;
import io.simplenet.auth.AuthRequest;
import io.simplenet.codec.CodecException;
import io.simplenet.internal.wire.ClientFrame;
import io.simplenet.internal.wire.CloseCodes;
import io.simplenet.internal.wire.ConnectQuery;
import io.simplenet.internal.wire.FrameCodec;
import io.simplenet.internal.wire.OutboundQueue;
import io.simplenet.internal.wire.ServerFrame;
import io.simplenet.internal.wire.WireMessage;
import jakarta.websocket.ClientEndpointConfig;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.glassfish.tyrus.client.ClientManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one client: connects in the background, sends the hello, turns server frames into events,
 * and reconnects or dies by the seed crate's rules when a connection ends. {@link ClientState}
 * holds the events and requests; this class holds the connection lifecycle.
 *
 * <p>Thread-safe: the lifecycle is guarded by this object's lock, taken before {@link
 * ClientState}'s and never while calling into Tyrus.
 */
public final class ClientDriver<C, CM, REQ, SM, RESP> implements Connection.Listener {
  private static final Logger logger = LoggerFactory.getLogger(ClientDriver.class);

  /** How long a closing client waits for its queued frames to be written before it closes anyway. */
  static final Duration CLOSE_FLUSH_TIMEOUT = Duration.ofSeconds(2);

  private enum Phase {
    /** A retry is scheduled (or the first attempt, at start). */
    WAITING,
    /** Tyrus is opening a socket. */
    CONNECTING,
    /** The socket is open and the hello sent; the server has not accepted yet. */
    OPEN,
    /** The server accepted the connection. */
    ACCEPTED,
    /** {@code IsDead} was queued; nothing more happens. */
    DEAD
  }

  private final FrameCodec<C, CM, REQ, SM, RESP> codec;
  private final Encoding encoding;
  private final URI uri;
  private final AuthRequest auth;
  private final ClientConfig config;
  private final ClientManager manager;
  private final WireMessage hello;
  private final RetryDelays delays;
  private final ClientState<SM, RESP> state = new ClientState<>();

  // Guarded by this.
  private Phase phase = Phase.WAITING;
  private Connection current;
  private Connection previous;
  private int connections;

  /** Attempts since the last accepted connection (or the start). */
  private int attempts;

  private boolean everAccepted;
  private boolean closing;
  private ScheduledFuture<?> retry;

  /** The thread blocked in Tyrus's connect, which {@link #close()} interrupts. */
  private Thread connectingThread;

  /**
   * A driver for one client; nothing happens until {@link #start()}.
   *
   * @param tls null for {@code ws://}
   * @throws IllegalArgumentException if {@code endpoint} is not a {@code ws://} or {@code wss://}
   *     URL without query, or the connect message cannot be encoded
   */
  public ClientDriver(
      ChannelSpec<C, CM, REQ, SM, RESP> spec,
      URI endpoint,
      AuthRequest auth,
      C connectMessage,
      ClientConfig config,
      Encoding encoding,
      ClientTls tls) {
    this.codec = new FrameCodec<>(spec);
    this.encoding = encoding;
    this.uri = ConnectQuery.connectUri(endpoint, spec.version(), encoding);
    this.auth = auth;
    this.config = config;
    this.manager = TyrusClient.newManager(tls, config.keepaliveTimeout());
    this.hello = codec.encodeClientFrame(new ClientFrame.Hello<>(auth, connectMessage), encoding);
    this.delays = new RetryDelays(config, new Random());
  }

  /** Starts the first connect attempt, in the background; returns this driver. */
  public ClientDriver<C, CM, REQ, SM, RESP> start() {
    TyrusClient.BLOCKING.execute(this::attempt);
    return this;
  }

  /** The URL the client dials, with the connect query. */
  public URI uri() {
    return uri;
  }

  /** See {@code Client.send}. */
  public MessageSignal send(CM message) {
    return state.send(codec.encodeClientFrame(new ClientFrame.Message<>(message), encoding));
  }

  /** See {@code Client.request}. */
  public RequestSignal request(REQ request) {
    long id = state.reserveRequestId();
    return state.request(
        id, codec.encodeClientFrame(new ClientFrame.Request<>(id, request), encoding));
  }

  /** The next event, or null if none is waiting. */
  public ClientEvent<SM, RESP> next() {
    return state.next();
  }

  /** The next event, waiting up to {@code timeout}; null if none came. */
  public ClientEvent<SM, RESP> poll(Duration timeout) throws InterruptedException {
    return state.poll(timeout);
  }

  /** See {@code Client.isConnected}. */
  public boolean isConnected() {
    return state.isConnected();
  }

  /** See {@code Client.isClosed}. */
  public boolean isClosed() {
    return state.isClosed();
  }

  /** See {@code Client.isDead}. */
  public boolean isDead() {
    return state.isDead();
  }

  /**
   * Queues {@code ClosedBySelf} at once, then closes the connection with 1000 "client done" in the
   * background once the frames already sent are written, or stops reconnecting; {@code IsDead}
   * follows. False if already closed.
   */
  public boolean close() {
    if (!state.closeBySelf()) {
      return false;
    }
    Connection toClose = null;
    synchronized (this) {
      closing = true;
      if (retry != null) {
        retry.cancel(false);
      }
      switch (phase) {
        case WAITING -> die();
        case OPEN, ACCEPTED -> toClose = current;
        case CONNECTING -> {
          // Cut a handshake with an unresponsive server short; attempt() then dies.
          if (connectingThread != null) {
            connectingThread.interrupt();
          }
        }
        case DEAD -> {}
      }
    }
    if (toClose != null) {
      closeAfterFlush(toClose);
    }
    return true;
  }

  /**
   * Closes {@code connection} with 1000 "client done" once the frames sent before the close are
   * written (as the seed crate, whose close follows the queued messages; a streaming sender's last
   * frames may still wait for their drain), or after {@link #CLOSE_FLUSH_TIMEOUT} if they are not.
   */
  private static void closeAfterFlush(Connection connection) {
    AtomicBoolean started = new AtomicBoolean();
    Runnable close =
        () -> {
          if (started.compareAndSet(false, true)) {
            TyrusClient.BLOCKING.execute(() -> connection.close(CloseReason.CLIENT_DONE));
          }
        };
    connection.outbound().whenDrained(close);
    TyrusClient.TIMER.schedule(close, CLOSE_FLUSH_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** One connect attempt; blocks in Tyrus until the handshake ends. */
  private void attempt() {
    Connection connection;
    synchronized (this) {
      retry = null;
      if (closing || phase == Phase.DEAD) {
        return;
      }
      if (previous != null) {
        previous.outbound().abandon(); // its requests must be resolved before the next Connected
        previous = null;
      }
      attempts++;
      connection =
          new Connection(
              this, ++connections, config.heartbeatInterval(), config.keepaliveTimeout());
      current = connection;
      phase = Phase.CONNECTING;
      connectingThread = Thread.currentThread();
    }
    logger.debug("connection {}: connecting to {}", connection.number(), uri);
    Exception failure = null;
    try {
      manager.connectToServer(connection, ClientEndpointConfig.Builder.create().build(), uri);
    } catch (Exception e) { // DeploymentException, IOException, or anything Tyrus lets escape
      failure = e;
    }
    boolean closeNow;
    synchronized (this) {
      connectingThread = null;
      Thread.interrupted(); // clears an interrupt from close(): the pooled thread moves on
      closeNow = failure == null && closing && current == connection;
    }
    if (failure != null) {
      connectFailed(connection, failure);
      return;
    }
    if (closeNow) {
      connection.close(CloseReason.CLIENT_DONE);
    }
  }

  private void connectFailed(Connection connection, Exception error) {
    synchronized (this) {
      if (current == connection) {
        logger.info(
            "connection {}: connect to {} failed: {}", connection.number(), uri, describe(error));
        connection.outbound().close();
        current = null;
        previous = connection;
        state.connectFailed();
        afterEnd(false, false);
      }
    }
    // A handshake that timed out may still have opened the socket, sent the hello and been
    // accepted: left open, that orphan would hold the client id on the server (1008 to every retry).
    connection.close(CloseReason.CLIENT_DONE);
  }

  @Override
  public boolean opened(Connection connection) {
    synchronized (this) {
      if (current != connection || phase != Phase.CONNECTING) {
        return false; // a handshake that completed after its attempt was given up
      }
      phase = Phase.OPEN;
    }
    OutboundQueue outbound = connection.outbound();
    outbound.offer(hello, written -> {}); // a failed Hello ends the connection, reported there
    outbound.flush();
    return true;
  }

  @Override
  public void received(Connection connection, WireMessage message) {
    if ((message instanceof WireMessage.Text) != (encoding == Encoding.JSON)) {
      logger.warn(
          "connection {}: ignoring a {} frame on a {} connection",
          connection.number(),
          message instanceof WireMessage.Text ? "text" : "binary",
          encoding.queryValue());
      return;
    }
    ServerFrame<SM, RESP> frame;
    try {
      frame = codec.decodeServerFrame(message);
    } catch (CodecException e) {
      logger.warn(
          "connection {}: ignoring an undecodable frame: {}", connection.number(), e.getMessage());
      return;
    }
    if (frame instanceof ServerFrame.Batch<SM, RESP> batch) {
      handleBatch(connection, batch.frames());
    } else {
      handle(connection, frame);
    }
  }

  /**
   * Handles a batch's frames in order, as {@link #handle} would one by one, but queues each run of
   * messages at once: a streaming server's batch then wakes a polling application once.
   */
  private void handleBatch(Connection connection, List<ServerFrame<SM, RESP>> frames) {
    List<SM> messages = new ArrayList<>(frames.size());
    for (ServerFrame<SM, RESP> frame : frames) {
      if (frame instanceof ServerFrame.Message<SM, RESP> msg && connection.isAccepted()) {
        messages.add(msg.message());
      } else {
        state.messages(messages); // those before this frame come first
        messages.clear();
        handle(connection, frame);
      }
    }
    state.messages(messages);
  }

  /** Handles one decoded frame, not a batch. */
  private void handle(Connection connection, ServerFrame<SM, RESP> frame) {
    if (frame instanceof ServerFrame.Accepted<SM, RESP> accepted) {
      accepted(connection, accepted);
    } else if (!connection.isAccepted()) {
      logger.warn(
          "connection {}: ignoring a {} frame before Accepted",
          connection.number(),
          frame.getClass().getSimpleName());
    } else if (frame instanceof ServerFrame.Message<SM, RESP> msg) {
      state.message(msg.message());
    } else if (frame instanceof ServerFrame.Response<SM, RESP> response) {
      replied(state.response(response.id(), response.response()), "response", response.id());
    } else if (frame instanceof ServerFrame.Ack<SM, RESP> ack) {
      replied(state.ack(ack.id()), "ack", ack.id());
    } else if (frame instanceof ServerFrame.Reject<SM, RESP> reject) {
      replied(state.reject(reject.id()), "reject", reject.id());
    }
  }

  private static void replied(boolean known, String kind, long id) {
    if (!known) {
      logger.warn("ignoring a {} for unknown request {}", kind, Long.toUnsignedString(id));
    }
  }

  private void accepted(Connection connection, ServerFrame.Accepted<SM, RESP> accepted) {
    synchronized (this) {
      if (current != connection || phase != Phase.OPEN) {
        logger.warn("connection {}: ignoring an unexpected Accepted", connection.number());
        return;
      }
      if (!accepted.clientId().equals(auth.clientId())) {
        logger.warn(
            "connection {}: accepted as {}, not {}",
            connection.number(),
            accepted.clientId(),
            auth.clientId());
      }
      logger.info("connection {}: accepted by {}", connection.number(), uri);
      phase = Phase.ACCEPTED;
      attempts = 0;
      everAccepted = true;
      connection.markAccepted();
      connection.outbound().batchUpTo(accepted.maxMessageSize());
      state.accepted(connection.outbound()); // false if closing: close() is closing it
    }
  }

  @Override
  public void ended(Connection connection, int code, String reason) {
    synchronized (this) {
      if (current != connection) {
        return;
      }
      boolean wasAccepted = phase == Phase.ACCEPTED;
      connection.outbound().close();
      current = null;
      previous = connection;
      boolean serverClose = connection.localClose() == null && code != CloseCodes.ABNORMAL;
      ClientReport report =
          serverClose
              ? new ClientReport.ClosedByServer(new CloseReason(code, CloseReason.fit(reason)))
              : new ClientReport.Disconnected();
      logger.info("connection {}: ended with {} {}: {}", connection.number(), code, reason, report);
      state.connectionEnded(report, wasAccepted);
      if (serverClose && code == CloseCodes.REFUSED_BAD_REQUEST) {
        // A bad version, query or encoding is refused the same way on every retry.
        logger.info("connection {}: refused as a bad request: not reconnecting", connection.number());
        die();
        return;
      }
      afterEnd(serverClose, wasAccepted);
    }
  }

  /** Reconnects or dies after a connection ended or an attempt failed. Holds the lock. */
  private void afterEnd(boolean serverClose, boolean wasAccepted) {
    if (closing) {
      die();
      return;
    }
    if (auth instanceof AuthRequest.Token token && token.token().isExpired(Instant.now())) {
      logger.info("auth token expired: not reconnecting");
      die();
      return;
    }
    if (!(serverClose ? config.reconnectOnServerClose() : config.reconnectOnDisconnect())) {
      die();
      return;
    }
    int limit = everAccepted ? config.maxReconnectAttempts() : config.maxInitialConnectAttempts();
    if (attempts >= limit) {
      logger.info("{} connect attempts failed: giving up", attempts);
      die();
      return;
    }
    phase = Phase.WAITING;
    // A lost connection is retried at once; a refusal, a failure or a server's close after a pause.
    if (wasAccepted && !serverClose) {
      TyrusClient.BLOCKING.execute(this::attempt);
    } else {
      Duration pause = delays.before(Math.max(0, attempts - 1));
      retry =
          TyrusClient.TIMER.schedule(
              () -> TyrusClient.BLOCKING.execute(this::attempt),
              pause.toNanos(),
              TimeUnit.NANOSECONDS);
    }
  }

  /** Holds the lock. */
  private void die() {
    phase = Phase.DEAD;
    if (retry != null) {
      retry.cancel(false);
      retry = null;
    }
    state.die();
    logger.info("client for {} is dead", uri);
  }

  private static String describe(Throwable error) {
    StringBuilder text = new StringBuilder(String.valueOf(error.getMessage()));
    for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
      text.append(": ").append(cause.getMessage());
    }
    return text.toString();
  }
}

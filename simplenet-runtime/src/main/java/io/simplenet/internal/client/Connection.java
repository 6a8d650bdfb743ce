package io.simplenet.internal.client;

import io.simplenet.CloseReason;
import io.simplenet.internal.Heartbeats;
import io.simplenet.internal.SharedClientTransport;
import io.simplenet.internal.TyrusSessions;
import io.simplenet.internal.wire.FrameWriter;
import io.simplenet.internal.wire.OutboundQueue;
import io.simplenet.internal.wire.WireMessage;
import io.simplenet.internal.wire.WriterThreads;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection attempt of a client: the Tyrus endpoint that hands its frames and its
 * close to the {@link ClientDriver}, its {@link OutboundQueue}, and its heartbeat.
 *
 * <p>Thread-safe. Tyrus calls the endpoint methods one at a time per connection.
 */
final class Connection extends Endpoint {
  private static final Logger logger = LoggerFactory.getLogger(Connection.class);

  /** The bound on the bytes of frames queued and in flight on one connection. */
  static final long MAX_QUEUED_BYTES = 16L << 20;

  /**
   * The drain tasks of every client's outbound queue (see OutboundQueue): shared by the process,
   * as the clients' transport is, so its threads are daemons that stop when idle.
   */
  private static final ExecutorService WRITERS = WriterThreads.newPool("simplenet-client-writer");

  /** Receives what happens on a connection. */
  interface Listener {
    /** The socket opened; {@code connection} can now write. False if it is no longer wanted. */
    boolean opened(Connection connection);

    /** A frame arrived. */
    void received(Connection connection, WireMessage message);

    /** The connection ended, with the close code and reason Tyrus reports. */
    void ended(Connection connection, int code, String reason);
  }

  private final Listener listener;
  private final int number;
  private final Duration heartbeatInterval;
  private final Duration keepaliveTimeout;
  private final OutboundQueue outbound;
  private volatile Session session;
  private volatile long lastHeardNanos = System.nanoTime();
  private volatile CloseReason localClose;
  private volatile boolean accepted;
  private ScheduledFuture<?> heartbeat;

  Connection(Listener listener, int number, Duration heartbeatInterval, Duration keepaliveTimeout) {
    this.listener = listener;
    this.number = number;
    this.heartbeatInterval = heartbeatInterval;
    this.keepaliveTimeout = keepaliveTimeout;
    this.outbound =
        new OutboundQueue(
            FrameWriter.tyrus(() -> session.getAsyncRemote()), MAX_QUEUED_BYTES, WRITERS);
  }

  /** The client's count of connection attempts when this one started, from 1; for logs. */
  int number() {
    return number;
  }

  OutboundQueue outbound() {
    return outbound;
  }

  /** Whether the server's Accepted frame arrived on this connection. */
  boolean isAccepted() {
    return accepted;
  }

  void markAccepted() {
    accepted = true;
  }

  /** The reason this client closed the connection with, or null if it did not. */
  CloseReason localClose() {
    return localClose;
  }

  @Override
  public void onOpen(Session session, EndpointConfig config) {
    TyrusSessions.disableIdleTimeout(session);
    SharedClientTransport.useSameThreadIo();
    this.session = session;
    heard();
    session.addMessageHandler(
        byte[].class,
        (MessageHandler.Whole<byte[]>) bytes -> received(new WireMessage.Binary(bytes)));
    session.addMessageHandler(
        String.class, (MessageHandler.Whole<String>) text -> received(new WireMessage.Text(text)));
    session.addMessageHandler(
        PongMessage.class, (MessageHandler.Whole<PongMessage>) pong -> heard());
    synchronized (this) {
      long periodMillis = heartbeatInterval.toMillis();
      heartbeat =
          TyrusClient.TIMER.scheduleAtFixedRate(
              this::checkAlive, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }
    if (!listener.opened(this)) {
      TyrusClient.BLOCKING.execute(() -> close(CloseReason.CLIENT_DONE));
    }
  }

  private void received(WireMessage message) {
    heard();
    listener.received(this, message);
  }

  @Override
  public void onClose(Session session, jakarta.websocket.CloseReason reason) {
    synchronized (this) {
      if (heartbeat != null) {
        heartbeat.cancel(false);
      }
    }
    listener.ended(this, reason.getCloseCode().getCode(), reason.getReasonPhrase());
  }

  @Override
  public void onError(Session session, Throwable error) {
    logger.debug("connection {}: transport error", number, error);
  }

  private void heard() {
    lastHeardNanos = System.nanoTime();
  }

  /**
   * The heartbeat: closes a connection silent for the keepalive timeout; pings one silent for a
   * heartbeat interval, which the peer must answer.
   */
  private void checkAlive() {
    long silentNanos = System.nanoTime() - lastHeardNanos;
    if (silentNanos > keepaliveTimeout.toNanos()) {
      logger.info(
          "connection {}: nothing heard for {} ms, closing", number, silentNanos / 1_000_000);
      TyrusClient.BLOCKING.execute(() -> close(CloseReason.REMOTE_PARTNER_INACTIVE));
    } else if (Heartbeats.needsPing(silentNanos, heartbeatInterval)) {
      Session current = session;
      try {
        ByteBuffer payload = ByteBuffer.allocate(Long.BYTES).putLong(System.currentTimeMillis());
        current.getAsyncRemote().sendPing(payload.flip());
      } catch (IOException | RuntimeException e) {
        logger.debug("connection {}: ping failed", number, e);
      }
    }
  }

  /**
   * Closes the connection with {@code reason}. Tyrus sends the close frame, reports the close to
   * {@link #onClose} on this thread, and closes the socket without waiting for the server's reply.
   * May block briefly: call it on a {@link TyrusClient#BLOCKING} thread.
   */
  void close(CloseReason reason) {
    localClose = reason;
    Session current = session;
    if (current == null) {
      return;
    }
    try {
      current.close(
          new jakarta.websocket.CloseReason(
              jakarta.websocket.CloseReason.CloseCodes.getCloseCode(reason.code()),
              reason.reason()));
    } catch (IOException | RuntimeException e) {
      logger.debug("connection {}: close failed", number, e);
    }
  }
}

package io.simplenet.internal.server;

import io.simplenet.ChannelSpec;
import io.simplenet.ClientEnv;
import io.simplenet.ClientId;
import io.simplenet.CloseReason;
import io.simplenet.RequestToken;
import io.simplenet.ServerConfig;
import io.simplenet.ServerEvent;
import io.simplenet.ServerHandler;
import io.simplenet.auth.AuthRequest;
import io.simplenet.auth.AuthResult;
import io.simplenet.auth.Authenticator;
import io.simplenet.internal.TransportLogging;
import io.simplenet.internal.wire.CloseCodes;
import io.simplenet.internal.wire.ConnectQuery;
import io.simplenet.internal.wire.FrameCodec;
import io.simplenet.internal.wire.ServerFrame;
import io.simplenet.internal.wire.WireMessage;
import io.simplenet.internal.wire.WriterThreads;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.glassfish.tyrus.core.TyrusSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server behind {@code io.simplenet.Server}: admits connections, keeps the registry of
 * accepted clients, queues events, gates sends, heartbeats and shuts down.
 *
 * <p>Thread-safe. One lock, {@link #registry}, orders registrations, deregistrations and the
 * Connected and Disconnected events, so a client's events never interleave across its connections.
 */
public final class ServerCore<C, CM, REQ, SM, RESP> {
  private static final Logger log = LoggerFactory.getLogger(ServerCore.class);

  /** Where a session keeps its connection. */
  private static final String CONNECTION_KEY = "io.simplenet.connection";

  /** Room for a frame header around our own size limit; see {@link #transportLimit}. */
  private static final int FRAME_OVERHEAD = 64;

  /** Tyrus's default incoming buffer size, 4 MiB + 11. */
  private static final int TYRUS_DEFAULT_BUFFER = 4 * 1024 * 1024 + 11;

  private enum State {
    RUNNING,
    SHUTTING_DOWN,
    DEAD
  }

  private final ChannelSpec<C, CM, REQ, SM, RESP> spec;
  private final FrameCodec<C, CM, REQ, SM, RESP> codec;
  private final ServerConfig config;
  private final Authenticator authenticator;
  private final EventQueue<C, CM, REQ> events;
  private final ScheduledThreadPoolExecutor timer;
  /** Runs the connections' outbound drain tasks (see OutboundQueue). */
  private final ExecutorService writers = WriterThreads.newPool("simplenet-server-writer");
  /**
   * Checks hellos' credentials (an Ed25519 token costs milliseconds) off the transport's fixed
   * worker pool, whose threads must stay free for reads and upgrades. One thread per core; its
   * queue holds at most one hello per pending connection ({@link ServerConfig#maxPending()}).
   */
  private final ThreadPoolExecutor authPool;
  private final URI url;
  private final GrizzlyTransport transport;

  /** Accepted connections by client id; written under {@link #registry}, read anywhere. */
  private final Map<ClientId, Connection<C, CM, REQ, SM, RESP>> accepted = new ConcurrentHashMap<>();

  /** Every admitted connection, pending or accepted, until its transport closes. */
  private final Set<Connection<C, CM, REQ, SM, RESP>> live = ConcurrentHashMap.newKeySet();

  private final Object registry = new Object();
  // Guarded by registry.
  private int pending;
  private long connectedTotal;
  private State state = State.RUNNING;

  /**
   * Binds and starts a server.
   *
   * @param handler null if the application polls events; otherwise called on {@code executor}
   * @param sslContext null for plain {@code ws://}
   * @throws java.io.UncheckedIOException if the address cannot be bound
   */
  public ServerCore(
      ChannelSpec<C, CM, REQ, SM, RESP> spec,
      ServerConfig config,
      Authenticator authenticator,
      ServerHandler<C, CM, REQ> handler,
      Executor executor,
      String host,
      int port,
      String path,
      SSLContext sslContext) {
    TransportLogging.install();
    this.spec = spec;
    this.codec = new FrameCodec<>(spec);
    this.config = config;
    this.authenticator = authenticator;
    this.events = new EventQueue<>(config.maxQueuedEvents(), handler, executor);
    this.timer =
        new ScheduledThreadPoolExecutor(1, daemon("simplenet-server-timer"));
    timer.setRemoveOnCancelPolicy(true);
    int authThreads = Runtime.getRuntime().availableProcessors();
    this.authPool =
        new ThreadPoolExecutor(
            authThreads,
            authThreads,
            0,
            TimeUnit.NANOSECONDS,
            new LinkedBlockingQueue<>(),
            daemon("simplenet-server-auth"));
    try {
      this.transport =
          GrizzlyTransport.start(
              host,
              port,
              sslContext,
              transportLimit(config.maxMessageSize()),
              idleTimeout(config),
              config.authTimeout(),
              endpointConfig(path));
    } catch (RuntimeException e) {
      timer.shutdownNow();
      writers.shutdown();
      authPool.shutdownNow();
      throw e;
    }
    String scheme = sslContext != null ? "wss" : "ws";
    String urlHost = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    this.url = URI.create(scheme + "://" + urlHost + ":" + transport.port() + path);
    long heartbeat = config.heartbeatInterval().toNanos();
    timer.scheduleAtFixedRate(this::heartbeat, heartbeat, heartbeat, TimeUnit.NANOSECONDS);
  }

  private static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  /**
   * The most bytes Tyrus itself buffers, per read and per message, before it fails a connection
   * with its own 1011 "Buffer overflow.": at least twice our limit, so that anything up to twice
   * too big is refused by us with "message size violation", and at least Tyrus's default, because
   * Tyrus checks each network read as a whole and one read may hold many small frames.
   */
  static int transportLimit(int maxMessageSize) {
    long twiceOurs = 2L * maxMessageSize + FRAME_OVERHEAD;
    return (int) Math.min(Integer.MAX_VALUE, Math.max(twiceOurs, TYRUS_DEFAULT_BUFFER));
  }

  /**
   * How long a connection may go without traffic either way before the transport drops it: longer
   * than our heartbeat needs to ping an idle connection or close a silent one, so it only ever
   * catches connections that never upgraded (a TCP or HTTP peer that sends nothing useful).
   */
  static Duration idleTimeout(ServerConfig config) {
    Duration heartbeatBound = config.keepaliveTimeout().plus(config.heartbeatInterval().multipliedBy(2));
    return heartbeatBound.compareTo(config.authTimeout()) > 0 ? heartbeatBound : config.authTimeout();
  }

  public URI url() {
    return url;
  }

  public ChannelSpec<C, CM, REQ, SM, RESP> spec() {
    return spec;
  }

  ServerConfig config() {
    return config;
  }

  FrameCodec<C, CM, REQ, SM, RESP> codec() {
    return codec;
  }

  /** The executor of the connections' outbound drain tasks. */
  Executor writers() {
    return writers;
  }

  /** Runs {@code task} after {@code delay}; null if the server's timer has already stopped. */
  ScheduledFuture<?> schedule(Runnable task, Duration delay) {
    try {
      return timer.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      return null; // shut down: the shutdown closes every connection itself
    }
  }

  /**
   * Checks {@code request} on an auth thread and hands the result to {@code then} there; false if
   * the server is stopping. ({@link Authenticator#authenticate} never throws.)
   */
  boolean authenticate(AuthRequest request, Consumer<AuthResult> then) {
    try {
      authPool.execute(() -> then.accept(authenticator.authenticate(request, Instant.now())));
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  // ---- application side ----

  /** The next event, or null; see {@link EventQueue#next}. */
  public ServerEvent<C, CM, REQ> next() {
    return events.next();
  }

  /** The next event within {@code timeout}, or null. */
  public ServerEvent<C, CM, REQ> poll(Duration timeout) throws InterruptedException {
    return events.poll(timeout);
  }

  /**
   * Queues {@code message} for {@code clientId}'s current connection; false (dropped) if it is not
   * connected or the application has not yet consumed that connection's Connected event.
   */
  public boolean send(ClientId clientId, SM message) {
    Connection<C, CM, REQ, SM, RESP> connection = accepted.get(clientId);
    if (connection == null || connection.connectIndex() > events.consumedConnected()) {
      return false;
    }
    return connection.send(new ServerFrame.Message<>(message));
  }

  /** The runtime's token behind {@code token}, if this server issued it. */
  @SuppressWarnings("unchecked")
  public PendingRequest<REQ, SM, RESP> pendingRequest(RequestToken token) {
    if (token instanceof PendingRequest<?, ?, ?> pending && pending.isFrom(this)) {
      return (PendingRequest<REQ, SM, RESP>) pending;
    }
    throw new IllegalArgumentException("token was not issued by this server: " + token);
  }

  /** Closes {@code clientId}'s connection after its queued frames; false if not connected. */
  public boolean disconnect(ClientId clientId, CloseReason reason) {
    Connection<C, CM, REQ, SM, RESP> connection = accepted.get(clientId);
    if (connection == null) {
      return false;
    }
    connection.closeAfterFlush(reason, config.keepaliveTimeout());
    return true;
  }

  /** Accepted connections. */
  public int connectionCount() {
    return accepted.size();
  }

  public boolean isDead() {
    synchronized (registry) {
      return state == State.DEAD;
    }
  }

  /**
   * Stops accepting, closes every connection with 1001 after writing what is queued to it, and
   * releases the port and every thread, all within {@code deadline}. A call while another is under
   * way waits for it, up to its own deadline. Returns whether the server is dead.
   */
  public boolean shutdown(Duration deadline) throws InterruptedException {
    long end = System.nanoTime() + deadline.toNanos();
    synchronized (registry) {
      if (state != State.RUNNING) {
        while (state != State.DEAD && System.nanoTime() < end) {
          TimeUnit.NANOSECONDS.timedWait(registry, end - System.nanoTime());
        }
        return state == State.DEAD;
      }
      state = State.SHUTTING_DOWN;
    }
    transport.unbind();
    for (Connection<C, CM, REQ, SM, RESP> connection : live) {
      // Half the time to flush, so the close frames still have time to go out.
      connection.closeAfterFlush(CloseReason.SERVER_SHUTTING_DOWN, remaining(end).dividedBy(2));
    }
    synchronized (registry) {
      while (!live.isEmpty() && System.nanoTime() < end) {
        TimeUnit.NANOSECONDS.timedWait(registry, end - System.nanoTime());
      }
    }
    timer.shutdownNow();
    authPool.shutdownNow();
    try {
      transport.stop(remaining(end));
    } finally {
      // Connections the transport dropped without telling us still get their Disconnected.
      for (Connection<C, CM, REQ, SM, RESP> connection : new ArrayList<>(live)) {
        connection.onTransportClosed();
      }
      timer.awaitTermination(remaining(end).toNanos(), TimeUnit.NANOSECONDS);
      // Every connection is closed: a drain still queued finds its queue closed and empty.
      writers.shutdown();
      writers.awaitTermination(remaining(end).toNanos(), TimeUnit.NANOSECONDS);
      authPool.awaitTermination(remaining(end).toNanos(), TimeUnit.NANOSECONDS);
      synchronized (registry) {
        state = State.DEAD;
        registry.notifyAll();
      }
    }
    return true;
  }

  private static Duration remaining(long endNanos) {
    return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
  }

  // ---- connection side ----

  /**
   * Registers an authenticated connection: refuses a client id already connected (the earlier
   * connection keeps going), queues Accepted as its first frame, then its Connected event.
   * Called under the connection's lock. Returns why the connection must close, or null.
   */
  CloseReason accept(Connection<C, CM, REQ, SM, RESP> connection, ClientId id, C connect) {
    synchronized (registry) {
      if (state != State.RUNNING) {
        return CloseReason.SERVER_SHUTTING_DOWN;
      }
      if (accepted.containsKey(id)) {
        log.debug("refused {} at {}: already connected", id, connection.env().remoteAddress());
        return CloseReason.CLIENT_ALREADY_CONNECTED;
      }
      if (!events.hasRoom()) {
        log.info("refused {}: the event queue is full", id);
        return CloseReason.SERVER_OVERLOADED;
      }
      accepted.put(id, connection);
      pending--;
      connection.markAccepted(id, ++connectedTotal);
      events.add(new ServerEvent.Connected<>(id, connection.env(), connect));
      return null;
    }
  }

  /** Queues a message or request event; false if the queue is full. */
  boolean deliver(ServerEvent<C, CM, REQ> event) {
    if (events.offer(event)) {
      return true;
    }
    log.info("closing {}: the event queue is full", event.clientId());
    return false;
  }

  /** A connection's transport closed: deregisters it and reports Disconnected if it was accepted. */
  void onClosed(Connection<C, CM, REQ, SM, RESP> connection, boolean wasAccepted) {
    synchronized (registry) {
      if (!live.remove(connection)) {
        return;
      }
      if (wasAccepted) {
        ClientId id = connection.clientId();
        accepted.remove(id, connection);
        events.add(new ServerEvent.Disconnected<>(id));
      } else {
        pending--;
      }
      registry.notifyAll();
    }
  }

  /** A session completed its upgrade: admits or refuses it. */
  void onOpen(Session session) {
    String address =
        session instanceof TyrusSession tyrus && tyrus.getRemoteAddr() != null
            ? tyrus.getRemoteAddr()
            : ClientEnv.UNKNOWN_ADDRESS;
    ConnectQuery.Check check = ConnectQuery.check(session.getQueryString(), spec.version());
    CloseReason refusal = null;
    Connection<C, CM, REQ, SM, RESP> connection = null;
    synchronized (registry) {
      if (state != State.RUNNING) {
        refusal = CloseReason.SERVER_SHUTTING_DOWN;
      } else if (pending >= config.maxPending()) {
        refusal = new CloseReason(CloseCodes.REFUSED_UNAVAILABLE, "max pending connections");
      } else if (accepted.size() >= config.maxConnections()) {
        refusal = new CloseReason(CloseCodes.REFUSED_UNAVAILABLE, "max connections");
      } else if (check instanceof ConnectQuery.Refused refused) {
        refusal = new CloseReason(CloseCodes.REFUSED_BAD_REQUEST, refused.reason());
      } else {
        ClientEnv env = new ClientEnv(((ConnectQuery.Accepted) check).encoding(), address);
        connection = new Connection<>(this, session, env);
        pending++;
        live.add(connection);
      }
    }
    if (refusal != null) {
      log.debug("refused connection from {}: {}", address, refusal.reason());
      refuse(session, refusal);
      return;
    }
    Connection<C, CM, REQ, SM, RESP> admitted = connection;
    session.getUserProperties().put(CONNECTION_KEY, admitted);
    int limit = transportLimit(config.maxMessageSize());
    session.setMaxBinaryMessageBufferSize(limit);
    session.setMaxTextMessageBufferSize(limit);
    session.addMessageHandler(
        byte[].class,
        (MessageHandler.Whole<byte[]>) bytes -> admitted.onFrame(new WireMessage.Binary(bytes)));
    session.addMessageHandler(
        String.class,
        (MessageHandler.Whole<String>) text -> admitted.onFrame(new WireMessage.Text(text)));
    session.addMessageHandler(
        PongMessage.class, (MessageHandler.Whole<PongMessage>) pong -> admitted.onPong());
    admitted.start();
  }

  private static void refuse(Session session, CloseReason reason) {
    try {
      session.close(
          new jakarta.websocket.CloseReason(
              jakarta.websocket.CloseReason.CloseCodes.getCloseCode(reason.code()), reason.reason()));
    } catch (IOException | RuntimeException e) {
      log.debug("close of a refused session failed", e);
    }
  }

  /** A session's transport closed. */
  void onClose(Session session) {
    @SuppressWarnings("unchecked")
    Connection<C, CM, REQ, SM, RESP> connection =
        (Connection<C, CM, REQ, SM, RESP>) session.getUserProperties().get(CONNECTION_KEY);
    if (connection != null) { // null: the session was refused
      connection.onTransportClosed();
    }
  }

  private void heartbeat() {
    long now = System.nanoTime();
    for (Connection<C, CM, REQ, SM, RESP> connection : live) {
      connection.heartbeat(now);
    }
  }

  private ServerEndpointConfig endpointConfig(String path) {
    ServerEndpoint endpoint = new ServerEndpoint(this);
    return ServerEndpointConfig.Builder.create(ServerEndpoint.class, path)
        .configurator(
            new ServerEndpointConfig.Configurator() {
              @Override
              public <T> T getEndpointInstance(Class<T> endpointClass) {
                return endpointClass.cast(endpoint);
              }
            })
        .build();
  }
}

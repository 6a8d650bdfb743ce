package io.simplenet;

import io.simplenet.auth.Authenticator;
import io.simplenet.internal.server.PendingRequest;
import io.simplenet.internal.server.ServerCore;
import io.simplenet.internal.wire.ServerFrame;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * A typed WebSocket server for one channel: clients connect, authenticate and exchange the
 * channel's messages and requests. Build one with {@link #builder}; it is listening when {@link
 * Builder#start} returns.
 *
 * <p>Events are either polled ({@link #next}, {@link #poll}) or, if the server was built with a
 * {@link ServerHandler}, delivered to it. Sends never block on the network: frames go through a
 * bounded queue per connection.
 *
 * <p>Thread-safe: every method may be called from any thread.
 *
 * @param <C> the connect message
 * @param <CM> client messages
 * @param <REQ> requests
 * @param <SM> server messages
 * @param <RESP> responses
 */
public final class Server<C, CM, REQ, SM, RESP> implements AutoCloseable {
  /** The host a server binds unless told otherwise: loopback only. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** The URL path a server serves unless told otherwise. */
  public static final String DEFAULT_PATH = "/ws";

  /** How long {@link #close} gives connections to flush and close. */
  public static final Duration DEFAULT_SHUTDOWN_DEADLINE = Duration.ofSeconds(5);

  private final ServerCore<C, CM, REQ, SM, RESP> core;

  private Server(ServerCore<C, CM, REQ, SM, RESP> core) {
    this.core = core;
  }

  /** A builder for a server of {@code spec}'s channel. */
  public static <C, CM, REQ, SM, RESP> Builder<C, CM, REQ, SM, RESP> builder(
      ChannelSpec<C, CM, REQ, SM, RESP> spec) {
    return new Builder<>(Objects.requireNonNull(spec, "spec == null"));
  }

  /** The URL clients connect to, {@code ws://host:port/path} ({@code wss://} with TLS). */
  public URI url() {
    return core.url();
  }

  /** The bound port. */
  public int port() {
    return core.url().getPort();
  }

  /**
   * The next event, or null if none is waiting; never blocks.
   *
   * @throws IllegalStateException if the server delivers events to a handler
   */
  public ServerEvent<C, CM, REQ> next() {
    return core.next();
  }

  /**
   * The next event, waiting up to {@code timeout}; null if none came.
   *
   * @throws IllegalStateException if the server delivers events to a handler
   */
  public ServerEvent<C, CM, REQ> poll(Duration timeout) throws InterruptedException {
    Objects.requireNonNull(timeout, "timeout == null");
    return core.poll(timeout);
  }

  /**
   * Queues {@code message} for {@code clientId}. Returns false, and drops the message, if the
   * client is not connected or the application has not yet consumed the Connected event of its
   * current connection (so a message meant for an earlier connection never reaches a later one).
   *
   * @throws IllegalArgumentException if the channel's codec cannot encode {@code message}
   */
  public boolean send(ClientId clientId, SM message) {
    Objects.requireNonNull(clientId, "clientId == null");
    Objects.requireNonNull(message, "message == null");
    return core.send(clientId, message);
  }

  /**
   * Answers {@code token}'s request with {@code response}; false if the request's connection has
   * ended and the response was dropped.
   *
   * @throws IllegalArgumentException if {@code response} is not the type the channel declares for
   *     the request, or the token is not from this server
   * @throws IllegalStateException if the request was already answered
   */
  public boolean respond(RequestToken token, RESP response) {
    Objects.requireNonNull(token, "token == null");
    Objects.requireNonNull(response, "response == null");
    PendingRequest<REQ, SM, RESP> pending = core.pendingRequest(token);
    if (!core.spec().answers(pending.request(), response)) {
      throw new IllegalArgumentException(
          response.getClass().getSimpleName()
              + " does not answer "
              + pending.request().getClass().getSimpleName());
    }
    return pending.answer(new ServerFrame.Response<>(token.requestId(), response));
  }

  /**
   * Acknowledges {@code token}'s request: no response follows. False if the request's connection
   * has ended.
   *
   * @throws IllegalStateException if the request was already answered
   */
  public boolean ack(RequestToken token) {
    Objects.requireNonNull(token, "token == null");
    return core.pendingRequest(token).answer(new ServerFrame.Ack<>(token.requestId()));
  }

  /**
   * Rejects {@code token}'s request. False if the request's connection has ended.
   *
   * @throws IllegalStateException if the request was already answered
   */
  public boolean reject(RequestToken token) {
    Objects.requireNonNull(token, "token == null");
    return core.pendingRequest(token).answer(new ServerFrame.Reject<>(token.requestId()));
  }

  /**
   * Closes {@code clientId}'s connection with code 1000 and {@code reason} (shortened to fit a
   * close frame) once the frames already queued for it are written, or after the keepalive
   * timeout at the latest. False if the client is not connected.
   */
  public boolean disconnect(ClientId clientId, String reason) {
    Objects.requireNonNull(clientId, "clientId == null");
    return core.disconnect(clientId, CloseReason.normal(reason));
  }

  /** Connected (authenticated) clients. */
  public int connectionCount() {
    return core.connectionCount();
  }

  /** Whether the server has shut down; events already queued can still be polled. */
  public boolean isDead() {
    return core.isDead();
  }

  /**
   * Shuts down gracefully: stops accepting connections, closes each one with 1001 "server shutting
   * down" after writing what is queued to it, then releases the port and every thread, all within
   * {@code deadline}. Every accepted client's Disconnected event is queued. Idempotent; a second
   * call waits for the first.
   *
   * @return whether the server is dead on return
   */
  public boolean shutdown(Duration deadline) throws InterruptedException {
    Objects.requireNonNull(deadline, "deadline == null");
    return core.shutdown(deadline);
  }

  /** {@link #shutdown} with {@link #DEFAULT_SHUTDOWN_DEADLINE}. */
  @Override
  public void close() {
    try {
      core.shutdown(DEFAULT_SHUTDOWN_DEADLINE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "Server[" + core.spec() + " at " + core.url() + "]";
  }

  /** Configures and starts a {@link Server}; not thread-safe. */
  public static final class Builder<C, CM, REQ, SM, RESP> {
    private final ChannelSpec<C, CM, REQ, SM, RESP> spec;
    private String host = DEFAULT_HOST;
    private int port;
    private String path = DEFAULT_PATH;
    private ServerConfig config = ServerConfig.DEFAULT;
    private Authenticator authenticator;
    private ServerTls tls;
    private ServerHandler<C, CM, REQ> handler;
    private Executor executor;

    private Builder(ChannelSpec<C, CM, REQ, SM, RESP> spec) {
      this.spec = spec;
    }

    /** The address to bind, a host name or IP literal; only that address is bound. */
    public Builder<C, CM, REQ, SM, RESP> host(String host) {
      this.host = Objects.requireNonNull(host, "host == null");
      return this;
    }

    /** The port to bind; 0 (the default) picks a free one, see {@link Server#port}. */
    public Builder<C, CM, REQ, SM, RESP> port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port not in [0, 65535]: " + port);
      }
      this.port = port;
      return this;
    }

    /** The URL path to serve, {@link #DEFAULT_PATH} by default. */
    public Builder<C, CM, REQ, SM, RESP> path(String path) {
      Objects.requireNonNull(path, "path == null");
      if (!path.startsWith("/") || path.contains("?") || path.contains("#")) {
        throw new IllegalArgumentException("path must start with '/' and hold no query: " + path);
      }
      this.path = path;
      return this;
    }

    /** Limits, timeouts and queue bounds; {@link ServerConfig#DEFAULT} if unset. */
    public Builder<C, CM, REQ, SM, RESP> config(ServerConfig config) {
      this.config = Objects.requireNonNull(config, "config == null");
      return this;
    }

    /** Who may connect; required (use {@link Authenticator.None} to accept anyone). */
    public Builder<C, CM, REQ, SM, RESP> authenticator(Authenticator authenticator) {
      this.authenticator = Objects.requireNonNull(authenticator, "authenticator == null");
      return this;
    }

    /** Serve {@code wss://} with this identity. */
    public Builder<C, CM, REQ, SM, RESP> tls(ServerTls tls) {
      this.tls = Objects.requireNonNull(tls, "tls == null");
      return this;
    }

    /**
     * Deliver events to {@code handler}, one at a time and in order, on {@code executor}, instead
     * of being polled.
     */
    public Builder<C, CM, REQ, SM, RESP> handler(
        ServerHandler<C, CM, REQ> handler, Executor executor) {
      this.handler = Objects.requireNonNull(handler, "handler == null");
      this.executor = Objects.requireNonNull(executor, "executor == null");
      return this;
    }

    /**
     * Binds the address and starts serving.
     *
     * @throws IllegalStateException if no authenticator was set
     * @throws java.io.UncheckedIOException if the address cannot be bound
     */
    public Server<C, CM, REQ, SM, RESP> start() {
      if (authenticator == null) {
        throw new IllegalStateException(
            "authenticator not set: use new Authenticator.None() to accept any client");
      }
      return new Server<>(
          new ServerCore<>(
              spec,
              config,
              authenticator,
              handler,
              executor,
              host,
              port,
              path,
              tls != null ? tls.sslContext() : null));
    }
  }
}

package io.simplenet.bench.tyrus;

import io.simplenet.bench.Deadline;
import io.simplenet.internal.TransportLogging;
import io.simplenet.internal.server.ServerWorkerPool;
import io.simplenet.internal.TyrusSessions;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.nio.transport.TCPNIOTransport;
import org.glassfish.grizzly.nio.transport.TCPNIOTransportBuilder;
import org.glassfish.grizzly.strategies.LeaderFollowerNIOStrategy;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.TyrusServerContainer;
import org.glassfish.tyrus.spi.WebSocketEngine;

/**
 * A hand-written Tyrus server with one programmatic endpoint, set up as simplenet's server sets up
 * its transport (see the runtime's {@code GrizzlyTransport}): a Grizzly listener bound to 127.0.0.1
 * only, default selector and worker pools, the leader-follower I/O strategy, no keep-alive timeout,
 * and Tyrus's default incoming buffer (which is what simplenet's default message size gives). It
 * leaves out what simplenet adds on top: idle and handshake filters, auth, limits, queues.
 *
 * <p>Started and closed by one thread; the session counts may be read from any thread. {@code
 * onFrame} runs on the Grizzly thread that read the frame, one frame of a session at a time.
 */
public final class RawTyrusServer implements AutoCloseable {
  /** Tyrus's default incoming buffer, 4 MiB + 11; simplenet's server uses it with its defaults. */
  static final int INCOMING_BUFFER_SIZE = 4 * 1024 * 1024 + 11;

  private static final String HOST = "127.0.0.1";
  private static final String PATH = "/raw";

  /** How long closing waits for the server's threads. */
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private final HttpServer http;
  private final NetworkListener listener;
  private final Container container;
  private final FrameEndpoint endpoint;

  private RawTyrusServer(
      HttpServer http, NetworkListener listener, Container container, FrameEndpoint endpoint) {
    this.http = http;
    this.listener = listener;
    this.container = container;
    this.endpoint = endpoint;
  }

  /** Starts a server on a free port that passes each binary frame to {@code onFrame}. */
  public static RawTyrusServer start(BiConsumer<Session, ByteBuffer> onFrame)
      throws IOException, DeploymentException {
    TransportLogging.install(); // as simplenet does: the same JUL levels on the same paths
    FrameEndpoint endpoint = new FrameEndpoint(onFrame);
    ServerEndpointConfig config =
        ServerEndpointConfig.Builder.create(FrameEndpoint.class, PATH)
            .configurator(
                new ServerEndpointConfig.Configurator() {
                  @Override
                  public <T> T getEndpointInstance(Class<T> endpointClass) {
                    return endpointClass.cast(endpoint);
                  }
                })
            .build();
    Container container = new Container();
    container.register(config);
    NetworkListener listener = new NetworkListener("raw-tyrus", HOST, 0);
    TCPNIOTransport transport =
        TCPNIOTransportBuilder.newInstance()
            .setSelectorThreadPoolConfig(
                ThreadPoolConfig.defaultConfig().setPoolName("bench-tyrus-server-selector"))
            // simplenet's worker pool and I/O strategy: the same container and settings as its server.
            .setWorkerThreadPoolConfig(ServerWorkerPool.config("bench-tyrus-server-worker"))
            .setIOStrategy(LeaderFollowerNIOStrategy.getInstance())
            .build();
    listener.setTransport(transport);
    listener.getKeepAlive().setIdleTimeoutInSeconds(-1);
    listener.registerAddOn(new WebSocketAddOn(container, ""));
    HttpServer http = new HttpServer();
    http.addListener(listener);
    http.start();
    return new RawTyrusServer(http, listener, container, endpoint);
  }

  /** The URL a client connects to. */
  public URI uri() {
    return URI.create("ws://" + HOST + ":" + listener.getPort() + PATH);
  }

  /** The server side of the first connection, waiting for it until {@code deadline}. */
  Session awaitSession(Deadline deadline) throws Exception {
    return endpoint.firstSession.get(
        deadline.remainingNanos("the server session"), TimeUnit.NANOSECONDS);
  }

  /** Sessions opened and not closed yet. */
  public int openSessions() {
    return endpoint.open();
  }

  /** Waits until {@code count} sessions have been opened; false if {@code timeout} passed first. */
  public boolean awaitOpened(int count, Duration timeout) throws InterruptedException {
    return endpoint.await(count, true, timeout);
  }

  /** Waits until no session is open; false if {@code timeout} passed first. */
  public boolean awaitAllClosed(Duration timeout) throws InterruptedException {
    return endpoint.await(0, false, timeout);
  }

  /** Closes every connection and waits for the server's threads to end. */
  @Override
  public void close() throws InterruptedException {
    TCPNIOTransport transport = listener.getTransport();
    ExecutorService workers = transport.getWorkerThreadPool();
    ExecutorService selectors = transport.getKernelThreadPool();
    http.shutdownNow();
    container.stop(); // its sessions' timer pool (up to 10 threads) lives on otherwise
    for (ExecutorService pool : new ExecutorService[] {workers, selectors}) {
      if (pool != null) {
        pool.awaitTermination(STOP_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
      }
    }
  }

  /**
   * The one endpoint instance of every session: hands every binary frame to the server's {@code
   * onFrame}, and counts sessions opened and closed.
   */
  public static final class FrameEndpoint extends Endpoint {
    private final BiConsumer<Session, ByteBuffer> onFrame;
    private final CompletableFuture<Session> firstSession = new CompletableFuture<>();
    private int opened;
    private int closed;

    FrameEndpoint(BiConsumer<Session, ByteBuffer> onFrame) {
      this.onFrame = onFrame;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
      TyrusSessions.disableIdleTimeout(session); // the same session setting as simplenet's
      session.addMessageHandler(
          ByteBuffer.class,
          (MessageHandler.Whole<ByteBuffer>) frame -> onFrame.accept(session, frame));
      firstSession.complete(session);
      synchronized (this) {
        opened++;
        notifyAll();
      }
    }

    @Override
    public synchronized void onClose(Session session, CloseReason reason) {
      closed++;
      notifyAll();
    }

    synchronized int open() {
      return opened - closed;
    }

    /** Waits until {@code count} sessions were opened (or, with !opening, are open at most). */
    synchronized boolean await(int count, boolean opening, Duration timeout)
        throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (opening ? opened < count : opened - closed > count) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(this, remaining);
      }
      return true;
    }
  }

  /** Just an engine with the incoming buffer size: Tyrus's Grizzly container binds 0.0.0.0. */
  private static final class Container extends TyrusServerContainer {
    private final TyrusWebSocketEngine engine =
        TyrusWebSocketEngine.builder(this).incomingBufferSize(INCOMING_BUFFER_SIZE).build();

    Container() {
      super((Set<Class<?>>) null);
    }

    @Override
    public void register(Class<?> endpointClass) {
      throw new UnsupportedOperationException("only programmatic endpoints are registered");
    }

    @Override
    public void register(ServerEndpointConfig config) throws DeploymentException {
      engine.register(config, "");
    }

    @Override
    public Map<String, Object> getProperties() {
      return Map.of();
    }

    @Override
    public WebSocketEngine getWebSocketEngine() {
      return engine;
    }
  }
}

package io.simplenet.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 between clients and one server that injects network faults: cut every
 * connection (with a reset or with a FIN), stall them (bytes stop, nothing closes: a half-open link
 * as both ends see it), delay every chunk, or drop a connection in the middle of the next chunk a
 * client sends (part of a WebSocket frame). Each proxied connection is a pair of pumps, one per
 * direction, each forwarding what one {@code read} returns as one chunk.
 *
 * <p>Thread-safe. Threads are daemons from a bounded pool that {@link #close()} shuts down, with
 * every socket.
 */
public final class FaultProxy implements AutoCloseable {
  /** How a cut ends the two sockets of each connection. */
  public enum Cut {
    /** Abortive close (SO_LINGER 0): both ends get a TCP reset. */
    RESET,
    /** Orderly close: both ends get a FIN; whatever they send afterwards is discarded. */
    FIN
  }

  /** Proxied connections at most; more are refused by closing them at once. */
  public static final int MAX_CONNECTIONS = 256;

  private static final int CHUNK_BYTES = 16 * 1024;
  private static final Duration CLOSE_DEADLINE = Duration.ofSeconds(10);

  private final InetSocketAddress target;
  private final ServerSocket listener;
  private final ThreadPoolExecutor threads;
  private final Set<Link> links = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean dropArmed = new AtomicBoolean();
  private final AtomicInteger accepted = new AtomicInteger();
  private volatile Duration delay = Duration.ZERO;
  private volatile boolean closed;

  private FaultProxy(InetSocketAddress target) throws IOException {
    this.target = target;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    AtomicInteger count = new AtomicInteger();
    // Two pumps per connection and the acceptor; a SynchronousQueue so the pool never queues work.
    this.threads =
        new ThreadPoolExecutor(
            0,
            2 * MAX_CONNECTIONS + 1,
            1,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            runnable -> {
              Thread thread = new Thread(runnable, "fault-proxy-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    threads.execute(this::acceptLoop);
  }

  /** A proxy forwarding to {@code host:port}, listening on a free port of 127.0.0.1. */
  public static FaultProxy start(String host, int port) {
    try {
      return new FaultProxy(new InetSocketAddress(host, port));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a proxy to " + host + ":" + port, e);
    }
  }

  /** A proxy in front of the server at {@code url} ({@code ws://host:port/path}). */
  public static FaultProxy inFrontOf(URI url) {
    return start(url.getHost(), url.getPort());
  }

  /** The port clients connect to. */
  public int port() {
    return listener.getLocalPort();
  }

  /** {@code url} (a server's) with its host and port replaced by the proxy's. */
  public URI url(URI url) {
    return URI.create(url.getScheme() + "://127.0.0.1:" + port() + url.getRawPath());
  }

  /** Proxied connections whose sockets are not both closed yet. */
  public int connectionCount() {
    return links.size();
  }

  /** Connections accepted so far, including those refused because the server was down. */
  public int acceptedCount() {
    return accepted.get();
  }

  /** Ends every current connection, both sides, as {@code how} says. */
  public void cutAll(Cut how) {
    Objects.requireNonNull(how, "how == null");
    for (Link link : List.copyOf(links)) {
      link.cut(how);
    }
  }

  /**
   * Stops forwarding on every current connection, in both directions, without closing anything:
   * each end sees a silent but open link. A stalled connection ends once both its ends have closed,
   * without telling either; later connections flow normally.
   */
  public void stallAll() {
    for (Link link : List.copyOf(links)) {
      link.setStalled(true);
    }
  }

  /** Forwards again on every stalled connection, including what was held back. */
  public void resume() {
    for (Link link : List.copyOf(links)) {
      link.setStalled(false);
    }
  }

  /** Holds every chunk, in both directions and on every connection, this long before forwarding. */
  public void delay(Duration delay) {
    Objects.requireNonNull(delay, "delay == null");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay < 0: " + delay);
    }
    this.delay = delay;
  }

  /**
   * Arms a one-shot fault: the next chunk any client sends towards the server is forwarded only in
   * part (its first half; nothing of a one-byte chunk), then that connection is closed on both sides.
   */
  public void dropMidFrame() {
    dropArmed.set(true);
  }

  /** Closes the listener and every connection, and waits for every thread to end. */
  @Override
  public void close() {
    closed = true;
    closeQuietly(listener);
    for (Link link : List.copyOf(links)) {
      link.cut(Cut.RESET);
    }
    threads.shutdown();
    try {
      if (!threads.awaitTermination(CLOSE_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("proxy threads still running after " + CLOSE_DEADLINE);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return; // the listener was closed
      }
      accepted.incrementAndGet();
      Socket server = new Socket();
      try {
        server.connect(target, (int) CLOSE_DEADLINE.toMillis());
      } catch (IOException e) {
        // The server is down: the client sees its connection refused as a reset.
        abort(client);
        closeQuietly(server);
        continue;
      }
      Link link = new Link(client, server);
      if (closed || links.size() >= MAX_CONNECTIONS) {
        link.cut(Cut.RESET);
        continue;
      }
      links.add(link);
      try {
        link.start();
      } catch (RejectedExecutionException e) { // closed meanwhile
        link.cut(Cut.RESET);
      }
    }
  }

  /** One proxied connection: the client's socket and the proxy's socket to the server. */
  private final class Link {
    private final Socket client;
    private final Socket server;
    private final Direction up;
    private final Direction down;
    private boolean stalled; // guarded by this
    private boolean cut; // guarded by this

    Link(Socket client, Socket server) {
      this.client = client;
      this.server = server;
      this.up = new Direction(client, server, true);
      this.down = new Direction(server, client, false);
    }

    void start() {
      threads.execute(() -> pump(up));
      threads.execute(() -> pump(down));
    }

    /** Forwards chunks in {@code direction} until its source ends or the link is cut. */
    private void pump(Direction direction) {
      byte[] buffer = new byte[CHUNK_BYTES];
      try {
        InputStream in = direction.from.getInputStream();
        while (true) {
          int n = in.read(buffer);
          if (n < 0) {
            break;
          }
          Duration pause = delay;
          if (!pause.isZero()) {
            pauseFor(pause);
          }
          if (!forwardable(direction, buffer, n)) {
            continue; // held while stalled, or discarded after a cut
          }
          if (direction.towardsServer && dropArmed.compareAndSet(true, false)) {
            direction.to.getOutputStream().write(buffer, 0, n / 2);
            cut(Cut.FIN);
            continue;
          }
          direction.to.getOutputStream().write(buffer, 0, n);
        }
      } catch (IOException e) {
        cut(Cut.RESET); // a reset, or a write its peer refused: pass it on as a reset
      }
      sourceEnded(direction);
    }

    /** Whether to forward a chunk now; holds it if stalled. */
    private synchronized boolean forwardable(Direction direction, byte[] buffer, int n) {
      if (cut) {
        return false;
      }
      if (stalled) {
        direction.held.write(buffer, 0, n);
        return false;
      }
      return true;
    }

    private synchronized void pauseFor(Duration pause) {
      long end = System.nanoTime() + pause.toNanos();
      for (long left = pause.toNanos(); left > 0 && !cut; left = end - System.nanoTime()) {
        try {
          TimeUnit.NANOSECONDS.timedWait(this, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }

    /** The source of {@code direction} sent its FIN (or failed): pass it on unless stalled. */
    private synchronized void sourceEnded(Direction direction) {
      direction.ended = true;
      if (!stalled && !cut) {
        finish(direction.to);
      }
      closeIfBothEnded();
    }

    synchronized void setStalled(boolean stalled) {
      if (this.stalled && !stalled && !cut) {
        for (Direction direction : List.of(up, down)) {
          try {
            direction.held.writeTo(direction.to.getOutputStream());
          } catch (IOException e) {
            cutLocked(Cut.RESET);
            return;
          }
          direction.held.reset();
          if (direction.ended) {
            finish(direction.to);
          }
        }
      }
      this.stalled = stalled;
    }

    synchronized void cut(Cut how) {
      cutLocked(how);
    }

    private void cutLocked(Cut how) {
      if (!cut) {
        cut = true;
        notifyAll(); // ends a delay pause
      }
      if (how == Cut.RESET) {
        abort(client);
        abort(server);
        links.remove(this);
      } else {
        finish(client);
        finish(server);
        closeIfBothEnded();
      }
    }

    /** Once neither end sends any more, nothing is left to forward or to hold. */
    private void closeIfBothEnded() {
      if (up.ended && down.ended) {
        closeQuietly(client);
        closeQuietly(server);
        links.remove(this);
      }
    }
  }

  /** One direction of a link. */
  private static final class Direction {
    final Socket from;
    final Socket to;
    final boolean towardsServer;
    final ByteArrayOutputStream held = new ByteArrayOutputStream(); // guarded by the link
    boolean ended; // guarded by the link

    Direction(Socket from, Socket to, boolean towardsServer) {
      this.from = from;
      this.to = to;
      this.towardsServer = towardsServer;
    }
  }

  /** Closes {@code socket} with a reset. */
  private static void abort(Socket socket) {
    try {
      socket.setSoLinger(true, 0);
    } catch (SocketException e) {
      // already closed
    }
    closeQuietly(socket);
  }

  /** Sends a FIN on {@code socket}, keeping it open to read (and discard) what the peer still sends. */
  private static void finish(Socket socket) {
    try {
      socket.shutdownOutput();
    } catch (IOException e) {
      // already closed
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // nothing to do: the proxy only needs it gone
    }
  }
}

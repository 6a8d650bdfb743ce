package io.simplenet.internal;

import java.lang.reflect.Field;
import org.glassfish.grizzly.IOStrategy;
import org.glassfish.grizzly.nio.transport.TCPNIOTransport;
import org.glassfish.grizzly.strategies.SameThreadIOStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The I/O strategy of the Grizzly transport that Tyrus's Grizzly client container shares among all
 * the process's clients ({@code ClientProperties.SHARED_CONTAINER}).
 *
 * <p>Tyrus builds that transport with Grizzly's default, the worker-thread strategy: every frame
 * read hops from the selector thread to a worker thread before a client sees it, a thread wake-up
 * on every round trip. A client's receive path (decode a frame, queue an event) never blocks, so
 * frames can be handled on the selector thread that read them. Tyrus offers no setting for the
 * strategy and creates the transport lazily (again after it idled out), so each session switches
 * it when it opens, before its first frame: cheap when already switched. Thread-safe.
 *
 * <p>Every Tyrus Grizzly client of the process with a shared container gets the same strategy:
 * such a client must not block in its message handlers (a blocking send from one could wait for
 * the selector it blocks).
 */
public final class SharedClientTransport {
  private static final Logger log = LoggerFactory.getLogger(SharedClientTransport.class);

  private static final IOStrategy STRATEGY = SameThreadIOStrategy.getInstance();

  /** Tyrus 2.2.2's {@code GrizzlyClientSocket.transport}; null if this Tyrus has no such field. */
  private static final Field TRANSPORT = sharedTransportField();

  private SharedClientTransport() {}

  /**
   * Makes the shared transport handle reads on its selector threads. Call it from a client
   * session's {@code onOpen}, where the transport exists; does nothing if Tyrus's internals are not
   * the expected ones (frames then take the worker hop, as before).
   */
  public static void useSameThreadIo() {
    TCPNIOTransport transport = sharedTransport();
    if (transport != null && transport.getIOStrategy() != STRATEGY) {
      transport.setIOStrategy(STRATEGY);
    }
  }

  /** The shared transport; null if there is none now or it cannot be read. */
  static TCPNIOTransport sharedTransport() {
    if (TRANSPORT == null) {
      return null;
    }
    try {
      return (TCPNIOTransport) TRANSPORT.get(null);
    } catch (IllegalAccessException | ClassCastException e) {
      log.debug("cannot read the shared Grizzly client transport", e);
      return null;
    }
  }

  private static Field sharedTransportField() {
    try {
      Field field =
          Class.forName("org.glassfish.tyrus.container.grizzly.client.GrizzlyClientSocket")
              .getDeclaredField("transport");
      field.setAccessible(true);
      return field;
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.warn("Tyrus's shared Grizzly client transport not found: reads keep the worker hop", e);
      return null;
    }
  }
}

package io.simplenet.bench.tyrus;

import io.simplenet.bench.Deadline;
import io.simplenet.internal.SharedClientTransport;
import io.simplenet.internal.TransportLogging;
import io.simplenet.internal.TyrusSessions;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.client.ThreadPoolConfig;
import org.glassfish.tyrus.container.grizzly.client.GrizzlyClientContainer;

/**
 * A hand-written Tyrus client, set up as simplenet's client sets up Tyrus (see the runtime's {@code
 * TyrusClient}): pinned to the Grizzly client container, shared transport with reads handled on its
 * selector threads ({@code SharedClientTransport}), worker pool capped at {@code max(4, 2 × cores)},
 * Tyrus's default incoming buffer.
 *
 * <p>Thread-safe as Tyrus sessions are. {@code onFrame} runs on Grizzly selector threads, one frame
 * at a time.
 */
final class RawTyrusClient implements AutoCloseable {
  /** As the runtime's client: enough Grizzly workers for every core, never fewer than 4. */
  private static final int WORKER_THREADS =
      Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

  private final ClientManager manager;
  private final Session session;

  private RawTyrusClient(ClientManager manager, Session session) {
    this.manager = manager;
    this.session = session;
  }

  /** Connects to {@code uri}, handing each binary frame the server sends to {@code onFrame}. */
  static RawTyrusClient connect(URI uri, Consumer<ByteBuffer> onFrame, Deadline deadline)
      throws Exception {
    TransportLogging.install(); // as simplenet does: the same JUL levels on the same paths
    ClientManager manager = ClientManager.createClient(GrizzlyClientContainer.class.getName());
    manager.getProperties().put(ClientProperties.SHARED_CONTAINER, true);
    manager
        .getProperties()
        .put(
            ClientProperties.WORKER_THREAD_POOL_CONFIG,
            ThreadPoolConfig.defaultConfig()
                .setPoolName("bench-tyrus-client-worker")
                .setCorePoolSize(WORKER_THREADS)
                .setMaxPoolSize(WORKER_THREADS)
                .setDaemon(true));
    manager
        .getProperties()
        .put(ClientProperties.INCOMING_BUFFER_SIZE, RawTyrusServer.INCOMING_BUFFER_SIZE);
    manager
        .getProperties()
        .put(
            ClientProperties.HANDSHAKE_TIMEOUT,
            (int) Math.min(Integer.MAX_VALUE, deadline.remaining("connect").toMillis()));
    Endpoint endpoint =
        new Endpoint() {
          @Override
          public void onOpen(Session session, EndpointConfig config) {
            TyrusSessions.disableIdleTimeout(session); // the same session setting as simplenet's
            SharedClientTransport.useSameThreadIo(); // the same transport setting as simplenet's
            session.addMessageHandler(
                ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) onFrame::accept);
          }
        };
    try {
      Session session =
          manager.connectToServer(endpoint, ClientEndpointConfig.Builder.create().build(), uri);
      return new RawTyrusClient(manager, session);
    } catch (Exception e) {
      manager.shutdown();
      throw e;
    }
  }

  /** The client's session, to send with. */
  Session session() {
    return session;
  }

  /** Closes the session and the client manager's own threads. */
  @Override
  public void close() throws Exception {
    try {
      session.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "done"));
    } finally {
      manager.shutdown();
    }
  }
}

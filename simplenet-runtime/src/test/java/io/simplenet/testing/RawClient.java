package io.simplenet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.simplenet.ClientId;
import io.simplenet.CloseReason;
import io.simplenet.Encoding;
import io.simplenet.auth.AuthRequest;
import io.simplenet.internal.wire.ClientFrame;
import io.simplenet.internal.wire.ConnectQuery;
import io.simplenet.internal.wire.FrameCodec;
import io.simplenet.internal.wire.ServerFrame;
import io.simplenet.internal.wire.WireMessage;
import io.simplenet.testing.TestMessages.TestClientMsg;
import io.simplenet.testing.TestMessages.TestConnect;
import io.simplenet.testing.TestMessages.TestRequest;
import io.simplenet.testing.TestMessages.TestResponse;
import io.simplenet.testing.TestMessages.TestServerMsg;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.client.SslEngineConfigurator;
import org.glassfish.tyrus.container.grizzly.client.GrizzlyClientContainer;

/**
 * A bare protocol peer for server tests: a Tyrus client (Grizzly container pinned) that sends and
 * receives raw WebSocket messages and {@link TestChannel} frames, with nothing of the real client's
 * logic. Every wait has a deadline.
 */
public final class RawClient implements AutoCloseable {
  /** How long a test waits for something that should happen. */
  public static final Duration WAIT = Duration.ofSeconds(10);

  /** How long a test waits to be reasonably sure something does not happen. */
  public static final Duration QUIET = Duration.ofMillis(300);

  private static final FrameCodec<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse>
      CODEC = new FrameCodec<>(TestChannel.SPEC);

  private final Encoding encoding;
  private final BlockingQueue<WireMessage> received = new LinkedBlockingQueue<>();
  /** The frames of a batch message not yet returned; read by the test thread only. */
  private final Deque<ServerFrame<TestServerMsg, TestResponse>> unbatched = new ArrayDeque<>();
  private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
  private final ClientManager manager;
  private final Session session;

  private RawClient(Encoding encoding, ClientManager manager, URI uri)
      throws DeploymentException, IOException {
    this.encoding = encoding;
    this.manager = manager;
    Endpoint endpoint =
        new Endpoint() {
          @Override
          public void onOpen(Session session, EndpointConfig config) {
            session.addMessageHandler(
                byte[].class,
                (MessageHandler.Whole<byte[]>) bytes -> received.add(new WireMessage.Binary(bytes)));
            session.addMessageHandler(
                String.class,
                (MessageHandler.Whole<String>) text -> received.add(new WireMessage.Text(text)));
          }

          @Override
          public void onClose(Session session, jakarta.websocket.CloseReason reason) {
            closed.complete(new CloseReason(reason.getCloseCode().getCode(), reason.getReasonPhrase()));
          }
        };
    this.session = manager.connectToServer(endpoint, ClientEndpointConfig.Builder.create().build(), uri);
  }

  /** Connects to {@code url} with the test channel's version and {@code encoding}. */
  public static RawClient connect(URI url, Encoding encoding) {
    return connectTo(ConnectQuery.connectUri(url, TestChannel.VERSION, encoding), encoding);
  }

  /** Connects to exactly {@code uri}; frames are encoded as {@code encoding}. */
  public static RawClient connectTo(URI uri, Encoding encoding) {
    return open(encoding, null, uri);
  }

  /** Connects over TLS, trusting what {@code trust} trusts. */
  public static RawClient connectTls(URI url, Encoding encoding, SSLContext trust) {
    return open(encoding, trust, ConnectQuery.connectUri(url, TestChannel.VERSION, encoding));
  }

  /** Connects and sends a hello with {@code id} and no credentials. */
  public static RawClient connectAs(URI url, Encoding encoding, ClientId id, String connect) {
    RawClient client = connect(url, encoding);
    client.send(new ClientFrame.Hello<>(new AuthRequest.None(id), new TestConnect(connect)));
    return client;
  }

  private static RawClient open(Encoding encoding, SSLContext trust, URI uri) {
    ClientManager manager = manager(trust);
    try {
      return new RawClient(encoding, manager, uri);
    } catch (DeploymentException | IOException e) {
      manager.shutdown();
      throw new AssertionError("cannot connect to " + uri, e);
    }
  }

  /**
   * A client manager of its own: a shared one (or Tyrus's shared container) can shut its executors
   * down when its last session closes and then fail the next session's sends with
   * RejectedExecutionException.
   */
  private static ClientManager manager(SSLContext trust) {
    ClientManager manager = ClientManager.createClient(GrizzlyClientContainer.class.getName());
    if (trust != null) {
      SslEngineConfigurator ssl = new SslEngineConfigurator(trust, true, false, false);
      ssl.setHostVerificationEnabled(false);
      manager.getProperties().put(ClientProperties.SSL_ENGINE_CONFIGURATOR, ssl);
    }
    return manager;
  }

  public void send(ClientFrame<TestConnect, TestClientMsg, TestRequest> frame) {
    sendRaw(CODEC.encodeClientFrame(frame, encoding));
  }

  /**
   * Sends a raw message: binary or text, whatever the session's encoding. A send that fails because
   * the server is closing the session is ignored (tests check the close itself); any other failure
   * is an assertion error.
   */
  public void sendRaw(WireMessage message) {
    try {
      if (message instanceof WireMessage.Binary binary) {
        session.getBasicRemote().sendBinary(ByteBuffer.wrap(binary.bytes()));
      } else {
        session.getBasicRemote().sendText(((WireMessage.Text) message).text());
      }
    } catch (IOException | RuntimeException e) {
      requireClosing("send", e);
    }
  }

  public void sendMessage(long value) {
    send(new ClientFrame.Message<>(new TestClientMsg(value)));
  }

  public void sendRequest(long id, long value) {
    send(new ClientFrame.Request<>(id, new TestRequest(value)));
  }

  /** The next frame from the server, within {@link #WAIT}; a batch's frames come one by one. */
  public ServerFrame<TestServerMsg, TestResponse> nextFrame() {
    ServerFrame<TestServerMsg, TestResponse> frame = pollFrame(WAIT);
    assertNotNull(frame, "no frame from the server within " + WAIT);
    return frame;
  }

  /** The next frame from the server, or null after {@code timeout}; unpacks batches. */
  public ServerFrame<TestServerMsg, TestResponse> pollFrame(Duration timeout) {
    if (unbatched.isEmpty()) {
      WireMessage message = poll(timeout);
      if (message == null) {
        return null;
      }
      ServerFrame<TestServerMsg, TestResponse> frame = CODEC.decodeServerFrame(message);
      if (!(frame instanceof ServerFrame.Batch<TestServerMsg, TestResponse> batch)) {
        return frame;
      }
      unbatched.addAll(batch.frames());
    }
    return unbatched.poll();
  }

  /** The next raw message, or null after {@code timeout}. */
  public WireMessage poll(Duration timeout) {
    try {
      return received.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Asserts that nothing arrives for {@link #QUIET}. */
  public void assertNoFrame() {
    assertNull(unbatched.peek(), "unexpected frame");
    assertNull(poll(QUIET), "unexpected frame");
  }

  /** Waits for the Accepted frame and checks its id. */
  public void awaitAccepted(ClientId id) {
    ServerFrame<TestServerMsg, TestResponse> frame = nextFrame();
    assertEquals(
        id,
        frame instanceof ServerFrame.Accepted<TestServerMsg, TestResponse> accepted ? accepted.clientId() : frame);
  }

  /** The server's close, within {@link #WAIT}. */
  public CloseReason awaitClose() {
    try {
      return closed.get(WAIT.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError("not closed within " + WAIT, e);
    }
  }

  public boolean isClosed() {
    return closed.isDone();
  }

  @Override
  public void close() {
    try {
      if (!closed.isDone()) {
        session.close();
      }
    } catch (IOException | RuntimeException e) {
      requireClosing("close", e);
    } finally {
      manager.shutdown();
    }
  }

  /**
   * Accepts the failure of an operation on the session if the server is closing it. The session
   * state cannot tell: Tyrus shuts a connection's transport down (failing writes with
   * RejectedExecutionException, IOException or IllegalStateException) before it reports the close
   * to the endpoint, and isOpen() stays true until onClose has returned. So wait for onClose.
   */
  private void requireClosing(String operation, Exception failure) {
    try {
      closed.get(WAIT.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError(operation + " failed on a session that did not close", failure);
    }
  }
}

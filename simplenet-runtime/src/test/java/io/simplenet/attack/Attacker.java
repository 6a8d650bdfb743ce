package io.simplenet.attack;

import static io.simplenet.testing.WebSocketFrames.OP_BINARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.CloseReason;
import io.simplenet.Encoding;
import io.simplenet.auth.AuthRequest;
import io.simplenet.internal.wire.ClientFrame;
import io.simplenet.internal.wire.ConnectQuery;
import io.simplenet.internal.wire.FrameCodec;
import io.simplenet.internal.wire.WireMessage;
import io.simplenet.testing.RawSocket;
import io.simplenet.testing.TestChannel;
import io.simplenet.testing.TestMessages.TestClientMsg;
import io.simplenet.testing.TestMessages.TestConnect;
import io.simplenet.testing.TestMessages.TestRequest;
import io.simplenet.testing.TestMessages.TestResponse;
import io.simplenet.testing.TestMessages.TestServerMsg;
import io.simplenet.testing.WebSocketFrames.Frame;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * An attacker on a plain {@link java.net.Socket} (through {@link RawSocket}): it upgrades by hand,
 * writes whatever frames it likes and reads the server's close frame. Every read has a deadline.
 */
final class Attacker implements AutoCloseable {
  /** How long the server may take to refuse an attacker. */
  static final Duration REFUSAL_DEADLINE = Duration.ofSeconds(5);

  private static final FrameCodec<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse>
      CODEC = new FrameCodec<>(TestChannel.SPEC);

  private final URI url;
  private final RawSocket socket;

  private Attacker(URI url, RawSocket socket) {
    this.url = url;
    this.socket = socket;
  }

  /** A TCP connection to the server, not yet upgraded. */
  static Attacker connect(URI url) throws IOException {
    return new Attacker(url, RawSocket.connect(url));
  }

  /** A connection upgraded with the test channel's version and the binary encoding. */
  static Attacker upgraded(URI url) throws IOException {
    return upgraded(url, Encoding.BINARY);
  }

  /** A connection upgraded with the test channel's version and {@code encoding}. */
  static Attacker upgraded(URI url, Encoding encoding) throws IOException {
    Attacker attacker = connect(url);
    String status =
        attacker.socket.upgrade(
            url, url.getPath() + "?" + ConnectQuery.format(TestChannel.VERSION, encoding));
    assertTrue(status.contains(" 101 "), "upgrade refused: " + status);
    return attacker;
  }

  RawSocket socket() {
    return socket;
  }

  URI url() {
    return url;
  }

  /** Sends a binary hello carrying {@code auth}. */
  void hello(AuthRequest auth) throws IOException {
    WireMessage hello =
        CODEC.encodeClientFrame(new ClientFrame.Hello<>(auth, new TestConnect("")), Encoding.BINARY);
    socket.sendFrame(OP_BINARY, ((WireMessage.Binary) hello).bytes());
  }

  /** Asserts that the next close frame, within {@link #REFUSAL_DEADLINE}, is {@code expected}. */
  void assertClosedWith(CloseReason expected) throws IOException {
    Frame close = socket.readUntilClose(REFUSAL_DEADLINE);
    assertNotNull(close, "the server dropped the socket instead of closing with " + expected);
    assertEquals(expected, new CloseReason(close.closeCode(), close.closeReason()));
  }

  /** Asserts that the server drops the TCP connection within {@code deadline}. */
  void assertDroppedWithin(Duration deadline) throws IOException {
    assertTrue(socket.isClosedByPeerWithin(deadline), "still open after " + deadline);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}

package io.simplenet.testing;

import static io.simplenet.testing.WebSocketFrames.OP_BINARY;
import static io.simplenet.testing.WebSocketFrames.OP_CLOSE;

import io.simplenet.ClientId;
import io.simplenet.Encoding;
import io.simplenet.auth.AuthRequest;
import io.simplenet.internal.wire.ClientFrame;
import io.simplenet.internal.wire.ConnectQuery;
import io.simplenet.internal.wire.FrameCodec;
import io.simplenet.internal.wire.WireMessage;
import io.simplenet.testing.TestMessages.TestConnect;
import io.simplenet.testing.WebSocketFrames.Frame;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Random;

/**
 * A WebSocket peer written on a plain socket, for what a well-behaved client library will not do:
 * garbage bytes, silence after the upgrade, ignoring close frames. Reads have deadlines.
 */
public final class RawSocket implements AutoCloseable {
  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private final Random masks = new Random(42);

  private RawSocket(Socket socket) throws IOException {
    this.socket = socket;
    // Buffered: frames and the upgrade are read a byte at a time, and a peer draining a
    // slow-consumer backlog (megabytes on loopback) must not pay a system call per byte.
    this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
    this.out = socket.getOutputStream();
  }

  /** A TCP connection to {@code url}'s host and port, not yet upgraded. */
  public static RawSocket connect(URI url) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 5_000);
    socket.setSoTimeout((int) RawClient.WAIT.toMillis());
    return new RawSocket(socket);
  }

  /** Sends the HTTP upgrade for {@code pathAndQuery}; returns the response's status line. */
  public String upgrade(URI url, String pathAndQuery) throws IOException {
    byte[] key = new byte[16];
    masks.nextBytes(key);
    String request =
        "GET " + pathAndQuery + " HTTP/1.1\r\n"
            + "Host: " + url.getHost() + ":" + url.getPort() + "\r\n"
            + "Upgrade: websocket\r\n"
            + "Connection: Upgrade\r\n"
            + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n"
            + "Sec-WebSocket-Version: 13\r\n\r\n";
    out.write(request.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("EOF in the upgrade response: " + head);
      }
      head.write(b);
    }
    String response = head.toString(StandardCharsets.US_ASCII);
    return response.substring(0, response.indexOf("\r\n"));
  }

  /** Upgrades with the test channel's query and sends a binary hello claiming {@code id}. */
  public void upgradeAndHello(URI url, ClientId id) throws IOException {
    String status = upgrade(url, url.getPath() + "?" + ConnectQuery.format(TestChannel.VERSION, Encoding.BINARY));
    if (!status.contains(" 101 ")) {
      throw new IOException("upgrade refused: " + status);
    }
    WireMessage hello =
        new FrameCodec<>(TestChannel.SPEC)
            .encodeClientFrame(
                new ClientFrame.Hello<>(new AuthRequest.None(id), new TestConnect("")),
                Encoding.BINARY);
    sendFrame(OP_BINARY, ((WireMessage.Binary) hello).bytes());
  }

  /** Sends one masked frame, as a client must. */
  public void sendFrame(int opcode, byte[] payload) throws IOException {
    WebSocketFrames.write(out, opcode, payload, masks);
  }

  /** Writes bytes as they are, framing or not. */
  public void sendBytes(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** The next frame within {@code timeout}; null at EOF. */
  public Frame readFrame(Duration timeout) throws IOException {
    socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
    return WebSocketFrames.read(in);
  }

  /** Reads frames until a close frame (returned) or EOF (null); data frames are skipped. */
  public Frame readUntilClose(Duration timeout) throws IOException {
    long end = System.nanoTime() + timeout.toNanos();
    for (int frames = 0; frames < 10_000; frames++) {
      Frame frame = readFrame(Duration.ofNanos(Math.max(1_000_000, end - System.nanoTime())));
      if (frame == null || frame.opcode() == OP_CLOSE) {
        return frame;
      }
    }
    throw new AssertionError("no close within 10000 frames");
  }

  /** Whether the server closed the TCP connection within {@code timeout}. */
  public boolean isClosedByPeerWithin(Duration timeout) throws IOException {
    long end = System.nanoTime() + timeout.toNanos();
    socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
    try {
      // Read in chunks: megabytes can sit in loopback buffers, too many for a syscall per byte.
      byte[] chunk = new byte[64 * 1024];
      for (long bytes = 0; bytes < 100_000_000 && System.nanoTime() < end; ) {
        int read = in.read(chunk);
        if (read < 0) {
          return true;
        }
        bytes += read;
      }
      return false;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}

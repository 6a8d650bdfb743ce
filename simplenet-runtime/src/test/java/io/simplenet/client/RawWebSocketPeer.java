package io.simplenet.client;

import static io.simplenet.testing.WebSocketFrames.OP_CLOSE;
import static io.simplenet.testing.WebSocketFrames.OP_PING;

import io.simplenet.testing.WebSocketFrames;
import io.simplenet.testing.WebSocketFrames.Frame;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import javax.net.ServerSocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A WebSocket server written on a bare socket, for client behaviour a real server cannot show: it
 * answers the upgrade, then reads and writes frames only when the test says so (so it never answers
 * pings unless told), and records the request line. Plain or TLS; one connection at a time,
 * 127.0.0.1 only; every read times out.
 */
final class RawWebSocketPeer implements AutoCloseable {
  private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
  private static final int READ_TIMEOUT_MILLIS = 10_000;

  private final ServerSocket listener;
  private final String scheme;
  private Socket socket;
  private DataInputStream in;
  private OutputStream out;
  private String requestLine;

  /** A plain peer: {@code ws://}. */
  RawWebSocketPeer() throws IOException {
    this(ServerSocketFactory.getDefault(), "ws");
  }

  /** A TLS peer presenting {@code context}'s certificate: {@code wss://}. */
  RawWebSocketPeer(SSLContext context) throws IOException {
    this(context.getServerSocketFactory(), "wss");
  }

  private RawWebSocketPeer(ServerSocketFactory sockets, String scheme) throws IOException {
    listener = sockets.createServerSocket(0, 10, InetAddress.getByName("127.0.0.1"));
    listener.setSoTimeout(READ_TIMEOUT_MILLIS);
    this.scheme = scheme;
  }

  /** {@code ws://127.0.0.1:<port>/ws}, or {@code wss://}. */
  String url() {
    return scheme + "://127.0.0.1:" + listener.getLocalPort() + "/ws";
  }

  /** The TLS protocol the current connection negotiated. */
  String tlsProtocol() {
    return ((SSLSocket) socket).getSession().getProtocol();
  }

  /** Waits for the next connection and leaves it without an answer. */
  void acceptTcpOnly() throws IOException {
    socket = listener.accept();
    socket.setSoTimeout(READ_TIMEOUT_MILLIS);
    in = new DataInputStream(socket.getInputStream());
    out = socket.getOutputStream();
  }

  /** Waits for the next connection and completes its upgrade. */
  void acceptUpgrade() throws IOException {
    acceptTcpOnly();
    String key = null;
    String line;
    requestLine = readLine(in);
    while (!(line = readLine(in)).isEmpty()) {
      int colon = line.indexOf(':');
      if (colon > 0
          && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("sec-websocket-key")) {
        key = line.substring(colon + 1).trim();
      }
    }
    if (key == null) {
      throw new IOException("no Sec-WebSocket-Key in the upgrade request");
    }
    String response =
        "HTTP/1.1 101 Switching Protocols\r\n"
            + "Upgrade: websocket\r\n"
            + "Connection: Upgrade\r\n"
            + "Sec-WebSocket-Accept: "
            + acceptValue(key)
            + "\r\n\r\n";
    out.write(response.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** The upgrade request's first line, {@code GET /ws?v=...&enc=... HTTP/1.1}. */
  String requestLine() {
    return requestLine;
  }

  /** The next frame from the client (control frames included); fails after the read timeout. */
  Frame readFrame() throws IOException {
    Frame frame = WebSocketFrames.read(in);
    if (frame == null) {
      throw new EOFException("connection closed");
    }
    return frame;
  }

  /** The next frame that is not a ping, skipping pings. */
  Frame readFrameSkippingPings() throws IOException {
    Frame frame = readFrame();
    while (frame.opcode() == OP_PING) {
      frame = readFrame();
    }
    return frame;
  }

  /** Writes one unmasked frame, as a server must. */
  void writeFrame(int opcode, byte[] payload) throws IOException {
    WebSocketFrames.write(out, opcode, payload, null);
  }

  /** Writes a close frame. */
  void writeClose(int code, String reason) throws IOException {
    byte[] text = reason.getBytes(StandardCharsets.UTF_8);
    writeFrame(
        OP_CLOSE,
        ByteBuffer.allocate(2 + text.length).putShort((short) code).put(text).array());
  }

  /** Whether the client closes the TCP connection within 1,000 frames and the read timeout. */
  boolean readsEndOfStream() throws IOException {
    try {
      for (int i = 0; i < 1_000; i++) {
        readFrame();
      }
      return false;
    } catch (EOFException e) {
      return true;
    }
  }

  /** Drops the current connection without a close frame. */
  void dropConnection() throws IOException {
    socket.close();
  }

  @Override
  public void close() throws IOException {
    if (socket != null) {
      socket.close();
    }
    listener.close();
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) != '\n') {
      if (c < 0) {
        throw new EOFException("connection closed during the upgrade");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  private static String acceptValue(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1")
              .digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}

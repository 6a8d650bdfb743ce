package io.simplenet.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The proxy itself, in front of a plain echo server: bytes pass, a stall holds them, a cut ends both
 * sides, a mid-frame drop forwards half a chunk.
 */
class FaultProxyTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final byte[] HELLO = "hello".getBytes(StandardCharsets.US_ASCII);

  private final ExecutorService executor = Executors.newSingleThreadExecutor();
  private ServerSocket echoListener;
  private Future<Integer> echoSide;
  private FaultProxy proxy;

  @BeforeEach
  void start() throws IOException {
    echoListener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    echoSide = executor.submit(this::echoOne);
    proxy = FaultProxy.start("127.0.0.1", echoListener.getLocalPort());
  }

  @AfterEach
  void stop() throws Exception {
    proxy.close();
    assertEquals(0, proxy.connectionCount());
    echoListener.close();
    executor.shutdownNow();
    assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS));
  }

  /** Accepts one connection and echoes it until it ends; returns how many bytes it received. */
  private int echoOne() throws IOException {
    int received = 0;
    try (Socket socket = echoListener.accept()) {
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[1024];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        received += n;
        socket.getOutputStream().write(buffer, 0, n);
      }
    } catch (IOException e) {
      // a reset ends the connection as well
    }
    return received;
  }

  @Test
  void bytesPassBothWays() throws Exception {
    try (Socket socket = connect()) {
      socket.getOutputStream().write(HELLO);
      assertArrayEquals(HELLO, readExactly(socket, HELLO.length));
      assertEquals(1, proxy.connectionCount());
    }
    echoSide.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    TestServers.awaitTrue(() -> proxy.connectionCount() == 0, WAIT, "the link to end");
  }

  @Test
  void aStallHoldsBytesUntilResumedWithoutClosing() throws Exception {
    try (Socket socket = connect()) {
      socket.getOutputStream().write(HELLO);
      assertArrayEquals(HELLO, readExactly(socket, HELLO.length));
      proxy.stallAll();
      socket.getOutputStream().write(HELLO);
      socket.setSoTimeout((int) RawClient.QUIET.toMillis());
      assertThrows(SocketTimeoutException.class, () -> socket.getInputStream().read());
      assertEquals(1, proxy.connectionCount());
      proxy.resume();
      assertArrayEquals(HELLO, readExactly(socket, HELLO.length));
    }
  }

  @ParameterizedTest
  @EnumSource(FaultProxy.Cut.class)
  void aCutEndsBothSides(FaultProxy.Cut how) throws Exception {
    try (Socket socket = connect()) {
      socket.getOutputStream().write(HELLO);
      assertArrayEquals(HELLO, readExactly(socket, HELLO.length));
      proxy.cutAll(how);
      if (how == FaultProxy.Cut.RESET) {
        assertThrows(IOException.class, () -> socket.getInputStream().read());
      } else {
        assertEquals(-1, socket.getInputStream().read());
      }
      echoSide.get(WAIT.toMillis(), TimeUnit.MILLISECONDS); // the echo server saw its end too
    }
    TestServers.awaitTrue(() -> proxy.connectionCount() == 0, WAIT, "the cut link to close");
  }

  @Test
  void aMidFrameDropForwardsHalfThenCloses() throws Exception {
    try (Socket socket = connect()) {
      proxy.dropMidFrame();
      byte[] frame = "0123456789".getBytes(StandardCharsets.US_ASCII);
      socket.getOutputStream().write(frame);
      assertEquals(frame.length / 2, echoSide.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
      // The echo of the half may race the close back to the client; nothing else can.
      byte[] back = socket.getInputStream().readAllBytes();
      assertTrue(back.length == 0 || Arrays.equals(Arrays.copyOf(frame, frame.length / 2), back));
    }
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
    socket.setSoTimeout((int) WAIT.toMillis());
    return socket;
  }

  private static byte[] readExactly(Socket socket, int length) throws IOException {
    byte[] bytes = socket.getInputStream().readNBytes(length);
    assertEquals(length, bytes.length, "the stream ended early");
    return bytes;
  }
}

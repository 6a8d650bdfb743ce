package io.simplenet.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.ClientId;
import io.simplenet.Encoding;
import io.simplenet.Server;
import io.simplenet.auth.Authenticator;
import io.simplenet.testing.RawClient;
import io.simplenet.testing.RawSocket;
import io.simplenet.testing.TestChannel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Where a server listens: only the requested host, a free port for 0, the configured path. */
class BindingTest {
  @Test
  void portZeroPicksAFreePortAndTheUrlIsReal() {
    try (var first = start("127.0.0.1", 0, "/ws");
        var second = start("127.0.0.1", 0, "/ws")) {
      assertTrue(first.port() > 0);
      assertTrue(first.port() != second.port());
      assertEquals(URI.create("ws://127.0.0.1:" + first.port() + "/ws"), first.url());
      try (RawClient client = RawClient.connectAs(first.url(), Encoding.BINARY, ClientId.of(1), "")) {
        client.awaitAccepted(ClientId.of(1));
      }
    }
  }

  @Test
  void bindsOnlyTheRequestedAddress() throws IOException {
    try (var server = start("127.0.0.1", 0, "/ws")) {
      // Linux routes all of 127/8 to the loopback device: a wildcard bind would accept this.
      Socket other = new Socket();
      assertThrows(
          ConnectException.class,
          () -> other.connect(new InetSocketAddress("127.0.0.2", server.port()), 5_000));
      other.close();
      try (Socket same = new Socket()) {
        same.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
      }
    }
  }

  @Test
  void servesTheConfiguredPathOnly() throws IOException {
    try (var server = start("127.0.0.1", 0, "/game/socket")) {
      assertEquals("/game/socket", server.url().getPath());
      try (RawSocket socket = RawSocket.connect(server.url())) {
        String status =
            socket.upgrade(server.url(), "/ws?v=" + TestChannel.VERSION + "&enc=binary");
        assertEquals("HTTP/1.1 404 Not Found", status);
      }
      try (RawClient client = RawClient.connectAs(server.url(), Encoding.JSON, ClientId.of(2), "")) {
        client.awaitAccepted(ClientId.of(2));
      }
    }
  }

  @Test
  void aTakenPortFailsToStart() {
    try (var server = start("127.0.0.1", 0, "/ws")) {
      UncheckedIOException e =
          assertThrows(UncheckedIOException.class, () -> start("127.0.0.1", server.port(), "/ws"));
      assertTrue(e.getMessage().contains("127.0.0.1:" + server.port()), e.getMessage());
    }
  }

  @Test
  void anAuthenticatorIsRequired() {
    assertThrows(IllegalStateException.class, () -> Server.builder(TestChannel.SPEC).start());
  }

  private static Server<?, ?, ?, ?, ?> start(String host, int port, String path) {
    return Server.builder(TestChannel.SPEC)
        .host(host)
        .port(port)
        .path(path)
        .authenticator(new Authenticator.None())
        .start();
  }
}

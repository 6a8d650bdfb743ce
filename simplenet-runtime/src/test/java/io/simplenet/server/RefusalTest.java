package io.simplenet.server;

import static io.simplenet.testing.TestServers.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.simplenet.ClientId;
import io.simplenet.CloseReason;
import io.simplenet.Encoding;
import io.simplenet.ServerConfig;
import io.simplenet.ServerEvent;
import io.simplenet.auth.Authenticator;
import io.simplenet.testing.RawClient;
import io.simplenet.testing.TestServers;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Connect refusals. Tyrus cannot send a reason with an HTTP error status, so the server accepts
 * the upgrade and closes at once: 4400 for a bad request, 4503 for a full server.
 */
class RefusalTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "v=other&enc=binary | version mismatch: server speaks \"test\"",
        "enc=json | version missing",
        "v=test&enc=xml | unknown encoding 'xml'",
        "v=test | unknown encoding ''",
        "v=test&enc=json&t=1 | invalid query: unknown parameter \"t\"",
        "v=test&v=test&enc=json | invalid query: duplicate parameter \"v\"",
      })
  void badQueriesAreClosedWith4400AndTheReason(String query, String reason) {
    try (var server = TestServers.start()) {
      URI uri = URI.create(server.url() + "?" + query);
      try (RawClient client = RawClient.connectTo(uri, Encoding.BINARY)) {
        assertEquals(new CloseReason(4400, reason), client.awaitClose());
      }
      TestServers.assertNoEvent(server);
    }
  }

  @Test
  void noQueryAtAllIsVersionMissing() {
    try (var server = TestServers.start();
        RawClient client = RawClient.connectTo(server.url(), Encoding.BINARY)) {
      assertEquals(new CloseReason(4400, "version missing"), client.awaitClose());
    }
  }

  /** The seed's connections_limit test: max clients fit, the next is refused, then one leaves. */
  @Test
  void connectionsBeyondMaxConnectionsAreRefusedWith4503() {
    int max = 2;
    ServerConfig config = ServerConfig.builder().maxConnections(max).maxPending(max + 1).build();
    try (var server = TestServers.start(config, new Authenticator.None())) {
      RawClient first = RawClient.connectAs(server.url(), Encoding.BINARY, ClientId.of(1), "");
      first.awaitAccepted(ClientId.of(1));
      RawClient second = RawClient.connectAs(server.url(), Encoding.BINARY, ClientId.of(2), "");
      second.awaitAccepted(ClientId.of(2));
      next(server, ServerEvent.Connected.class, ClientId.of(1));
      next(server, ServerEvent.Connected.class, ClientId.of(2));
      assertEquals(2, server.connectionCount());

      try (RawClient extra = RawClient.connect(server.url(), Encoding.BINARY)) {
        assertEquals(new CloseReason(4503, "max connections"), extra.awaitClose());
      }
      TestServers.assertNoEvent(server);

      first.close();
      next(server, ServerEvent.Disconnected.class, ClientId.of(1));
      assertEquals(1, server.connectionCount());
      try (RawClient third = RawClient.connectAs(server.url(), Encoding.BINARY, ClientId.of(3), "")) {
        third.awaitAccepted(ClientId.of(3));
        next(server, ServerEvent.Connected.class, ClientId.of(3));
        try (RawClient extra = RawClient.connect(server.url(), Encoding.BINARY)) {
          assertEquals(new CloseReason(4503, "max connections"), extra.awaitClose());
        }
      }
      second.close();
    }
  }

  @Test
  void pendingConnectionsBeyondMaxPendingAreRefusedWith4503() {
    ServerConfig config = ServerConfig.builder().maxPending(2).build();
    try (var server = TestServers.start(config, new Authenticator.None());
        RawClient second = RawClient.connect(server.url(), Encoding.BINARY)) {
      RawClient first = RawClient.connect(server.url(), Encoding.BINARY);
      try (RawClient extra = RawClient.connect(server.url(), Encoding.BINARY)) {
        assertEquals(new CloseReason(4503, "max pending connections"), extra.awaitClose());
      }
      first.close();
      // The slot frees once the server has seen the close; a new pending connection then fits.
      TestServers.awaitTrue(
          () -> {
            try (RawClient probe = RawClient.connect(server.url(), Encoding.BINARY)) {
              return probe.poll(RawClient.QUIET) == null && !probe.isClosed();
            }
          },
          RawClient.WAIT,
          "a pending slot freed");
      assertFalse(second.isClosed());
    }
  }
}

package io.simplenet.client;

import static io.simplenet.client.Harness.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.ClientConfig;
import io.simplenet.ClientEvent;
import io.simplenet.ClientId;
import io.simplenet.ClientReport;
import io.simplenet.ServerConfig;
import io.simplenet.ServerEvent;
import io.simplenet.auth.AuthRequest;
import io.simplenet.auth.Authenticator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many clients share the Grizzly transport and a capped pool instead of threads per connection. */
class ClientThreadsTest {
  private static final int CLIENTS = 100;

  private final Harness harness = new Harness();

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  @Test
  void aHundredClientsUseAFewSharedThreads() throws Exception {
    var server = harness.server(ServerConfig.DEFAULT, new Authenticator.None());
    List<io.simplenet.Client<?, ?, ?, ?, ?>> clients = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      clients.add(
          harness.client(server.url(), new AuthRequest.None(ClientId.of(i)), ClientConfig.DEFAULT, ""));
    }
    for (int i = 0; i < CLIENTS; i++) {
      assertInstanceOf(ServerEvent.Connected.class, next(server));
    }
    for (var client : clients) {
      assertEquals(new ClientEvent.Report<>(new ClientReport.Connected()), next(client));
    }
    List<String> names = Thread.getAllStackTraces().keySet().stream().map(Thread::getName).toList();
    // At most 10 per Tyrus container: the clients' one, and the in-process server's.
    long tyrusTimers = names.stream().filter(name -> name.startsWith("tyrus-")).count();
    assertTrue(tyrusTimers <= 20, tyrusTimers + " Tyrus timer threads: " + names);
    // Connect pool, worker pool, timer, and the shared transport's selectors.
    long clientThreads =
        names.stream()
            .filter(name -> name.startsWith("simplenet-client") || name.startsWith("Grizzly("))
            .count();
    assertTrue(clientThreads <= 40, clientThreads + " client threads: " + names);
  }
}

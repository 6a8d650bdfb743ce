package io.simplenet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.simplenet.Client;
import io.simplenet.ClientEvent;
import io.simplenet.ClientId;
import io.simplenet.ClientReport;
import io.simplenet.auth.AuthRequest;
import io.simplenet.testing.RawClient;
import io.simplenet.testing.TestChannel;
import io.simplenet.testing.TestMessages.TestConnect;
import io.simplenet.testing.TestServers;
import org.glassfish.grizzly.strategies.SameThreadIOStrategy;
import org.junit.jupiter.api.Test;

/** The Tyrus internals {@link SharedClientTransport} relies on are there, and it takes effect. */
class SharedClientTransportTest {
  @Test
  void aConnectedClientsTransportReadsOnItsSelectorThreads() throws InterruptedException {
    try (var server = TestServers.start();
        var client =
            Client.builder(TestChannel.SPEC)
                .url(server.url())
                .auth(new AuthRequest.None(ClientId.of(5)))
                .connectMessage(new TestConnect(""))
                .build()) {
      assertEquals(
          new ClientEvent.Report<>(new ClientReport.Connected()), client.poll(RawClient.WAIT));
      var transport = SharedClientTransport.sharedTransport();
      assertNotNull(transport, "Tyrus's shared client transport was not found");
      assertSame(SameThreadIOStrategy.getInstance(), transport.getIOStrategy());
    }
  }
}

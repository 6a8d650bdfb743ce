package io.simplenet.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.testing.WebSocketFrames;
import io.simplenet.Client;
import io.simplenet.ClientConfig;
import io.simplenet.ClientEvent;
import io.simplenet.ClientId;
import io.simplenet.ClientReport;
import io.simplenet.ClientTls;
import io.simplenet.auth.AuthRequest;
import io.simplenet.internal.wire.FrameCodec;
import io.simplenet.internal.wire.ServerFrame;
import io.simplenet.internal.wire.WireMessage;
import io.simplenet.testing.TestChannel;
import io.simplenet.testing.TestMessages.TestClientMsg;
import io.simplenet.testing.TestMessages.TestConnect;
import io.simplenet.testing.TestMessages.TestRequest;
import io.simplenet.testing.TestMessages.TestResponse;
import io.simplenet.testing.TestMessages.TestServerMsg;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wss://} against a TLS peer with certificates made by {@code keytool} for this test: a
 * trusted certificate for 127.0.0.1 connects over TLS 1.3 or 1.2; one naming another host, or one
 * the client does not trust, never connects unless hostname verification is turned off.
 */
class ClientTlsTest {
  private static final char[] PASSWORD = "changeit".toCharArray();
  private static final ClientId ID = ClientId.of(3);
  private static final ClientConfig ONE_ATTEMPT =
      ClientConfig.builder().reconnectOnDisconnect(false).build();

  private static KeyStore rightName;
  private static KeyStore wrongName;

  private final FrameCodec<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse>
      codec = new FrameCodec<>(TestChannel.SPEC);
  private RawWebSocketPeer peer;
  private Client<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse> client;

  @BeforeAll
  static void makeCertificates(@TempDir Path dir) throws Exception {
    rightName = keyStore(dir, "right", "ip:127.0.0.1");
    wrongName = keyStore(dir, "wrong", "dns:other.example");
  }

  @AfterEach
  void tearDown() throws IOException {
    if (client != null) {
      client.close();
    }
    if (peer != null) {
      peer.close();
    }
  }

  @Test
  void aTrustedCertificateForTheHostConnectsOverTls13Or12() throws Exception {
    peer = new RawWebSocketPeer(serverContext(rightName));
    startClient(ClientTls.builder().trustStore(trustOnly(rightName)).build());
    peer.acceptUpgrade();
    assertTrue(ClientTls.PROTOCOLS.contains(peer.tlsProtocol()), peer.tlsProtocol());
    peer.readFrame(); // the hello
    WireMessage accepted =
        codec.encodeServerFrame(new ServerFrame.Accepted<>(ID, 0), io.simplenet.Encoding.BINARY);
    peer.writeFrame(WebSocketFrames.OP_BINARY, ((WireMessage.Binary) accepted).bytes());
    assertEquals(report(new ClientReport.Connected()), nextEvent());
  }

  @Test
  void aCertificateForAnotherHostIsRefused() throws Exception {
    peer = new RawWebSocketPeer(serverContext(wrongName));
    startClient(ClientTls.builder().trustStore(trustOnly(wrongName)).build());
    assertThrows(SSLException.class, peer::acceptUpgrade, "the client aborts the handshake");
    assertEquals(report(new ClientReport.IsDead(List.of())), nextEvent(), "never Connected");
  }

  @Test
  void withoutHostnameVerificationAnotherHostsCertificateConnects() throws Exception {
    peer = new RawWebSocketPeer(serverContext(wrongName));
    startClient(
        ClientTls.builder().trustStore(trustOnly(wrongName)).hostnameVerification(false).build());
    peer.acceptUpgrade();
    peer.readFrame();
  }

  @Test
  void anUntrustedCertificateIsRefused() throws Exception {
    peer = new RawWebSocketPeer(serverContext(rightName));
    startClient(ClientTls.systemDefault());
    assertThrows(SSLException.class, peer::acceptUpgrade);
    assertEquals(report(new ClientReport.IsDead(List.of())), nextEvent());
  }

  @Test
  void tlsSettingsNeedAWssUrl() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                Client.builder(TestChannel.SPEC)
                    .url("ws://127.0.0.1:1/ws")
                    .auth(new AuthRequest.None(ID))
                    .connectMessage(new TestConnect(""))
                    .tls(ClientTls.systemDefault())
                    .build());
    assertEquals("tls set for a URL that is not wss://: ws://127.0.0.1:1/ws", e.getMessage());
  }

  private void startClient(ClientTls tls) {
    client =
        Client.builder(TestChannel.SPEC)
            .url(peer.url())
            .auth(new AuthRequest.None(ID))
            .connectMessage(new TestConnect("tls"))
            .config(ONE_ATTEMPT)
            .tls(tls)
            .build();
  }

  private ClientEvent<TestServerMsg, TestResponse> nextEvent() throws InterruptedException {
    ClientEvent<TestServerMsg, TestResponse> event = client.poll(Duration.ofSeconds(10));
    if (event == null) {
      throw new AssertionError("no event within 10 s");
    }
    return event;
  }

  private static ClientEvent<TestServerMsg, TestResponse> report(ClientReport report) {
    return new ClientEvent.Report<>(report);
  }

  /** A PKCS12 key store holding a fresh EC key and a self-signed certificate for {@code san}. */
  private static KeyStore keyStore(Path dir, String name, String san) throws Exception {
    Path file = dir.resolve(name + ".p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "peer",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=simplenet test " + name,
                "-ext",
                "SAN=" + san,
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                file.toString(),
                "-storepass",
                new String(PASSWORD),
                "-keypass",
                new String(PASSWORD))
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError("keytool failed: " + output);
    }
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, PASSWORD);
    }
    return store;
  }

  private static SSLContext serverContext(KeyStore keys) throws Exception {
    KeyManagerFactory factory =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(keys, PASSWORD);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(factory.getKeyManagers(), null, null);
    return context;
  }

  /** A trust store holding only {@code keys}'s certificate. */
  private static KeyStore trustOnly(KeyStore keys) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("peer", keys.getCertificate("peer"));
    return trust;
  }
}

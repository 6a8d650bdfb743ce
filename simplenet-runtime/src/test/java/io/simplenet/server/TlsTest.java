package io.simplenet.server;

import static io.simplenet.testing.TestServers.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.ClientId;
import io.simplenet.Encoding;
import io.simplenet.Server;
import io.simplenet.ServerEvent;
import io.simplenet.ServerTls;
import io.simplenet.auth.Authenticator;
import io.simplenet.auth.AuthRequest;
import io.simplenet.internal.wire.ClientFrame;
import io.simplenet.internal.wire.ServerFrame;
import io.simplenet.testing.RawClient;
import io.simplenet.testing.RawSocket;
import io.simplenet.testing.TestChannel;
import io.simplenet.testing.TestMessages.TestConnect;
import io.simplenet.testing.TestMessages.TestServerMsg;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** wss:// with a self-signed certificate made here by the JDK's keytool, from PKCS#12 and PEM. */
class TlsTest {
  private static final char[] PASSWORD = "changeit".toCharArray();
  private static final ClientId ID = ClientId.of(51);

  @TempDir static Path dir;
  private static Path keyStore;
  private static SSLContext trust;

  @BeforeAll
  static void makeCertificate() throws Exception {
    keyStore = dir.resolve("server.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process =
        new ProcessBuilder(
                keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-keystore", keyStore.toString(), "-storetype", "PKCS12",
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
            .redirectErrorStream(true)
            .start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "keytool hung");
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), output);

    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("server", load().getCertificate("server"));
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trusted);
    trust = SSLContext.getInstance("TLS");
    trust.init(null, factory.getTrustManagers(), null);
  }

  @Test
  void pkcs12() {
    assertServes(ServerTls.fromPkcs12(keyStore, PASSWORD));
  }

  @Test
  void pem() throws Exception {
    KeyStore store = load();
    PrivateKey key = (PrivateKey) store.getKey("server", PASSWORD);
    Certificate certificate = store.getCertificate("server");
    Path keyFile = dir.resolve("key.pem");
    Path chainFile = dir.resolve("chain.pem");
    Files.writeString(keyFile, pem("PRIVATE KEY", key.getEncoded()));
    Files.writeString(chainFile, pem("CERTIFICATE", certificate.getEncoded()));
    assertServes(ServerTls.fromPem(keyFile, chainFile));
  }

  @Test
  void pemWithoutAPkcs8KeyIsRefusedWithAHint() throws Exception {
    Path keyFile = dir.resolve("rsa.pem");
    Files.writeString(keyFile, pem("RSA PRIVATE KEY", new byte[] {1, 2, 3}));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ServerTls.fromPem(keyFile, keyFile));
    assertTrue(e.getMessage().contains("openssl pkcs8 -topk8 -nocrypt"), e.getMessage());
  }

  private static void assertServes(ServerTls tls) {
    try (var server =
        Server.builder(TestChannel.SPEC).authenticator(new Authenticator.None()).tls(tls).start()) {
      assertEquals("wss", server.url().getScheme());
      for (Encoding encoding : List.of(Encoding.BINARY, Encoding.JSON)) {
        try (RawClient client = RawClient.connectTls(server.url(), encoding, trust)) {
          client.send(new ClientFrame.Hello<>(new AuthRequest.None(ID), new TestConnect("")));
          client.awaitAccepted(ID);
          next(server, ServerEvent.Connected.class, ID);
          assertTrue(server.send(ID, new TestServerMsg(5)));
          assertEquals(new ServerFrame.Message<>(new TestServerMsg(5)), client.nextFrame());
        }
        next(server, ServerEvent.Disconnected.class, ID);
      }
    }
  }

  @Test
  void aPlaintextPeerIsDropped() throws Exception {
    try (var server =
            Server.builder(TestChannel.SPEC)
                .authenticator(new Authenticator.None())
                .tls(ServerTls.fromPkcs12(keyStore, PASSWORD))
                .start();
        RawSocket socket = RawSocket.connect(server.url())) {
      socket.sendBytes("GET /ws HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      assertTrue(socket.isClosedByPeerWithin(RawClient.WAIT));
    }
  }

  private static KeyStore load() throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      store.load(in, PASSWORD);
    }
    return store;
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }
}

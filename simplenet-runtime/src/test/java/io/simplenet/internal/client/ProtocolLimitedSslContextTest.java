package io.simplenet.internal.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.ClientTls;
import java.security.KeyManagementException;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

class ProtocolLimitedSslContextTest {

  @Test
  void enginesEnableOnlyTheGivenProtocolsInOrder() throws Exception {
    SSLContext delegate = SSLContext.getInstance("TLS");
    delegate.init(null, null, null);
    assertTrue(
        delegate.createSSLEngine().getSupportedProtocols().length > 2,
        Arrays.toString(delegate.createSSLEngine().getSupportedProtocols()));

    SSLContext limited = new ProtocolLimitedSslContext(delegate, ClientTls.PROTOCOLS);
    assertArrayEquals(
        new String[] {"TLSv1.3", "TLSv1.2"},
        limited.createSSLEngine("host", 443).getEnabledProtocols());
    assertArrayEquals(
        new String[] {"TLSv1.2"},
        new ProtocolLimitedSslContext(delegate, List.of("TLSv1.2", "TLSv0.9"))
            .createSSLEngine()
            .getEnabledProtocols());
  }

  @Test
  void cannotBeReinitialized() throws Exception {
    SSLContext delegate = SSLContext.getInstance("TLS");
    delegate.init(null, null, null);
    SSLContext limited = new ProtocolLimitedSslContext(delegate, ClientTls.PROTOCOLS);
    assertThrows(KeyManagementException.class, () -> limited.init(null, null, null));
  }
}

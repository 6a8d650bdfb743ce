package io.simplenet.internal.client;

import java.security.KeyManagementException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * An {@link SSLContext} whose engines enable only the given protocol versions. Needed because
 * Tyrus's Grizzly client copies only the context, client mode and hostname settings from its {@code
 * SslEngineConfigurator}, dropping the enabled protocols, so they must come from the engines the
 * context creates.
 *
 * <p>Thread-safe, as the context it wraps.
 */
final class ProtocolLimitedSslContext extends SSLContext {

  /** Wraps {@code delegate}, an initialized context, to enable only {@code protocols}. */
  ProtocolLimitedSslContext(SSLContext delegate, List<String> protocols) {
    super(new Spi(delegate, protocols), delegate.getProvider(), delegate.getProtocol());
  }

  private static final class Spi extends SSLContextSpi {
    private final SSLContext delegate;
    private final List<String> protocols;

    Spi(SSLContext delegate, List<String> protocols) {
      this.delegate = delegate;
      this.protocols = List.copyOf(protocols);
    }

    @Override
    protected void engineInit(KeyManager[] keys, TrustManager[] trust, SecureRandom random)
        throws KeyManagementException {
      throw new KeyManagementException("already initialized: wraps an initialized context");
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      return limit(delegate.createSSLEngine());
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      return limit(delegate.createSSLEngine(host, port));
    }

    private SSLEngine limit(SSLEngine engine) {
      // In the order of `protocols`, those the engine supports; none means no handshake succeeds.
      List<String> supported = Arrays.asList(engine.getSupportedProtocols());
      engine.setEnabledProtocols(
          protocols.stream().filter(supported::contains).toArray(String[]::new));
      return engine;
    }

    // Grizzly asks for the factories while setting up but does its I/O through engines.
    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      return delegate.getSocketFactory();
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      return delegate.getServerSocketFactory();
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      return delegate.getServerSessionContext();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      return delegate.getClientSessionContext();
    }
  }
}

package io.simplenet;

import io.simplenet.internal.server.TlsContexts;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * A server's TLS identity, for {@code wss://}. Only {@link #PROTOCOLS} are enabled, whatever the
 * context allows.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ServerTls {
  /** The TLS versions a server accepts. */
  public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

  private final SSLContext sslContext;

  private ServerTls(SSLContext sslContext) {
    this.sslContext = sslContext;
  }

  /** TLS with an initialized context the application built. */
  public static ServerTls fromSslContext(SSLContext sslContext) {
    return new ServerTls(Objects.requireNonNull(sslContext, "sslContext == null"));
  }

  /** TLS with the first private key entry (key and certificate chain) of a PKCS#12 file. */
  public static ServerTls fromPkcs12(Path keyStore, char[] password) {
    Objects.requireNonNull(keyStore, "keyStore == null");
    Objects.requireNonNull(password, "password == null");
    return new ServerTls(TlsContexts.fromPkcs12(keyStore, password));
  }

  /**
   * TLS with an unencrypted PKCS#8 PEM private key ({@code BEGIN PRIVATE KEY}: RSA, EC or Ed25519)
   * and a PEM certificate chain file, the server's certificate first.
   */
  public static ServerTls fromPem(Path privateKey, Path certificateChain) {
    Objects.requireNonNull(privateKey, "privateKey == null");
    Objects.requireNonNull(certificateChain, "certificateChain == null");
    return new ServerTls(TlsContexts.fromPem(privateKey, certificateChain));
  }

  /** The context connections are served with. */
  public SSLContext sslContext() {
    return sslContext;
  }
}

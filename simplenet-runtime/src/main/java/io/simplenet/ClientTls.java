package io.simplenet;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * How a {@link Client} secures a {@code wss://} connection: which certificates it trusts (the JDK's
 * default trust store unless told otherwise) and whether it checks that the certificate names the
 * host it dialled, which it does unless told otherwise. Only TLS 1.3 and 1.2 are offered.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ClientTls {
  /** The protocol versions a client offers, newest first. */
  public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

  private final SSLContext sslContext;
  private final boolean hostnameVerification;

  private ClientTls(Builder builder) {
    this.sslContext = builder.sslContext;
    this.hostnameVerification = builder.hostnameVerification;
  }

  /**
   * The JDK's default trust store, with hostname verification: what {@code wss://} uses if unset.
   */
  public static ClientTls systemDefault() {
    return builder().build();
  }

  /** A builder starting from {@link #systemDefault()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The context that creates the client's TLS engines. */
  public SSLContext sslContext() {
    return sslContext;
  }

  /** Whether the server's certificate must name the host in the URL. */
  public boolean hostnameVerification() {
    return hostnameVerification;
  }

  @Override
  public String toString() {
    return "ClientTls{protocol="
        + sslContext.getProtocol()
        + ", hostnameVerification="
        + hostnameVerification
        + "}";
  }

  /** Builds a {@link ClientTls}. Not thread-safe. */
  public static final class Builder {
    private SSLContext sslContext;
    private boolean hostnameVerification = true;

    private Builder() {}

    /** Trusts exactly the certificates in {@code trustStore}, for example a private CA's. */
    public Builder trustStore(KeyStore trustStore) {
      Objects.requireNonNull(trustStore, "trustStore == null");
      try {
        TrustManagerFactory factory =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trustStore);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        this.sslContext = context;
      } catch (GeneralSecurityException e) {
        throw new IllegalArgumentException("trust store unusable: " + e.getMessage(), e);
      }
      return this;
    }

    /**
     * Uses {@code sslContext} as it is: its trust managers, and key managers if the server wants a
     * client certificate.
     */
    public Builder sslContext(SSLContext sslContext) {
      this.sslContext = Objects.requireNonNull(sslContext, "sslContext == null");
      return this;
    }

    /**
     * Whether the server's certificate must name the host in the URL; on by default. Turning it off
     * lets anyone with a trusted certificate for any name impersonate the server: only for tests
     * against certificates made for another name.
     */
    public Builder hostnameVerification(boolean hostnameVerification) {
      this.hostnameVerification = hostnameVerification;
      return this;
    }

    /** The configuration. */
    public ClientTls build() {
      if (sslContext == null) {
        try {
          sslContext = SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
          throw new IllegalStateException("no default SSLContext: " + e.getMessage(), e);
        }
      }
      return new ClientTls(this);
    }
  }
}

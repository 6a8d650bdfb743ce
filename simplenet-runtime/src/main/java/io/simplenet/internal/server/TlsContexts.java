package io.simplenet.internal.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** Builds server {@link SSLContext}s from key material on disk. Thread-safe. */
public final class TlsContexts {
  private static final Pattern PKCS8_PEM =
      Pattern.compile(
          "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

  /** Key algorithms a PKCS#8 key may be in, tried in order. */
  private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "RSASSA-PSS");

  private static final String ALIAS = "server";

  private TlsContexts() {}

  /** A context serving the first private key entry of a PKCS#12 file. */
  public static SSLContext fromPkcs12(Path keyStore, char[] password) {
    try (InputStream in = Files.newInputStream(keyStore)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      return context(store, password);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read PKCS#12 key store " + keyStore, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("unusable PKCS#12 key store " + keyStore, e);
    }
  }

  /**
   * A context serving an unencrypted PKCS#8 PEM private key ({@code BEGIN PRIVATE KEY}) and a PEM
   * certificate chain, the server's certificate first.
   */
  public static SSLContext fromPem(Path privateKey, Path certificateChain) {
    try {
      PrivateKey key = readPkcs8Key(privateKey, Files.readString(privateKey, StandardCharsets.US_ASCII));
      Collection<? extends Certificate> chain;
      try (InputStream in = Files.newInputStream(certificateChain)) {
        chain = CertificateFactory.getInstance("X.509").generateCertificates(in);
      }
      if (chain.isEmpty()) {
        throw new IllegalArgumentException("no certificate in " + certificateChain);
      }
      char[] password = new char[0];
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(ALIAS, key, password, chain.toArray(new Certificate[0]));
      return context(store, password);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read PEM key material", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "unusable PEM key material " + privateKey + ", " + certificateChain, e);
    }
  }

  private static PrivateKey readPkcs8Key(Path file, String pem) throws GeneralSecurityException {
    Matcher matcher = PKCS8_PEM.matcher(pem);
    if (!matcher.find()) {
      throw new IllegalArgumentException(
          "no unencrypted PKCS#8 key (BEGIN PRIVATE KEY) in "
              + file
              + "; convert with: openssl pkcs8 -topk8 -nocrypt");
    }
    byte[] der = Base64.getMimeDecoder().decode(matcher.group(1));
    for (String algorithm : KEY_ALGORITHMS) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (InvalidKeySpecException e) {
        // Not this algorithm: try the next.
      }
    }
    throw new IllegalArgumentException("private key in " + file + " is not " + KEY_ALGORITHMS);
  }

  private static SSLContext context(KeyStore store, char[] password)
      throws GeneralSecurityException {
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, password);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }
}

package io.simplenet.auth.internal;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Pure Ed25519 (RFC 8032) on the JDK's own provider, with keys in the raw forms the seed crate
 * uses: a 32-byte private seed and a 32-byte compressed public point.
 *
 * <p>Stateless and thread-safe.
 */
public final class Ed25519 {
  /** The size of a private key: RFC 8032's 32-byte seed. */
  public static final int SEED_BYTES = 32;

  /** The size of a public key: RFC 8032's encoded point. */
  public static final int PUBLIC_KEY_BYTES = 32;

  /** The size of a signature. */
  public static final int SIGNATURE_BYTES = 64;

  private static final String ALGORITHM = "Ed25519";

  /**
   * The DER SubjectPublicKeyInfo header of every Ed25519 public key (RFC 8410 §4): the raw key is
   * the BIT STRING that follows it.
   */
  private static final byte[] SPKI_PREFIX = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };

  private Ed25519() {}

  /**
   * The public key of {@code seed}. The JDK has no API for this, so a key pair generator is handed
   * the seed as its "random" private key and computes the public point itself (RFC 8032 §5.1.5).
   * The generated private key is checked to be the seed, so a provider that draws its randomness
   * differently fails loudly instead of yielding some other key.
   */
  public static byte[] publicKeyFromSeed(byte[] seed) {
    checkLength("privateSeed", seed, SEED_BYTES);
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
      generator.initialize(
          NamedParameterSpec.ED25519, new SecureRandom(new SeedSpi(seed), null) {});
      KeyPair pair = generator.generateKeyPair();
      byte[] privateKey = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElse(new byte[0]);
      if (!MessageDigest.isEqual(privateKey, seed)) {
        throw new IllegalStateException(
            "the Ed25519 key pair generator did not use the given seed");
      }
      return rawPublicKey(pair.getPublic());
    } catch (GeneralSecurityException e) {
      throw unavailable(e);
    }
  }

  /** Signs {@code message} with the private key {@code seed}. Deterministic. */
  public static byte[] sign(byte[] seed, byte[] message) {
    checkLength("privateSeed", seed, SEED_BYTES);
    try {
      PrivateKey key =
          KeyFactory.getInstance(ALGORITHM)
              .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
      Signature signer = Signature.getInstance(ALGORITHM);
      signer.initSign(key);
      signer.update(message);
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw unavailable(e);
    }
  }

  /**
   * The verifying key for raw {@code publicKey}, or empty if those bytes are not a valid point.
   * Stricter than the seed crate in one corner: the JDK also refuses the 19 non-canonical encodings
   * (y ≥ 2^255 − 19), which no honest key generator produces.
   */
  public static Optional<PublicKey> decodePublicKey(byte[] publicKey) {
    checkLength("publicKey", publicKey, PUBLIC_KEY_BYTES);
    byte[] encoded = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + PUBLIC_KEY_BYTES);
    System.arraycopy(publicKey, 0, encoded, SPKI_PREFIX.length, PUBLIC_KEY_BYTES);
    try {
      PublicKey key =
          KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(encoded));
      // The point itself is only decoded, and refused, when a verifier is initialised with it.
      Signature.getInstance(ALGORITHM).initVerify(key);
      return Optional.of(key);
    } catch (InvalidKeySpecException | InvalidKeyException e) {
      return Optional.empty();
    } catch (GeneralSecurityException e) {
      throw unavailable(e);
    }
  }

  /**
   * Whether {@code signature} is {@code key}'s signature of {@code message}; false if malformed.
   */
  public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance(ALGORITHM);
      verifier.initVerify(key);
      verifier.update(message);
      return verifier.verify(signature);
    } catch (SignatureException e) {
      return false; // An undecodable R or an out-of-range S: not a signature of anything.
    } catch (GeneralSecurityException e) {
      throw unavailable(e);
    }
  }

  private static byte[] rawPublicKey(PublicKey key) {
    byte[] encoded = key.getEncoded();
    if (encoded.length != SPKI_PREFIX.length + PUBLIC_KEY_BYTES
        || !Arrays.equals(encoded, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
      throw new IllegalStateException(
          "not an RFC 8410 Ed25519 public key encoding: " + Arrays.toString(encoded));
    }
    return Arrays.copyOfRange(encoded, SPKI_PREFIX.length, encoded.length);
  }

  private static void checkLength(String name, byte[] bytes, int length) {
    Objects.requireNonNull(bytes, name + " == null");
    if (bytes.length != length) {
      throw new IllegalArgumentException(name + ".length != " + length + ": " + bytes.length);
    }
  }

  private static IllegalStateException unavailable(GeneralSecurityException e) {
    // Every JDK since 15 ships Ed25519 (JEP 339); reaching this means a broken or stripped runtime.
    return new IllegalStateException("Ed25519 is unavailable or broken in this JDK", e);
  }

  /** Hands out the seed as the only "random" bytes a key pair generator may ask for. */
  private static final class SeedSpi extends SecureRandomSpi {
    private final byte[] seed;

    SeedSpi(byte[] seed) {
      this.seed = seed;
    }

    @Override
    protected void engineNextBytes(byte[] bytes) {
      if (bytes.length != seed.length) {
        throw new IllegalStateException("asked for " + bytes.length + " random bytes, not a seed");
      }
      System.arraycopy(seed, 0, bytes, 0, seed.length);
    }

    @Override
    protected void engineSetSeed(byte[] ignored) {
      // Nothing to mix in: the output is the fixed seed by design.
    }

    @Override
    protected byte[] engineGenerateSeed(int numBytes) {
      throw new UnsupportedOperationException("generateSeed");
    }
  }
}

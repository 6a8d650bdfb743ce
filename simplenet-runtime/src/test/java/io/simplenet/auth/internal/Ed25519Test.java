package io.simplenet.auth.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Ed25519Test {
  private static final long SEED = 25519L;

  @Test
  void publicKeyFromSeedMatchesTheJdksOwnKeyPairs() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
    for (int i = 0; i < 20; i++) {
      KeyPair pair = generator.generateKeyPair();
      byte[] seed = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
      byte[] spki = pair.getPublic().getEncoded();
      byte[] expected =
          Arrays.copyOfRange(spki, spki.length - Ed25519.PUBLIC_KEY_BYTES, spki.length);
      assertArrayEquals(expected, Ed25519.publicKeyFromSeed(seed), HexFormat.of().formatHex(seed));
    }
  }

  @Test
  void signaturesVerifyOnlyForTheirMessageAndKey() {
    System.out.println("Ed25519Test seed: " + SEED);
    Random random = new Random(SEED);
    byte[] seed = new byte[Ed25519.SEED_BYTES];
    random.nextBytes(seed);
    byte[] message = new byte[100];
    random.nextBytes(message);
    PublicKey key = Ed25519.decodePublicKey(Ed25519.publicKeyFromSeed(seed)).orElseThrow();

    byte[] signature = Ed25519.sign(seed, message);
    assertEquals(Ed25519.SIGNATURE_BYTES, signature.length);
    assertArrayEquals(signature, Ed25519.sign(seed, message), "deterministic");
    assertTrue(Ed25519.verify(key, message, signature));

    byte[] otherMessage = message.clone();
    otherMessage[0] ^= 1;
    assertFalse(Ed25519.verify(key, otherMessage, signature));
    byte[] otherSeed = seed.clone();
    otherSeed[0] ^= 1;
    PublicKey otherKey =
        Ed25519.decodePublicKey(Ed25519.publicKeyFromSeed(otherSeed)).orElseThrow();
    assertFalse(Ed25519.verify(otherKey, message, signature));
  }

  @Test
  void malformedSignaturesAreFalseNotExceptions() {
    byte[] seed = new byte[Ed25519.SEED_BYTES];
    new SecureRandom().nextBytes(seed);
    PublicKey key = Ed25519.decodePublicKey(Ed25519.publicKeyFromSeed(seed)).orElseThrow();
    byte[] message = {1, 2, 3};
    byte[] rNotAPoint = new byte[64];
    rNotAPoint[0] = 2;
    byte[] sTooLarge = new byte[64];
    Arrays.fill(sTooLarge, (byte) 0xff);
    for (byte[] signature : new byte[][] {rNotAPoint, sTooLarge, new byte[63], new byte[0]}) {
      assertFalse(Ed25519.verify(key, message, signature), HexFormat.of().formatHex(signature));
    }
  }

  @Test
  void wrongLengthsAreRefusedWithTheLength() {
    IllegalArgumentException seed =
        assertThrows(IllegalArgumentException.class, () -> Ed25519.publicKeyFromSeed(new byte[33]));
    assertEquals("privateSeed.length != 32: 33", seed.getMessage());
    IllegalArgumentException publicKey =
        assertThrows(IllegalArgumentException.class, () -> Ed25519.decodePublicKey(new byte[0]));
    assertEquals("publicKey.length != 32: 0", publicKey.getMessage());
  }
}

package io.simplenet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClientIdTest {
  private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);
  private static final BigInteger MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
  private static final long SEED = 0x5eed_c11e_47L;

  @Test
  void edgeValuesRoundTripThroughEveryForm() {
    for (BigInteger value : List.of(BigInteger.ZERO, BigInteger.ONE, TWO_TO_64, MAX)) {
      assertRoundTrips(ClientId.of(value), value);
    }
  }

  @Test
  void seededRandomValuesRoundTripThroughEveryForm() {
    System.out.println("ClientIdTest seed: " + SEED);
    Random random = new Random(SEED);
    for (int i = 0; i < 1_000; i++) {
      ClientId id = ClientId.fromBits(random.nextLong(), random.nextLong());
      BigInteger expected =
          new BigInteger(Long.toUnsignedString(id.highBits()))
              .shiftLeft(64)
              .add(new BigInteger(Long.toUnsignedString(id.lowBits())));
      assertRoundTrips(id, expected);
    }
  }

  @Test
  void secureRandomIdsRoundTripAndDiffer() {
    ClientId first = ClientId.random();
    ClientId second = ClientId.random();
    assertRoundTrips(first, first.toBigInteger());
    assertNotEquals(first, second); // a 2^-128 chance of a false failure
  }

  @Test
  void byteFormsMatchTheSeedCrateLayout() {
    // u128 2^64 in bincode is FE followed by these 16 little-endian bytes.
    ClientId twoTo64 = ClientId.of(TWO_TO_64);
    assertEquals("00000000000000000100000000000000", hex(twoTo64.toLittleEndian()));
    assertEquals("00000000000000010000000000000000", hex(twoTo64.toBigEndian()));
    assertEquals("7b000000000000000000000000000000", hex(ClientId.of(123).toLittleEndian()));
    assertEquals(ClientId.of(123), ClientId.fromBits(0, 123));
    assertEquals(1L, twoTo64.highBits());
    assertEquals(0L, twoTo64.lowBits());
  }

  @Test
  void ordersAsUnsigned() {
    List<ClientId> ascending =
        List.of(
            ClientId.of(0),
            ClientId.of(Long.MAX_VALUE),
            ClientId.fromBits(0, -1L), // 2^64 - 1: negative as a signed long
            ClientId.of(TWO_TO_64),
            ClientId.fromBits(Long.MAX_VALUE, -1L),
            ClientId.fromBits(Long.MIN_VALUE, 0),
            ClientId.of(MAX));
    for (int i = 0; i + 1 < ascending.size(); i++) {
      ClientId lower = ascending.get(i);
      ClientId higher = ascending.get(i + 1);
      assertTrue(lower.compareTo(higher) < 0, lower + " < " + higher);
      assertTrue(higher.compareTo(lower) > 0, higher + " > " + lower);
      assertTrue(lower.toBigInteger().compareTo(higher.toBigInteger()) < 0);
    }
    List<ClientId> shuffled = new ArrayList<>(ascending);
    Collections.shuffle(shuffled, new Random(SEED));
    Collections.sort(shuffled);
    assertEquals(ascending, shuffled);
  }

  @Test
  void printsUnsignedDecimal() {
    assertEquals("18446744073709551615", ClientId.fromBits(0, -1L).toString());
    assertEquals("340282366920938463463374607431768211455", ClientId.of(MAX).toString());
    assertEquals("0", ClientId.of(0).toString());
  }

  @Test
  void refusesOutOfRangeValuesNamingThem() {
    IllegalArgumentException negative =
        assertThrows(IllegalArgumentException.class, () -> ClientId.of(-1L));
    assertEquals("value < 0: -1", negative.getMessage());
    IllegalArgumentException tooBig =
        assertThrows(IllegalArgumentException.class, () -> ClientId.of(MAX.add(BigInteger.ONE)));
    assertEquals("value not in [0, 2^128): " + MAX.add(BigInteger.ONE), tooBig.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ClientId.of(BigInteger.valueOf(-1)));
  }

  @Test
  void parseRefusesAnythingButUnsignedDecimalDigits() {
    for (String bad : List.of("", "-0", "+1", "1_000", " 1", "0x10", "١", "1e3")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> ClientId.parse(bad), bad);
      assertEquals("not an unsigned decimal number: \"" + bad + "\"", e.getMessage());
    }
    assertThrows(
        IllegalArgumentException.class, () -> ClientId.parse(MAX.add(BigInteger.ONE).toString()));
    assertEquals(ClientId.of(7), ClientId.parse("007"));
  }

  @Test
  void byteFormsRefuseWrongLengths() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ClientId.fromLittleEndian(new byte[15]));
    assertEquals("bytes.length != 16: 15", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ClientId.fromBigEndian(new byte[17]));
  }

  private static void assertRoundTrips(ClientId id, BigInteger value) {
    assertEquals(value, id.toBigInteger());
    assertEquals(value.toString(), id.toString());
    assertEquals(id, ClientId.of(value));
    assertEquals(id, ClientId.parse(id.toString()));
    assertEquals(id, ClientId.fromLittleEndian(id.toLittleEndian()));
    assertEquals(id, ClientId.fromBigEndian(id.toBigEndian()));
    assertEquals(id, ClientId.fromBits(id.highBits(), id.lowBits()));
    assertEquals(id.hashCode(), ClientId.of(value).hashCode());
    assertEquals(0, id.compareTo(ClientId.of(value)));
    byte[] bigEndian = id.toBigEndian();
    byte[] reversed = new byte[ClientId.BYTES];
    for (int i = 0; i < ClientId.BYTES; i++) {
      reversed[i] = bigEndian[ClientId.BYTES - 1 - i];
    }
    assertArrayEquals(reversed, id.toLittleEndian());
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}

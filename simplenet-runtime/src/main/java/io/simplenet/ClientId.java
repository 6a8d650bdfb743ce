package io.simplenet;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Identifies a client: an unsigned 128-bit integer, the seed crate's {@code u128}. Ordered and
 * printed as an unsigned number.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ClientId implements Comparable<ClientId> {
  /** The size of the byte forms, {@link #toLittleEndian} and {@link #toBigEndian}. */
  public static final int BYTES = 16;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final long high;
  private final long low;

  private ClientId(long high, long low) {
    this.high = high;
    this.low = low;
  }

  /** The id {@code value}, which must not be negative. */
  public static ClientId of(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("value < 0: " + value);
    }
    return new ClientId(0, value);
  }

  /** The id {@code value}, which must be in [0, 2^128). */
  public static ClientId of(BigInteger value) {
    Objects.requireNonNull(value, "value == null");
    if (value.signum() < 0 || value.bitLength() > 128) {
      throw new IllegalArgumentException("value not in [0, 2^128): " + value);
    }
    return new ClientId(value.shiftRight(64).longValue(), value.longValue());
  }

  /** The id whose upper and lower 64 bits are {@code high} and {@code low}, read as unsigned. */
  public static ClientId fromBits(long high, long low) {
    return new ClientId(high, low);
  }

  /** An id drawn from a {@link SecureRandom}, so that ids are hard to guess. */
  public static ClientId random() {
    return new ClientId(RANDOM.nextLong(), RANDOM.nextLong());
  }

  /** Parses the unsigned decimal form {@link #toString} writes. */
  public static ClientId parse(String decimal) {
    Objects.requireNonNull(decimal, "decimal == null");
    // BigInteger alone would also take signs ("+1", "-0") and non-ASCII digits.
    if (decimal.isEmpty() || !decimal.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("not an unsigned decimal number: \"" + decimal + "\"");
    }
    return of(new BigInteger(decimal));
  }

  /** Reads the 16-byte little-endian form, the byte order of the seed crate's wire and token. */
  public static ClientId fromLittleEndian(byte[] bytes) {
    return fromBuffer(bytes, ByteOrder.LITTLE_ENDIAN);
  }

  /** Reads the 16-byte big-endian form. */
  public static ClientId fromBigEndian(byte[] bytes) {
    return fromBuffer(bytes, ByteOrder.BIG_ENDIAN);
  }

  private static ClientId fromBuffer(byte[] bytes, ByteOrder order) {
    Objects.requireNonNull(bytes, "bytes == null");
    if (bytes.length != BYTES) {
      throw new IllegalArgumentException("bytes.length != " + BYTES + ": " + bytes.length);
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(order);
    long first = buffer.getLong();
    long second = buffer.getLong();
    return order == ByteOrder.LITTLE_ENDIAN
        ? new ClientId(second, first)
        : new ClientId(first, second);
  }

  /** The upper 64 bits. */
  public long highBits() {
    return high;
  }

  /** The lower 64 bits. */
  public long lowBits() {
    return low;
  }

  /** This id as a non-negative {@link BigInteger}. */
  public BigInteger toBigInteger() {
    return new BigInteger(1, toBigEndian());
  }

  /** The 16-byte little-endian form. */
  public byte[] toLittleEndian() {
    return ByteBuffer.allocate(BYTES)
        .order(ByteOrder.LITTLE_ENDIAN)
        .putLong(low)
        .putLong(high)
        .array();
  }

  /** The 16-byte big-endian form. */
  public byte[] toBigEndian() {
    return ByteBuffer.allocate(BYTES).putLong(high).putLong(low).array();
  }

  /** Compares as unsigned 128-bit numbers. */
  @Override
  public int compareTo(ClientId other) {
    int byHigh = Long.compareUnsigned(high, other.high);
    return byHigh != 0 ? byHigh : Long.compareUnsigned(low, other.low);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ClientId id && id.high == high && id.low == low;
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(high) + Long.hashCode(low);
  }

  /** The unsigned decimal form, as the seed crate prints its {@code u128} ids. */
  @Override
  public String toString() {
    return high == 0 ? Long.toUnsignedString(low) : toBigInteger().toString();
  }
}

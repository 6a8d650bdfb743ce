package io.simplenet.bench;

import java.util.Random;

/** The data every one-way and round-trip message carries: {@link BenchPlan#PAYLOAD_BYTES} random bytes. */
public final class PayloadData {
  /** Fixed, so that every run and every peer sends the same bytes. */
  private static final long SEED = 6;

  private PayloadData() {}

  /** A new copy of the benchmark's data. */
  public static byte[] bytes() {
    byte[] data = new byte[BenchPlan.PAYLOAD_BYTES];
    new Random(SEED).nextBytes(data);
    return data;
  }
}

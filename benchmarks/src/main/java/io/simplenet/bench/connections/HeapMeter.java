package io.simplenet.bench.connections;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Measures this JVM's used heap after full collections, the same way every time: {@link
 * System#gc()} (a full, stop-the-world collection under G1 unless {@code
 * -XX:+ExplicitGCInvokesConcurrent}) until two readings in a row differ by less than {@link
 * #STABLE_BYTES}, at most {@link #MAX_COLLECTIONS} times. Reference processing and the cleaner
 * threads can free more after the first collection, hence the repeats.
 *
 * <p>Called from one thread at a time.
 */
final class HeapMeter {
  /** Two readings this close count as stable: well under one connection's share at 1,000. */
  static final long STABLE_BYTES = 256 * 1024;

  /** The most collections one reading takes, so that a busy JVM cannot loop forever. */
  static final int MAX_COLLECTIONS = 8;

  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private HeapMeter() {}

  /** The used heap in bytes once it is stable after full collections. */
  static long usedAfterGc() {
    long previous = Long.MAX_VALUE;
    long used = Long.MAX_VALUE;
    for (int i = 0; i < MAX_COLLECTIONS; i++) {
      System.gc();
      used = MEMORY.getHeapMemoryUsage().getUsed();
      if (Math.abs(previous - used) < STABLE_BYTES) {
        break;
      }
      previous = used;
    }
    return used;
  }
}

package io.simplenet.internal.client;

import io.simplenet.ClientConfig;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The pause before each connect retry: the fixed {@link ClientConfig#reconnectInterval()}, or a
 * uniformly random time in {@code [min, ceiling(retry)]} with a {@link ClientConfig.Backoff}.
 *
 * <p>Thread-safe if the random generator is.
 */
final class RetryDelays {
  private final ClientConfig config;
  private final RandomGenerator random;

  RetryDelays(ClientConfig config, RandomGenerator random) {
    this.config = config;
    this.random = random;
  }

  /** The pause before retry {@code retry}, counted from 0 since the last accepted connection. */
  Duration before(int retry) {
    if (config.backoff().isEmpty()) {
      return config.reconnectInterval();
    }
    ClientConfig.Backoff backoff = config.backoff().get();
    long minNanos = backoff.min().toNanos();
    long spanNanos = backoff.ceiling(retry).toNanos() - minNanos;
    return Duration.ofNanos(spanNanos == 0 ? minNanos : minNanos + random.nextLong(spanNanos + 1));
  }
}

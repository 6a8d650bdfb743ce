package io.simplenet.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.ClientConfig;
import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetryDelaysTest {
  private static final long SEED = 20_261_124L;

  @Test
  void withoutBackoffEveryPauseIsTheReconnectInterval() {
    ClientConfig config = ClientConfig.builder().reconnectInterval(Duration.ofMillis(7)).build();
    RetryDelays delays = new RetryDelays(config, new Random(SEED));
    for (int retry = 0; retry < 50; retry++) {
      assertEquals(Duration.ofMillis(7), delays.before(retry));
    }
  }

  @Test
  void backoffPausesStayWithinMinAndTheGrowingCeiling() {
    System.out.println("RetryDelaysTest: seed " + SEED);
    ClientConfig.Backoff backoff =
        new ClientConfig.Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), 2.0);
    RetryDelays delays =
        new RetryDelays(ClientConfig.builder().backoff(backoff).build(), new Random(SEED));
    for (int retry = 0; retry < 40; retry++) {
      Duration ceiling = backoff.ceiling(retry);
      Set<Duration> seen = new HashSet<>();
      for (int sample = 0; sample < 200; sample++) {
        Duration pause = delays.before(retry);
        seen.add(pause);
        assertTrue(pause.compareTo(backoff.min()) >= 0, "retry " + retry + ": " + pause);
        assertTrue(pause.compareTo(ceiling) <= 0, "retry " + retry + ": " + pause);
      }
      if (retry > 0) {
        assertTrue(seen.size() > 100, "jittered pauses differ, retry " + retry);
      }
    }
  }

  @Test
  void ceilingStartsAtMinGrowsByTheMultiplierAndStopsAtMax() {
    ClientConfig.Backoff backoff =
        new ClientConfig.Backoff(Duration.ofMillis(100), Duration.ofMillis(1000), 3.0);
    assertEquals(Duration.ofMillis(100), backoff.ceiling(0));
    assertEquals(Duration.ofMillis(300), backoff.ceiling(1));
    assertEquals(Duration.ofMillis(900), backoff.ceiling(2));
    assertEquals(Duration.ofMillis(1000), backoff.ceiling(3));
    assertEquals(Duration.ofMillis(1000), backoff.ceiling(Integer.MAX_VALUE), "no overflow");
  }

  @Test
  void aMultiplierOfOneIsAFixedPause() {
    ClientConfig.Backoff backoff =
        new ClientConfig.Backoff(Duration.ofMillis(250), Duration.ofSeconds(1), 1.0);
    RetryDelays delays =
        new RetryDelays(ClientConfig.builder().backoff(backoff).build(), new Random(SEED));
    for (int retry = 0; retry < 20; retry++) {
      assertEquals(Duration.ofMillis(250), delays.before(retry));
    }
  }

  @Test
  void theLargestBackoffStillComputes() {
    ClientConfig.Backoff backoff =
        new ClientConfig.Backoff(Duration.ofNanos(1), ClientConfig.Backoff.MAX_DELAY, 10.0);
    RetryDelays delays =
        new RetryDelays(ClientConfig.builder().backoff(backoff).build(), new Random(SEED));
    Duration pause = delays.before(1_000);
    assertTrue(pause.compareTo(ClientConfig.Backoff.MAX_DELAY) <= 0 && !pause.isNegative());
  }
}

package io.simplenet.attack;

import io.simplenet.Client;
import io.simplenet.ClientEvent;
import io.simplenet.ClientReport;
import io.simplenet.auth.AuthRequest;
import io.simplenet.testing.TestChannel;
import io.simplenet.testing.TestMessages.TestClientMsg;
import io.simplenet.testing.TestMessages.TestConnect;
import io.simplenet.testing.TestMessages.TestRequest;
import io.simplenet.testing.TestMessages.TestResponse;
import io.simplenet.testing.TestMessages.TestServerMsg;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A real {@link Client} that completes request round trips on its own thread while a test attacks
 * the same server, and records anything that goes wrong: an event other than the expected
 * response, or a round trip slower than {@link #MAX_ROUND_TRIP}.
 */
final class WellBehavedClient implements AutoCloseable {
  /** The slowest round trip the well-behaved client accepts while the server is under attack. */
  static final Duration MAX_ROUND_TRIP = Duration.ofSeconds(2);

  /** Pause between round trips: well inside the default rate limit of 10 frames per 100 ms. */
  private static final Duration PACE = Duration.ofMillis(20);

  /** Round trips at most, so the loop is bounded even if close is never called. */
  private static final int MAX_ROUND_TRIPS = 100_000;

  private final Client<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse> client;
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private final AtomicInteger roundTrips = new AtomicInteger();
  private final AtomicLong slowestNanos = new AtomicLong();
  private final Thread thread;
  private volatile boolean stopping;

  /** Connects with {@code auth} and starts the round trips once connected. */
  WellBehavedClient(URI url, AuthRequest auth) throws InterruptedException {
    client =
        Client.builder(TestChannel.SPEC).url(url).auth(auth).connectMessage(new TestConnect("good")).build();
    ClientEvent<TestServerMsg, TestResponse> first = client.poll(MAX_ROUND_TRIP.multipliedBy(5));
    if (!(first instanceof ClientEvent.Report<?, ?> report
        && report.report() instanceof ClientReport.Connected)) {
      throw new AssertionError("the well-behaved client did not connect: " + first);
    }
    thread = new Thread(this::run, "well-behaved-client");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    try {
      for (int i = 0; i < MAX_ROUND_TRIPS && !stopping; i++) {
        long start = System.nanoTime();
        client.request(new TestRequest(i));
        ClientEvent<TestServerMsg, TestResponse> event = client.poll(MAX_ROUND_TRIP);
        long nanos = System.nanoTime() - start;
        slowestNanos.accumulateAndGet(nanos, Math::max);
        if (!(event instanceof ClientEvent.Response<TestServerMsg, TestResponse> response
            && response.response().equals(new TestResponse(2L * i)))) {
          problems.add("round trip " + i + ": " + event + " after " + Duration.ofNanos(nanos));
          return;
        }
        roundTrips.incrementAndGet();
        LockSupport.parkNanos(PACE.toNanos());
      }
    } catch (InterruptedException e) {
      problems.add("interrupted");
    } catch (RuntimeException e) {
      problems.add("failed: " + e);
    }
  }

  /**
   * Waits for at least {@code count} more round trips (so the client was served during the attack),
   * then asserts that nothing went wrong.
   */
  void assertUnharmed(int count) {
    int target = roundTrips.get() + count;
    long end = System.nanoTime() + MAX_ROUND_TRIP.toNanos() * (count + 1);
    while (roundTrips.get() < target && problems.isEmpty() && System.nanoTime() < end) {
      LockSupport.parkNanos(1_000_000);
    }
    if (!problems.isEmpty()) {
      throw new AssertionError("the well-behaved client was harmed: " + problems);
    }
    if (roundTrips.get() < target) {
      throw new AssertionError("the well-behaved client stalled at " + roundTrips.get() + " round trips");
    }
    Duration slowest = Duration.ofNanos(slowestNanos.get());
    if (slowest.compareTo(MAX_ROUND_TRIP) > 0) {
      throw new AssertionError("a round trip took " + slowest + " > " + MAX_ROUND_TRIP);
    }
  }

  @Override
  public void close() throws InterruptedException {
    stopping = true;
    thread.join(MAX_ROUND_TRIP.multipliedBy(2).toMillis());
    client.close();
  }
}

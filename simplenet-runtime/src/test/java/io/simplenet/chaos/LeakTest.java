package io.simplenet.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.UnixOperatingSystemMXBean;
import io.simplenet.ClientEvent;
import io.simplenet.ClientId;
import io.simplenet.RequestSignal;
import io.simplenet.ServerEvent;
import io.simplenet.internal.wire.WriterThreads;
import io.simplenet.testing.FaultProxy.Cut;
import io.simplenet.testing.TestMessages.TestRequest;
import io.simplenet.testing.TestMessages.TestResponse;
import io.simplenet.testing.TestServers;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * 100 cycles of connecting clients through the proxy, traffic, a fault, recovery and close, with a
 * server restart on the same port every {@link #RESTART_EVERY} cycles, leave no thread, socket or
 * memory behind: once everything is closed, the process is back to its state after a few warm-up
 * cycles, within stated slacks.
 */
class LeakTest {
  private static final int CYCLES = 100;
  private static final int CLIENTS = 2;
  private static final int RESTART_EVERY = 25;

  /** Warm-up cycles: one of each fault. */
  private static final int WARM_UP = 4;

  /**
   * Threads beyond the baseline allowed afterwards, besides the threads of the pools all clients
   * share, which start threads on demand and keep them: those are checked against their bounds.
   */
  private static final int THREAD_SLACK = 4;

  /** Name prefixes of the clients' shared pools, with their sizes (see TyrusClient, Connection). */
  private static final Map<String, Integer> SHARED_POOLS =
      Map.of(
          "simplenet-client-connect-", 16,
          "simplenet-client-worker", Math.max(4, 2 * Runtime.getRuntime().availableProcessors()),
          "simplenet-client-writer-", WriterThreads.MAX_THREADS);

  /** Open file descriptors beyond the baseline allowed afterwards (JIT, class loading, logs). */
  private static final long FD_SLACK = 16;

  /** Heap growth allowed after GC: 100 leaked cycles of clients, servers and buffers exceed it. */
  private static final long HEAP_SLACK_BYTES = 32L << 20;

  /** How long closed things may take to release their threads and sockets. */
  private static final Duration SETTLE = Duration.ofSeconds(20);

  private static final int MAX_EVENTS_SKIPPED = 10_000;

  @Test
  void aHundredFaultCyclesLeaveNoThreadSocketOrMemoryBehind() throws Exception {
    runCycles(WARM_UP); // lazily created pools and classes exist from here on
    Snapshot before = Snapshot.take();
    long start = System.nanoTime();
    runCycles(CYCLES);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    Snapshot after = awaitSettled(before);
    System.out.printf(
        "LeakTest: %d cycles in %d ms; threads %d -> %d, fds %d -> %d, heap %d MB -> %d MB%n",
        CYCLES,
        took.toMillis(),
        before.threads.size(),
        after.threads.size(),
        before.fds,
        after.fds,
        before.heapBytes >> 20,
        after.heapBytes >> 20);
    assertTrue(
        after.threads.size() <= before.threads.size() + THREAD_SLACK,
        "threads " + before.threads + " -> " + after.threads);
    after.sharedPoolThreads.forEach(
        (pool, count) ->
            assertTrue(count <= SHARED_POOLS.get(pool), pool + " has " + count + " threads"));
    assertTrue(after.fds <= before.fds + FD_SLACK, "fds " + before.fds + " -> " + after.fds);
    assertTrue(
        after.heapBytes <= before.heapBytes + HEAP_SLACK_BYTES,
        "heap " + before.heapBytes + " -> " + after.heapBytes);
  }

  /** A rig with {@code cycles} cycles, then closed; its server and proxy must be gone after. */
  private static void runCycles(int cycles) throws InterruptedException {
    try (ChaosRig rig = new ChaosRig()) {
      for (int i = 0; i < cycles; i++) {
        if (i > 0 && i % RESTART_EVERY == 0) {
          rig.stopServer();
          rig.startServerAgain();
        }
        cycle(rig, i);
      }
    }
  }

  private static void cycle(ChaosRig rig, int cycle) throws InterruptedException {
    List<RecordedClient> clients = new ArrayList<>();
    try {
      for (int c = 0; c < CLIENTS; c++) {
        RecordedClient client =
            new RecordedClient(rig.url(), ClientId.of(c + 1), ChaosRig.CLIENT_CONFIG);
        clients.add(client);
        rig.awaitConnected(client);
        rig.roundTrip(client, cycle);
      }
      int acceptedBefore = rig.proxy().acceptedCount();
      int reconnects =
          switch (cycle % 4) {
            case 0 -> {
              rig.proxy().cutAll(Cut.RESET);
              yield CLIENTS;
            }
            case 1 -> {
              rig.proxy().cutAll(Cut.FIN);
              yield CLIENTS;
            }
            case 2 -> {
              // Ends one link, the one whose frame comes next: this request or a heartbeat.
              rig.proxy().dropMidFrame();
              clients.get(0).client.request(new TestRequest(cycle));
              yield 1;
            }
            default -> {
              stalledRoundTrip(rig, clients.get(0), cycle);
              yield 0;
            }
          };
      awaitRecovered(rig, clients, acceptedBefore + reconnects);
      for (RecordedClient client : clients) {
        rig.roundTrip(client, cycle);
      }
    } finally {
      clients.forEach(RecordedClient::close);
    }
    TestServers.awaitTrue(
        () -> rig.server().connectionCount() == 0 && rig.proxy().connectionCount() == 0,
        RecordedClient.WAIT,
        "cycle " + cycle + ": every connection closed");
    skipServerEvents(rig);
  }

  /** A request held by a stalled link, which is answered once the link resumes. */
  private static void stalledRoundTrip(ChaosRig rig, RecordedClient client, int cycle)
      throws InterruptedException {
    rig.proxy().stallAll();
    RequestSignal signal = client.client.request(new TestRequest(cycle));
    rig.proxy().resume();
    var request = TestServers.next(rig.server(), ServerEvent.Request.class, client.id());
    assertTrue(rig.server().respond(request.token(), new TestResponse(cycle)));
    assertEquals(new ClientEvent.Response<>(new TestResponse(cycle), signal.id()), client.next());
  }

  /**
   * Waits until the proxy has accepted {@code accepted} connections in all (the reconnects of the
   * faulted links), every client is connected again and the server has them all.
   */
  private static void awaitRecovered(ChaosRig rig, List<RecordedClient> clients, int accepted) {
    TestServers.awaitTrue(
        () -> {
          clients.forEach(RecordedClient::drain);
          return rig.proxy().acceptedCount() >= accepted
              && clients.stream().allMatch(c -> c.client.isConnected())
              && rig.server().connectionCount() == clients.size();
        },
        RecordedClient.WAIT,
        "clients reconnected");
    skipServerEvents(rig);
  }

  /** Consumes the server's Connected and Disconnected events of the faults. */
  private static void skipServerEvents(ChaosRig rig) {
    for (int i = 0; i < MAX_EVENTS_SKIPPED && rig.server().next() != null; i++) {
      // skipped
    }
  }

  /** Waits until threads and descriptors are back within their slack; the snapshot then. */
  private static Snapshot awaitSettled(Snapshot before) {
    long end = System.nanoTime() + SETTLE.toNanos();
    while (true) {
      Snapshot now = Snapshot.take();
      boolean settled =
          now.threads.size() <= before.threads.size() + THREAD_SLACK
              && now.fds <= before.fds + FD_SLACK
              && now.heapBytes <= before.heapBytes + HEAP_SLACK_BYTES;
      if (settled || System.nanoTime() > end) {
        return now;
      }
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
  }

  /** Live threads (names, minus the shared pools'), open descriptors, heap used after GC. */
  private record Snapshot(
      List<String> threads, Map<String, Integer> sharedPoolThreads, long fds, long heapBytes) {
    static Snapshot take() {
      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      long heap = Long.MAX_VALUE;
      for (int i = 0; i < 3; i++) { // the least of a few collections: GC is not exact
        System.gc();
        heap = Math.min(heap, memory.getHeapMemoryUsage().getUsed());
      }
      List<String> threads = new ArrayList<>();
      Map<String, Integer> sharedPools = new HashMap<>();
      for (Thread thread : Thread.getAllStackTraces().keySet()) {
        String pool =
            SHARED_POOLS.keySet().stream()
                .filter(thread.getName()::startsWith)
                .findFirst()
                .orElse(null);
        if (pool != null) {
          sharedPools.merge(pool, 1, Integer::sum);
        } else {
          threads.add(thread.getName());
        }
      }
      threads.sort(null);
      long fds =
          ((UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
              .getOpenFileDescriptorCount();
      return new Snapshot(threads, sharedPools, fds, heap);
    }
  }
}

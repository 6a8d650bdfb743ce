package io.simplenet.internal.wire;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run {@link OutboundQueue} drain tasks: a few daemon threads, started on demand
 * and stopped after {@link #KEEP_ALIVE_SECONDS} idle, so idle connections cost none. A connection
 * has at most one drain task queued, so the task queue is bounded by the connection count.
 */
public final class WriterThreads {
  /** Drain tasks never block and each writes a bounded amount: one thread per core, at most 4. */
  public static final int MAX_THREADS = Math.min(4, Runtime.getRuntime().availableProcessors());

  static final long KEEP_ALIVE_SECONDS = 10;

  private WriterThreads() {}

  /** A new pool whose threads are named {@code namePrefix-1}, {@code namePrefix-2}, and so on. */
  public static ExecutorService newPool(String namePrefix) {
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            MAX_THREADS,
            MAX_THREADS,
            KEEP_ALIVE_SECONDS,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            runnable -> {
              Thread thread = new Thread(runnable, namePrefix + "-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}

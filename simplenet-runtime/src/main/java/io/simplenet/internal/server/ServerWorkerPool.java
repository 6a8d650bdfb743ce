package io.simplenet.internal.server;

import org.glassfish.grizzly.threadpool.ThreadPoolConfig;

/**
 * The server transport's Grizzly worker pool: fixed at {@link #THREADS_PER_CORE} threads per core,
 * the size Grizzly picks by default. Bounded because every worker keeps a
 * 64 KiB read buffer for life, and {@link ThreadPoolConfig#defaultConfig()} (Tyrus's choice) adds a
 * thread whenever all are busy: over 2,000 threads, 14 KB a connection, in a 10,000-client connect
 * storm on 2 cores. Nothing slow of simplenet's runs on a worker: token checks run on the server's
 * auth threads. Under the leader-follower I/O strategy a worker takes over selecting while another
 * handles a read, so handlers on a direct executor that block every worker stall reads too.
 * Public for the benchmarks' raw Tyrus baseline, which runs on the same pool.
 */
public final class ServerWorkerPool {
  /** Worker threads per available core. */
  public static final int THREADS_PER_CORE = 2;

  private ServerWorkerPool() {}

  /** A fixed pool of {@link #THREADS_PER_CORE} threads per core named {@code poolName}. */
  public static ThreadPoolConfig config(String poolName) {
    int threads = THREADS_PER_CORE * Runtime.getRuntime().availableProcessors();
    return ThreadPoolConfig.defaultConfig()
        .copy()
        .setPoolName(poolName)
        .setCorePoolSize(threads)
        .setMaxPoolSize(threads);
  }
}

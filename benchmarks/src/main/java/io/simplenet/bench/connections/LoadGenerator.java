package io.simplenet.bench.connections;

import com.sun.management.UnixOperatingSystemMXBean;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;

/**
 * The connection benchmark's clients, in a JVM of their own: the process's file limit here is
 * 20,000, too few for 10,000 client sockets and 10,000 server sockets in one JVM, and the server's
 * heap is measured best without clients in it. Started once per benchmark group by {@link
 * LoadGeneratorProcess}, so that its warm-up carries over from one measurement to the next.
 *
 * <p>Arguments: {@code timeoutMillis privateSeedHex} (the seed signs the simplenet clients'
 * tokens: this is a benchmark, the issuer may live with its clients). Line protocol, parent to
 * child on stdin, child to parent on stdout (logs go to stderr), repeated for each measurement:
 *
 * <pre>
 *   parent: prepare KIND URL COUNT
 *   child:  ready                       credentials signed, nothing dialled yet
 *   parent: connect
 *   child:  connected RETRIES THREADS FDS   every client connected, after RETRIES failed attempts;
 *                                           the child's thread and open file counts
 *   parent: close
 *   child:  closed                      every client closed
 *   child:  failed REASON               instead of any reply; the child exits with status 1
 * </pre>
 *
 * Every step is bounded by {@code timeoutMillis}; the child exits when its stdin ends.
 */
public final class LoadGenerator {
  static final String PREPARE = "prepare";
  static final String READY = "ready";
  static final String CONNECT = "connect";
  static final String CONNECTED = "connected";
  static final String CLOSE = "close";
  static final String CLOSED = "closed";
  static final String FAILED = "failed";

  private LoadGenerator() {}

  public static void main(String[] args) {
    try {
      run(args);
    } catch (Exception e) {
      reply(FAILED + " " + e.toString().replace('\n', ' '));
      System.exit(1);
    }
    System.exit(0); // the clients' pools are daemon threads, but Grizzly's may not all be
  }

  private static void run(String[] args) throws Exception {
    if (args.length != 2) {
      throw new IllegalArgumentException(
          "arguments are timeoutMillis privateSeedHex: " + String.join(" ", args));
    }
    Duration timeout = Duration.ofMillis(Long.parseLong(args[0]));
    SignedTokens tokens = new SignedTokens(HexFormat.of().parseHex(args[1]));
    BufferedReader parent =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = parent.readLine(); line != null; line = parent.readLine()) {
      String[] prepare = line.split(" ");
      if (prepare.length != 4 || !prepare[0].equals(PREPARE)) {
        throw new IllegalStateException("expected " + PREPARE + " KIND URL COUNT, got: " + line);
      }
      URI url = URI.create(prepare[2]);
      int count = Integer.parseInt(prepare[3]);
      ClientFleet fleet =
          ClientKind.valueOf(prepare[1]) == ClientKind.SIMPLENET
              ? new SimplenetFleet(url, tokens.first(count))
              : new RawTyrusFleet(url, count);
      reply(READY);
      expect(parent, CONNECT);
      int retries = fleet.connectAll(timeout);
      reply(
          CONNECTED
              + " "
              + retries
              + " "
              + ManagementFactory.getThreadMXBean().getThreadCount()
              + " "
              + openFds());
      expect(parent, CLOSE);
      fleet.closeAll(timeout);
      reply(CLOSED);
    }
  }

  private static void expect(BufferedReader parent, String command) throws IOException {
    String line = parent.readLine();
    if (!command.equals(line)) {
      throw new IllegalStateException("expected " + command + " from the parent, got: " + line);
    }
  }

  private static void reply(String line) {
    System.out.println(line);
    System.out.flush();
  }

  /** Open file descriptors, sockets included; -1 where the JVM cannot tell. */
  private static long openFds() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof UnixOperatingSystemMXBean unix ? unix.getOpenFileDescriptorCount() : -1;
  }
}

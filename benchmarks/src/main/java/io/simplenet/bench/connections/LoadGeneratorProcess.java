package io.simplenet.bench.connections;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The parent's handle on one {@link LoadGenerator} child JVM: the same java executable and class
 * path as this JVM, spoken to over its stdin and stdout. Closing it ends the child, killing it if
 * need be, so a failed measurement never leaves clients behind.
 *
 * <p>Driven by the benchmark's main thread; one daemon thread reads the child's stdout.
 */
final class LoadGeneratorProcess implements AutoCloseable {
  /**
   * The child's JVM: heap enough for 10,000 clients; the serial collector, so that the clients'
   * collections take as little as possible of the two cores from the measured server; warnings
   * only, and why a connection closed itself (its keepalive), which simplenet logs at info.
   */
  static final List<String> JVM_ARGS =
      List.of(
          "-Xms3g",
          "-Xmx3g",
          "-XX:+UseSerialGC",
          "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
          "-Dorg.slf4j.simpleLogger.log.io.simplenet.internal.client.Connection=info");

  /** How long a child whose input ended, or that is killed, may take to exit. */
  private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(10);

  /** What the reader queues when the child's stdout ends. */
  private static final String STDOUT_ENDED = LoadGenerator.FAILED + " (stdout ended)";

  private final Process process;
  private final Duration timeout;
  private final Writer commands;
  private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();

  /** Failed attempts the clients retried, and the child's thread and open file counts. */
  record Usage(int retries, int threads, long fds) {}

  private LoadGeneratorProcess(Process process, Duration timeout) {
    this.process = process;
    this.timeout = timeout;
    this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader = new Thread(this::readReplies, "load-generator-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts a child whose simplenet clients sign their tokens with {@code privateSeed}.
   *
   * @param timeout bounds every step of the child and every wait for it
   */
  static LoadGeneratorProcess start(byte[] privateSeed, Duration timeout) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(
        ProcessHandle.current()
            .info()
            .command()
            .orElseThrow(() -> new IllegalStateException("this JVM's executable is unknown")));
    command.addAll(JVM_ARGS);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(LoadGenerator.class.getName());
    command.add(Long.toString(timeout.toMillis()));
    command.add(HexFormat.of().formatHex(privateSeed));
    return new LoadGeneratorProcess(
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start(),
        timeout);
  }

  /** Has the child create {@code count} clients of {@code kind} for {@code url}, undialled. */
  void prepare(ClientKind kind, URI url, int count) throws IOException, InterruptedException {
    send(LoadGenerator.PREPARE + " " + kind.name() + " " + url + " " + count);
    awaitReply(LoadGenerator.READY);
  }

  /** Tells the child to dial every client; returns at once. */
  void connect() throws IOException {
    send(LoadGenerator.CONNECT);
  }

  /** Waits until the child reports every client connected. */
  Usage awaitConnected() throws InterruptedException {
    String[] fields = awaitReply(LoadGenerator.CONNECTED).split(" ");
    return new Usage(
        Integer.parseInt(fields[1]), Integer.parseInt(fields[2]), Long.parseLong(fields[3]));
  }

  /** Tells the child to close every client and waits until it has. */
  void closeClients() throws IOException, InterruptedException {
    send(LoadGenerator.CLOSE);
    awaitReply(LoadGenerator.CLOSED);
  }

  /** Ends the child's input so that it exits; kills it if it has not within a few seconds. */
  @Override
  public void close() throws InterruptedException {
    try {
      commands.close();
    } catch (IOException e) {
      // The child is gone already: waiting below tells.
    }
    if (!process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      if (!process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("load generator " + process.pid() + " survived a kill");
      }
    }
  }

  private void send(String command) throws IOException {
    commands.write(command + "\n");
    commands.flush();
  }

  private String awaitReply(String expected) throws InterruptedException {
    String reply = replies.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (reply == null) {
      throw new IllegalStateException("load generator: no '" + expected + "' within " + timeout);
    }
    if (!reply.equals(expected) && !reply.startsWith(expected + " ")) {
      throw new IllegalStateException("load generator: expected '" + expected + "', got: " + reply);
    }
    return reply;
  }

  private void readReplies() {
    try (BufferedReader stdout =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = stdout.readLine(); line != null; line = stdout.readLine()) {
        replies.add(line);
      }
    } catch (IOException e) {
      replies.add(LoadGenerator.FAILED + " (reading stdout: " + e + ")");
    } finally {
      replies.add(STDOUT_ENDED);
    }
  }
}

package io.simplenet.chaos;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.simplenet.Client;
import io.simplenet.ClientConfig;
import io.simplenet.ClientEvent;
import io.simplenet.ClientId;
import io.simplenet.ClientReport;
import io.simplenet.auth.AuthRequest;
import io.simplenet.testing.RawClient;
import io.simplenet.testing.TestChannel;
import io.simplenet.testing.TestMessages.TestClientMsg;
import io.simplenet.testing.TestMessages.TestConnect;
import io.simplenet.testing.TestMessages.TestRequest;
import io.simplenet.testing.TestMessages.TestResponse;
import io.simplenet.testing.TestMessages.TestServerMsg;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real {@link Client} of the test channel that records every event the test consumed, in order,
 * and waits for events with deadlines. Used from the test thread only.
 */
final class RecordedClient implements AutoCloseable {
  /** How long any single wait may take before the test fails: only catches hangs. */
  static final Duration WAIT = RawClient.WAIT;

  final Client<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse> client;
  final List<ClientEvent<TestServerMsg, TestResponse>> events = new ArrayList<>();

  RecordedClient(URI url, ClientId id, ClientConfig config) {
    client =
        Client.builder(TestChannel.SPEC)
            .url(url)
            .auth(new AuthRequest.None(id))
            .connectMessage(new TestConnect("chaos"))
            .config(config)
            .build();
  }

  ClientId id() {
    return client.id();
  }

  /** The next event, within {@link #WAIT}. */
  ClientEvent<TestServerMsg, TestResponse> next() throws InterruptedException {
    return poll(WAIT);
  }

  /** The next event within {@code timeout}, recorded; fails if none came. */
  ClientEvent<TestServerMsg, TestResponse> poll(Duration timeout) throws InterruptedException {
    ClientEvent<TestServerMsg, TestResponse> event = client.poll(timeout);
    if (event == null) {
      throw new AssertionError(id() + ": no client event within " + timeout + "; had " + events);
    }
    events.add(event);
    return event;
  }

  /** Records every event already waiting, without blocking. */
  void drain() {
    for (var event = client.next(); event != null; event = client.next()) {
      events.add(event);
    }
  }

  /** The next event, which must be a report of {@code type}. */
  <R extends ClientReport> R nextReport(Class<R> type) throws InterruptedException {
    var event = next();
    var report = assertInstanceOf(ClientEvent.Report.class, event, id() + ": " + event);
    return assertInstanceOf(type, report.report(), id() + ": " + event);
  }

  /** Consumes events (recording them) until a report of {@code type}, within {@link #WAIT}. */
  <R extends ClientReport> R awaitReport(Class<R> type) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      var event = client.poll(Duration.ofNanos(Math.max(0, left)));
      if (event == null) {
        throw new AssertionError(id() + ": no " + type.getSimpleName() + " within " + WAIT
            + "; had " + events);
      }
      events.add(event);
      if (event instanceof ClientEvent.Report<?, ?> report && type.isInstance(report.report())) {
        return type.cast(report.report());
      }
    }
  }

  /** The reports among the recorded events, in order. */
  List<ClientReport> reports() {
    List<ClientReport> reports = new ArrayList<>();
    for (var event : events) {
      if (event instanceof ClientEvent.Report<?, ?> report) {
        reports.add(report.report());
      }
    }
    return reports;
  }

  /** Closes the client and consumes its events through IsDead. */
  @Override
  public void close() {
    client.close();
    try {
      if (!reports().stream().anyMatch(ClientReport.IsDead.class::isInstance)) {
        awaitReport(ClientReport.IsDead.class);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package io.simplenet.load;

import io.simplenet.Client;
import io.simplenet.ClientEvent;
import io.simplenet.ClientReport;
import io.simplenet.MessageStatus;
import io.simplenet.RequestSignal;
import io.simplenet.RequestStatus;
import io.simplenet.testing.TestMessages.TestClientMsg;
import io.simplenet.testing.TestMessages.TestConnect;
import io.simplenet.testing.TestMessages.TestRequest;
import io.simplenet.testing.TestMessages.TestResponse;
import io.simplenet.testing.TestMessages.TestServerMsg;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One real {@link Client} of the load test and what it counted: messages and requests it sent,
 * messages and responses it received, the requests still unanswered, and anything unexpected.
 *
 * <p>Thread-safe: every method is synchronized, so the scheduler's ticks and the test thread's
 * drains may interleave.
 */
final class LoadClient {
  private final Client<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse> client;

  /** Request id to the value it carried: the response must echo it, exactly once. */
  private final Map<Long, Long> unanswered = new HashMap<>();

  private final List<String> problems = new ArrayList<>();
  private final List<ClientReport> reports = new ArrayList<>();
  private long messagesSent;
  private long requestsSent;
  private long messagesReceived;
  private long responsesReceived;

  LoadClient(Client<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse> client) {
    this.client = client;
  }

  Client<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse> client() {
    return client;
  }

  /** Drains what arrived, then sends one message and one request carrying {@code value}. */
  synchronized void tick() {
    drain();
    long value = messagesSent;
    if (client.send(new TestClientMsg(value)).status() == MessageStatus.FAILED) {
      problems.add("message " + value + " failed at once");
    }
    messagesSent++;
    RequestSignal signal = client.request(new TestRequest(value));
    if (signal.status() == RequestStatus.SEND_FAILED) {
      problems.add("request " + value + " failed at once");
    }
    unanswered.put(signal.id(), value);
    requestsSent++;
  }

  /** Consumes every waiting event without blocking. */
  synchronized void drain() {
    for (ClientEvent<TestServerMsg, TestResponse> event = client.next();
        event != null;
        event = client.next()) {
      if (event instanceof ClientEvent.Msg<TestServerMsg, TestResponse>) {
        messagesReceived++;
      } else if (event instanceof ClientEvent.Response<TestServerMsg, TestResponse> response) {
        Long value = unanswered.remove(response.requestId());
        if (value == null || value != response.response().value()) {
          problems.add("response " + response + " to request value " + value);
        }
        responsesReceived++;
      } else if (event instanceof ClientEvent.Report<TestServerMsg, TestResponse> report) {
        reports.add(report.report());
      } else {
        problems.add("unexpected event " + event);
      }
    }
  }

  synchronized long messagesSent() {
    return messagesSent;
  }

  synchronized long requestsSent() {
    return requestsSent;
  }

  synchronized long messagesReceived() {
    return messagesReceived;
  }

  synchronized long responsesReceived() {
    return responsesReceived;
  }

  synchronized int unanswered() {
    return unanswered.size();
  }

  /** Every connection report so far, in order. */
  synchronized List<ClientReport> reports() {
    return List.copyOf(reports);
  }

  synchronized List<String> problems() {
    return List.copyOf(problems);
  }

  @Override
  public synchronized String toString() {
    return client.id()
        + "{sent="
        + messagesSent
        + "/"
        + requestsSent
        + ", received="
        + messagesReceived
        + "/"
        + responsesReceived
        + ", unanswered="
        + unanswered.size()
        + ", reports="
        + reports
        + ", problems="
        + problems
        + "}";
  }
}

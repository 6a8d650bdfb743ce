package io.simplenet.internal.server;

import io.simplenet.ClientId;
import io.simplenet.RequestToken;
import io.simplenet.internal.wire.ServerFrame;
import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The runtime's {@link RequestToken}: answers its request once, through the connection's ordered
 * outbound queue; rejects it when garbage-collected unanswered, once it has left the runtime's hands
 * ({@link #rejectWhenCollected}).
 *
 * <p>Thread-safe.
 */
public final class PendingRequest<REQ, SM, RESP> implements RequestToken {
  private static final Cleaner CLEANER =
      Cleaner.create(
          runnable -> {
            Thread thread = new Thread(runnable, "simplenet-request-cleaner");
            thread.setDaemon(true);
            return thread;
          });

  private final Connection<?, ?, REQ, SM, RESP> connection;
  private final long requestId;
  private final REQ request;
  private final AtomicBoolean answered = new AtomicBoolean();
  /** Null until {@link #rejectWhenCollected}: a handler that answers at once never registers. */
  private volatile Cleaner.Cleanable cleanable;

  PendingRequest(Connection<?, ?, REQ, SM, RESP> connection, long requestId, REQ request) {
    this.connection = connection;
    this.requestId = requestId;
    this.request = request;
  }

  /**
   * Rejects the request when this token is garbage-collected unanswered. Called, with the token
   * still reachable, when it leaves the runtime: polled by the application, or kept by a handler
   * that returned without answering. Not registering earlier spares the {@link Cleaner} a
   * registration per request that is answered inside its handler.
   */
  void rejectWhenCollected() {
    if (answered.get()) {
      return;
    }
    Cleaner.Cleanable registered =
        CLEANER.register(this, new RejectWhenCollected<>(connection, requestId, answered));
    cleanable = registered;
    // answer() on another thread set answered before reading cleanable, we wrote cleanable before
    // reading answered: one of us sees the other, so an answered token never stays registered.
    if (answered.get()) {
      registered.clean();
    }
  }

  /** The request this token answers. */
  public REQ request() {
    return request;
  }

  /** Whether {@code server} issued this token. */
  public boolean isFrom(ServerCore<?, ?, ?, ?, ?> server) {
    return connection.server() == server;
  }

  /**
   * Sends {@code answer} (a response, ack or reject for {@link #requestId}); false if the connection
   * has ended and the answer was dropped.
   *
   * @throws IllegalStateException if the request was already answered
   */
  public boolean answer(ServerFrame<SM, RESP> answer) {
    if (!answered.compareAndSet(false, true)) {
      throw new IllegalStateException("request already answered: " + this);
    }
    try {
      return connection.send(answer);
    } finally {
      Cleaner.Cleanable registered = cleanable;
      if (registered != null) {
        registered.clean(); // the reject-on-collect action now does nothing; unregister it early
      }
    }
  }

  /** Rejects the request unless it was answered: used when the application's handler threw. */
  void rejectIfUnanswered() {
    Cleaner.Cleanable registered = cleanable;
    if (registered != null) {
      registered.clean();
    } else {
      new RejectWhenCollected<>(connection, requestId, answered).run();
    }
  }

  @Override
  public ClientId clientId() {
    return connection.clientId();
  }

  @Override
  public long requestId() {
    return requestId;
  }

  @Override
  public boolean isDestinationDead() {
    return connection.isClosed();
  }

  @Override
  public boolean isAnswered() {
    return answered.get();
  }

  @Override
  public String toString() {
    return "RequestToken[client " + clientId() + ", request " + Long.toUnsignedString(requestId) + "]";
  }

  /** Holds what a reject needs, and never the token itself, which would keep it reachable. */
  private record RejectWhenCollected<SM, RESP>(
      Connection<?, ?, ?, SM, RESP> connection, long requestId, AtomicBoolean answered)
      implements Runnable {
    @Override
    public void run() {
      if (answered.compareAndSet(false, true)) {
        connection.send(new ServerFrame.Reject<>(requestId));
      }
    }
  }
}

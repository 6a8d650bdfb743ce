package io.simplenet.internal.server;

import io.simplenet.ServerEvent;
import io.simplenet.ServerHandler;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's events, in order, for the application to poll or for a handler on the
 * application's executor. Bounded (softly: concurrent offers may overshoot by a few) except for
 * Disconnected events, which must never be lost. Counts the Connected events the application has
 * consumed, which gates sends (the seed crate's rule).
 *
 * <p>Thread-safe.
 */
final class EventQueue<C, CM, REQ> {
  private static final Logger log = LoggerFactory.getLogger(EventQueue.class);

  /** Events handled per executor task, so that one busy server does not hog a shared executor. */
  private static final int DISPATCH_BATCH = 256;

  private final int capacity;
  private final ServerHandler<C, CM, REQ> handler;
  private final Executor executor;
  private final LinkedBlockingQueue<ServerEvent<C, CM, REQ>> queue = new LinkedBlockingQueue<>();
  private final AtomicLong consumedConnected = new AtomicLong();
  private final AtomicBoolean dispatching = new AtomicBoolean();

  /** @param handler null if the application polls */
  EventQueue(int capacity, ServerHandler<C, CM, REQ> handler, Executor executor) {
    this.capacity = capacity;
    this.handler = handler;
    this.executor = executor;
  }

  /** Whether an {@link #offer} would succeed now. */
  boolean hasRoom() {
    return queue.size() < capacity;
  }

  /** Queues {@code event} unless the queue is full. */
  boolean offer(ServerEvent<C, CM, REQ> event) {
    if (!hasRoom()) {
      return false;
    }
    add(event);
    return true;
  }

  /** Queues {@code event} whatever the bound. */
  void add(ServerEvent<C, CM, REQ> event) {
    queue.add(event);
    if (handler != null) {
      scheduleDispatch();
    }
  }

  /** The next event, or null if there is none. */
  ServerEvent<C, CM, REQ> next() {
    requirePolling();
    return polled(queue.poll());
  }

  /** The next event, waiting up to {@code timeout}; null if none came. */
  ServerEvent<C, CM, REQ> poll(Duration timeout) throws InterruptedException {
    requirePolling();
    return polled(queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS));
  }

  /** How many Connected events the application has taken. */
  long consumedConnected() {
    return consumedConnected.get();
  }

  /** {@code event} handed to the application, which may drop a request's token unanswered. */
  private ServerEvent<C, CM, REQ> polled(ServerEvent<C, CM, REQ> event) {
    if (event instanceof ServerEvent.Request<C, CM, REQ> request) {
      ((PendingRequest<?, ?, ?>) request.token()).rejectWhenCollected();
    }
    return consumed(event);
  }

  private ServerEvent<C, CM, REQ> consumed(ServerEvent<C, CM, REQ> event) {
    if (event instanceof ServerEvent.Connected) {
      consumedConnected.incrementAndGet();
    }
    return event;
  }

  private void requirePolling() {
    if (handler != null) {
      throw new IllegalStateException("this server delivers events to its handler");
    }
  }

  private void scheduleDispatch() {
    if (!dispatching.compareAndSet(false, true)) {
      return;
    }
    try {
      executor.execute(this::dispatch);
    } catch (RejectedExecutionException e) {
      dispatching.set(false);
      log.error("the handler's executor refused a task; {} events wait", queue.size(), e);
    }
  }

  private void dispatch() {
    for (int i = 0; i < DISPATCH_BATCH; i++) {
      ServerEvent<C, CM, REQ> event = queue.poll();
      if (event == null) {
        dispatching.set(false);
        // An event added after the poll and before the flag cleared found dispatching still set.
        if (!queue.isEmpty()) {
          scheduleDispatch();
        }
        return;
      }
      deliver(consumed(event));
    }
    dispatching.set(false);
    scheduleDispatch();
  }

  private void deliver(ServerEvent<C, CM, REQ> event) {
    try {
      if (event instanceof ServerEvent.Connected<C, CM, REQ> connected) {
        handler.onConnected(connected.clientId(), connected.env(), connected.connect());
      } else if (event instanceof ServerEvent.Disconnected<C, CM, REQ> disconnected) {
        handler.onDisconnected(disconnected.clientId());
      } else if (event instanceof ServerEvent.Msg<C, CM, REQ> message) {
        handler.onMessage(message.clientId(), message.message());
      } else {
        ServerEvent.Request<C, CM, REQ> request = (ServerEvent.Request<C, CM, REQ>) event;
        handler.onRequest(request.clientId(), request.token(), request.request());
        // Most handlers answer before returning; one that kept the token may still drop it.
        ((PendingRequest<?, ?, ?>) request.token()).rejectWhenCollected();
      }
    } catch (RuntimeException e) {
      log.warn("the server handler threw on {}", event.getClass().getSimpleName(), e);
      if (event instanceof ServerEvent.Request<C, CM, REQ> request) {
        ((PendingRequest<?, ?, ?>) request.token()).rejectIfUnanswered();
      }
    }
  }
}

package io.simplenet.internal.client;

import io.simplenet.RequestStatus;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The requests that have not had their terminal event yet, the seed crate's {@code
 * PendingRequestTracker}. Each request leaves it exactly once: through {@link #resolve} (a reply),
 * a drain (handed to the caller, which emits SendFailed or ResponseLost), or {@link #drainAll}'s
 * list of ids still sending when the client dies. Iteration is in request order, so drained events
 * are too.
 *
 * <p>Not thread-safe: {@link ClientState} guards it with its lock.
 */
final class RequestTracker {
  private final Map<Long, TrackedRequest> pending = new LinkedHashMap<>();

  /** Tracks request {@code id}, whose frame has {@code send}'s status. */
  TrackedRequest add(long id, SendState send) {
    TrackedRequest request = new TrackedRequest(id, send);
    if (pending.putIfAbsent(id, request) != null) {
      throw new IllegalStateException("request id already pending: " + Long.toUnsignedString(id));
    }
    return request;
  }

  /**
   * Removes request {@code id} on a reply and records {@code outcome}; null if it is not pending (a
   * reply for an unknown id).
   */
  TrackedRequest resolve(long id, RequestStatus outcome) {
    TrackedRequest request = pending.remove(id);
    if (request != null) {
      request.send().markSent(); // a reply proves the frame was written, even if its callback lags
      request.setOutcome(outcome);
    }
    return request;
  }

  /**
   * Removes every request whose frame is done, marks the written ones' responses lost, and hands
   * each to {@code done}; requests still sending stay for a later drain. Used when a connection
   * ends or a connect attempt fails.
   */
  void drainDone(Consumer<TrackedRequest> done) {
    Iterator<TrackedRequest> it = pending.values().iterator();
    while (it.hasNext()) {
      TrackedRequest request = it.next();
      if (request.status() != RequestStatus.SENDING) {
        it.remove();
        request.setOutcome(RequestStatus.RESPONSE_LOST);
        done.accept(request);
      }
    }
  }

  /**
   * Removes every request and marks its response lost. With {@code failSending} (a new connection:
   * frames of older ones can no longer be written) frames still sending are failed first, so every
   * request goes to {@code done}; without it (death) they are returned instead, by id.
   */
  List<Long> drainAll(boolean failSending, Consumer<TrackedRequest> done) {
    List<Long> stillSending = new ArrayList<>();
    for (TrackedRequest request : pending.values()) {
      if (failSending) {
        request.send().markFailed();
      }
      request.setOutcome(RequestStatus.RESPONSE_LOST);
      if (request.status() == RequestStatus.SENDING) {
        stillSending.add(request.id());
      } else {
        done.accept(request);
      }
    }
    pending.clear();
    return stillSending;
  }

  /** How many requests are pending. */
  int size() {
    return pending.size();
  }
}

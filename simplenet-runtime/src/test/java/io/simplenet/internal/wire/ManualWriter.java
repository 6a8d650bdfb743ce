package io.simplenet.internal.wire;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A {@link FrameWriter} whose writes complete when the test says so, in order. */
public final class ManualWriter implements FrameWriter {
  private record Pending(WireMessage frame, Consumer<Throwable> done) {}

  private final ArrayDeque<Pending> pending = new ArrayDeque<>();
  private final List<WireMessage> started = new ArrayList<>();

  @Override
  public synchronized void write(WireMessage frame, Consumer<Throwable> done) {
    started.add(frame);
    pending.add(new Pending(frame, done));
  }

  /** Writes started and not completed. */
  public synchronized int inFlight() {
    return pending.size();
  }

  /** Every frame whose write started, in order. */
  public synchronized List<WireMessage> started() {
    return List.copyOf(started);
  }

  /** Completes the oldest write successfully and returns its frame; null if none is in flight. */
  public WireMessage succeedNext() {
    return completeNext(null);
  }

  /** Fails the oldest write and returns its frame; null if none is in flight. */
  public WireMessage failNext() {
    return completeNext(new IOException("test write failure"));
  }

  private WireMessage completeNext(Throwable error) {
    Pending next;
    synchronized (this) {
      next = pending.poll();
    }
    if (next == null) {
      return null;
    }
    next.done().accept(error); // outside the lock: completion may start the next write
    return next.frame();
  }

  public static WireMessage frame(int size) {
    return new WireMessage.Binary(new byte[size]);
  }
}

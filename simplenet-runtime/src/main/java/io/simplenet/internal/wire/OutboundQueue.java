package io.simplenet.internal.wire;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's frames waiting to be written: a FIFO bounded in bytes, written one message at a
 * time through a {@link FrameWriter} so that no caller ever waits on the socket. Once batches are
 * allowed ({@link #batchUpTo}), frames that queue up go out together as one batch message
 * (docs/protocol.md §2.4). Each queued frame's {@link Completion} learns once whether it was
 * written; a frame still queued when the queue closes is not.
 *
 * <p>Coalescing: an idle connection's frame is written at once on the thread that offers it, so a
 * lone request or response pays no thread hand-off. A frame offered while the connection is busy
 * (a write in flight, a drain already scheduled, or the previous write ended less than {@link
 * #STREAMING_GAP_NANOS} ago, so the sender is evidently streaming) only queues; one drain task on
 * the {@code drainer} executor then writes everything queued meanwhile, as few batch messages as
 * the bound allows. Tyrus completes a write on the calling thread whenever the socket has room, so
 * without this almost every frame would go out alone, in its own write.
 *
 * <p>Thread-safe: frames offered from any thread are written in the order they were accepted.
 */
public final class OutboundQueue {
  private static final Logger logger = LoggerFactory.getLogger(OutboundQueue.class);
  private static final int INITIAL_CAPACITY = 2;

  /**
   * A frame offered within this time after the previous write ended waits for a drain task instead
   * of being written by its sender: a streaming sender offers its next frame within microseconds,
   * while a request/response peer's next frame comes at least a round trip later.
   */
  static final long STREAMING_GAP_NANOS = 20_000;

  /** Messages one drain task writes before it yields its thread to other connections' drains. */
  static final int WRITES_PER_DRAIN = 16;

  /** What {@link #offer} did with a frame. */
  public enum Offer {
    /** Queued: it will be written after every frame queued before it. */
    QUEUED,
    /** Refused: the queue would exceed its byte bound. */
    FULL,
    /** Refused: the queue was closed. */
    CLOSED
  }

  /** Told the outcome of one queued frame, once, on any thread. */
  @FunctionalInterface
  public interface Completion {
    /** {@code written} is true once the writer reports the frame written, false if it never is. */
    void completed(boolean written);
  }

  /** A queued frame and its completion, which runs at most once. */
  private static final class Entry {
    final WireMessage frame;
    /** {@code frame.sizeBytes()}, which is not free for text. */
    final int size;
    private final Completion completion;
    private boolean completed;

    Entry(WireMessage frame, int size, Completion completion) {
      this.frame = frame;
      this.size = size;
      this.completion = completion;
    }

    void complete(boolean written) {
      synchronized (this) {
        if (completed) {
          return;
        }
        completed = true;
      }
      completion.completed(written);
    }
  }

  private final FrameWriter writer;
  private final long maxQueuedBytes;
  private final Executor drainer;
  private final LongSupplier nanoClock;
  /** Small at first: most connections are idle or write as fast as they queue. It grows as needed. */
  private final ArrayDeque<Entry> queue = new ArrayDeque<>(INITIAL_CAPACITY);
  private long queuedBytes; // queued and in flight
  /** The frames of the message being written, or null. */
  private Entry[] inFlight;
  /** The largest batch message to write; 0 writes every frame alone. */
  private int maxBatchBytes;

  /** The thread inside {@link FrameWriter#write}, so a completion on it does not recurse. */
  private Thread writingThread;

  /** A drain task is scheduled or running: it writes what is queued, nobody else starts to. */
  private boolean drainScheduled;
  /** Until when, on {@link #nanoClock}, a flush finds the sender streaming. */
  private long streamingUntilNanos;

  private boolean closed;
  private Runnable whenDrained;

  /**
   * @param maxQueuedBytes the most bytes queued and in flight together
   * @param drainer runs the drain tasks of streaming senders (see the class comment); if it refuses
   *     one, the offering thread writes instead
   */
  public OutboundQueue(FrameWriter writer, long maxQueuedBytes, Executor drainer) {
    this(writer, maxQueuedBytes, drainer, System::nanoTime);
  }

  /** With the clock that tells a streaming sender from an idle one; for tests. */
  OutboundQueue(FrameWriter writer, long maxQueuedBytes, Executor drainer, LongSupplier nanoClock) {
    this.writer = Objects.requireNonNull(writer, "writer == null");
    if (maxQueuedBytes < 1) {
      throw new IllegalArgumentException("maxQueuedBytes < 1: " + maxQueuedBytes);
    }
    this.maxQueuedBytes = maxQueuedBytes;
    this.drainer = Objects.requireNonNull(drainer, "drainer == null");
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock == null");
    this.streamingUntilNanos = nanoClock.getAsLong();
  }

  /**
   * Lets queued frames go out as one batch message of at most {@code maxBytes} (the receiver's
   * message size limit), and so a streaming sender's frames wait for a drain; 0 turns both off.
   */
  public synchronized void batchUpTo(int maxBytes) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes < 0: " + maxBytes);
    }
    maxBatchBytes = maxBytes;
  }

  /**
   * Queues {@code frame} behind every frame accepted before it, without writing anything: call
   * {@link #flush} next, with no lock held. Refused if closed, or if it would take the queue over
   * its bound; an idle queue takes any frame, so a frame over the bound is not refused forever.
   * {@code completion} runs only for a queued frame.
   */
  public Offer offer(WireMessage frame, Completion completion) {
    Objects.requireNonNull(completion, "completion == null");
    int size = frame.sizeBytes();
    synchronized (this) {
      if (closed) {
        return Offer.CLOSED;
      }
      if (!isIdleLocked() && size > maxQueuedBytes - queuedBytes) {
        logger.debug(
            "outbound queue full ({} bytes queued, bound {}): frame of {} bytes refused",
            queuedBytes,
            maxQueuedBytes,
            size);
        return Offer.FULL;
      }
      queue.add(new Entry(frame, size, completion));
      queuedBytes += size;
      return Offer.QUEUED;
    }
  }

  /**
   * Starts writing queued frames unless a write is in flight or a drain is scheduled: on this
   * thread, or, if the sender is streaming and batches are allowed, by scheduling a drain task. It
   * may call the writer, so call it with no lock held.
   */
  public void flush() {
    boolean schedule;
    boolean drainIsLate;
    synchronized (this) {
      if (inFlight != null) {
        return;
      }
      // Half the bound queued and nothing pending at the socket: the drain is late, not the peer
      // slow. The sender writes itself, so that only a peer that stops reading meets the bound.
      drainIsLate = drainScheduled && queuedBytes > maxQueuedBytes / 2;
      if (drainScheduled && !drainIsLate) {
        return;
      }
      schedule =
          !drainIsLate
              && maxBatchBytes > 0
              && !queue.isEmpty()
              && nanoClock.getAsLong() - streamingUntilNanos < 0;
      if (schedule) {
        drainScheduled = true;
      }
    }
    if (schedule) {
      scheduleDrain();
    } else {
      // A late drain's work is done here, as by a drain: the task finds the queue empty later.
      writeQueued(drainIsLate, Integer.MAX_VALUE);
    }
  }

  private void scheduleDrain() {
    try {
      drainer.execute(this::drain);
    } catch (RejectedExecutionException e) {
      // The writer threads have stopped (their owner is shutting down): write on this thread.
      writeQueued(true, Integer.MAX_VALUE);
    }
  }

  /** The drain task: writes what is queued, then hands its thread back or reschedules itself. */
  private void drain() {
    if (writeQueued(true, WRITES_PER_DRAIN)) {
      scheduleDrain();
    }
  }

  /**
   * Writes queued messages, one at a time, until the queue is empty, a write is pending, or {@code
   * maxWrites} were written; runs the {@link #whenDrained} action if it emptied the queue. A drain
   * task ({@code asDrain}) clears {@link #drainScheduled} when it stops; any other caller stops as
   * soon as a drain is scheduled. Returns whether the drain must go on in a new task.
   */
  private boolean writeQueued(boolean asDrain, int maxWrites) {
    for (int writes = 0; ; writes++) {
      Entry[] next = null;
      Runnable drained = null;
      synchronized (this) {
        if (asDrain) {
          if (writes == maxWrites && inFlight == null && !queue.isEmpty()) {
            return true; // still scheduled
          }
        } else if (drainScheduled) {
          return false;
        }
        if (inFlight == null) {
          next = takeNextMessageLocked();
        }
        if (next == null) {
          if (asDrain) {
            drainScheduled = false;
          }
          if (inFlight != null) {
            return false; // its completion flushes again
          }
          drained = whenDrained;
          whenDrained = null;
        } else {
          inFlight = next;
          writingThread = Thread.currentThread();
        }
      }
      if (next == null) {
        if (drained != null) {
          drained.run();
        }
        return false;
      }
      write(next);
    }
  }

  private void write(Entry[] entries) {
    try {
      writer.write(message(entries), error -> written(entries, error));
    } catch (RuntimeException e) {
      written(entries, e);
    } finally {
      synchronized (this) {
        if (writingThread == Thread.currentThread()) {
          writingThread = null;
        }
      }
    }
  }

  /**
   * The head of the queue, and as many frames after it as fit in one batch of at most {@link
   * #maxBatchBytes}; null if the queue is empty. A frame over the bound goes alone, as always.
   */
  private Entry[] takeNextMessageLocked() {
    Entry first = queue.poll();
    if (first == null) {
      return null;
    }
    Entry second = queue.peek();
    if (second == null || maxBatchBytes == 0) {
      return new Entry[] {first};
    }
    boolean binary = first.frame instanceof WireMessage.Binary;
    long items = Batches.itemSize(binary, first.size);
    int count = 1;
    for (Entry entry : queue) {
      if ((entry.frame instanceof WireMessage.Binary) != binary) {
        break;
      }
      long withEntry = items + Batches.itemSize(binary, entry.size);
      if (Batches.batchSize(binary, withEntry) > maxBatchBytes) {
        break;
      }
      items = withEntry;
      count++;
    }
    Entry[] batch = new Entry[count];
    batch[0] = first;
    for (int i = 1; i < count; i++) {
      batch[i] = queue.poll();
    }
    return batch;
  }

  /** The one message that carries {@code entries}: the frame itself, or their batch. */
  private static WireMessage message(Entry[] entries) {
    if (entries.length == 1) {
      return entries[0].frame;
    }
    List<WireMessage> frames = new ArrayList<>(entries.length);
    for (Entry entry : entries) {
      frames.add(entry.frame);
    }
    return Batches.combine(frames);
  }

  /**
   * Runs {@code action} once every accepted frame has been written (at once if none is waiting),
   * or once the queue is closed. Replaces an action registered earlier and not yet run.
   */
  public void whenDrained(Runnable action) {
    Objects.requireNonNull(action, "action == null");
    synchronized (this) {
      if (!closed && !isIdleLocked()) {
        whenDrained = action;
        return;
      }
    }
    action.run();
  }

  /**
   * Refuses new frames and completes the queued ones as not written. The frame in flight, if any,
   * keeps its outcome open: the writer may still report it written.
   */
  public void close() {
    List<Entry> dropped;
    Runnable drained;
    synchronized (this) {
      closed = true;
      dropped = new ArrayList<>(queue);
      queue.clear();
      for (Entry entry : dropped) {
        queuedBytes -= entry.size;
      }
      drained = whenDrained;
      whenDrained = null;
    }
    for (Entry entry : dropped) {
      entry.complete(false);
    }
    if (drained != null) {
      drained.run();
    }
  }

  /**
   * Closes the queue and completes the frame in flight as not written too, whatever the writer
   * reports later: for an owner that must settle every frame's outcome now.
   */
  public void abandon() {
    close();
    Entry[] writing;
    synchronized (this) {
      writing = inFlight;
    }
    if (writing != null) {
      for (Entry entry : writing) {
        entry.complete(false);
      }
    }
  }

  /** Bytes queued and in flight. */
  public synchronized long queuedBytes() {
    return queuedBytes;
  }

  private boolean isIdleLocked() {
    return inFlight == null && queue.isEmpty();
  }

  private void written(Entry[] entries, Throwable error) {
    if (error != null) {
      logger.debug("frame write failed", error);
    }
    boolean onWritingThread;
    synchronized (this) {
      streamingUntilNanos = nanoClock.getAsLong() + STREAMING_GAP_NANOS;
      if (inFlight == entries) {
        inFlight = null;
        for (Entry entry : entries) {
          queuedBytes -= entry.size;
        }
      }
      onWritingThread = writingThread == Thread.currentThread();
    }
    for (Entry entry : entries) {
      entry.complete(error == null);
    }
    // On the writing thread, flush()'s loop continues by itself; recursing would grow the stack.
    if (!onWritingThread) {
      flush();
    }
  }
}

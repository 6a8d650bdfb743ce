package io.simplenet.internal.client;

import io.simplenet.internal.wire.WireMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's outbound frames: a FIFO bounded in bytes, written one at a time so that no
 * caller ever waits on the socket. A frame is {@link io.simplenet.MessageStatus#SENT} once the
 * writer reports it written, {@link io.simplenet.MessageStatus#FAILED} if the writer reports an
 * error, the queue is full, or the queue is closed before it is written.
 *
 * <p>Thread-safe.
 */
final class OutboundQueue implements FrameSink {
  /** The default bound on the bytes of frames waiting to be written. */
  static final long DEFAULT_MAX_QUEUED_BYTES = 16L << 20;

  private static final Logger logger = LoggerFactory.getLogger(OutboundQueue.class);

  private record Entry(WireMessage frame, SendState state) {}

  private final FrameWriter writer;
  private final long maxQueuedBytes;
  private final ArrayDeque<Entry> queue = new ArrayDeque<>();
  private long queuedBytes;
  private Entry inFlight;

  /** The thread inside {@link FrameWriter#write}, so a completion on it does not recurse. */
  private Thread writingThread;

  private boolean closed;

  OutboundQueue(FrameWriter writer, long maxQueuedBytes) {
    if (maxQueuedBytes < 1) {
      throw new IllegalArgumentException("maxQueuedBytes < 1: " + maxQueuedBytes);
    }
    this.writer = writer;
    this.maxQueuedBytes = maxQueuedBytes;
  }

  /**
   * Queues {@code frame}. Fails it at once if the queue is closed, or if it would take the queue
   * over its bound (a frame is always accepted by an empty queue, whatever its size).
   */
  @Override
  public SendState offer(WireMessage frame) {
    int size = frame.sizeBytes();
    synchronized (this) {
      if (closed) {
        return SendState.failed();
      }
      if (!queue.isEmpty() && queuedBytes + size > maxQueuedBytes) {
        logger.warn(
            "outbound queue full ({} bytes queued, bound {}): frame of {} bytes failed",
            queuedBytes,
            maxQueuedBytes,
            size);
        return SendState.failed();
      }
      SendState state = SendState.sending();
      queue.add(new Entry(frame, state));
      queuedBytes += size;
      return state;
    }
  }

  @Override
  public void flush() {
    while (true) {
      Entry next;
      synchronized (this) {
        if (inFlight != null || queue.isEmpty()) {
          return;
        }
        next = queue.poll();
        queuedBytes -= next.frame().sizeBytes();
        inFlight = next;
        writingThread = Thread.currentThread();
      }
      try {
        writer.write(next.frame(), error -> written(next, error));
      } catch (RuntimeException e) {
        written(next, e);
      } finally {
        synchronized (this) {
          if (writingThread == Thread.currentThread()) {
            writingThread = null;
          }
        }
      }
    }
  }

  private void written(Entry entry, Throwable error) {
    if (error == null) {
      entry.state().markSent();
    } else {
      logger.debug("frame write failed", error);
      entry.state().markFailed();
    }
    boolean onWritingThread;
    synchronized (this) {
      if (inFlight == entry) {
        inFlight = null;
      }
      onWritingThread = writingThread == Thread.currentThread();
    }
    // On the writing thread, flush()'s loop continues by itself; recursing would grow the stack.
    if (!onWritingThread) {
      flush();
    }
  }

  /**
   * Refuses new frames and fails the queued ones. The frame being written, if any, keeps its
   * outcome open: the writer may still report it written.
   */
  void close() {
    List<Entry> dropped;
    synchronized (this) {
      closed = true;
      dropped = new ArrayList<>(queue);
      queue.clear();
      queuedBytes = 0;
    }
    for (Entry entry : dropped) {
      entry.state().markFailed();
    }
  }

  /**
   * Closes the queue and fails the frame being written too: a newer connection is starting, and
   * requests of this one must be resolved before it is accepted.
   */
  void abandon() {
    close();
    Entry writing;
    synchronized (this) {
      writing = inFlight;
    }
    if (writing != null) {
      writing.state().markFailed();
    }
  }
}

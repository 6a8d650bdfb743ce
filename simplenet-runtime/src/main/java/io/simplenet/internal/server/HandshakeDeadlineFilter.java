package io.simplenet.internal.server;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.attributes.AttributeBuilder;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection the server has not answered within a deadline of accepting it, so a peer
 * that sends garbage, nothing at all, or an upgrade request a byte at a time cannot hold a socket
 * (the idle timeout alone would let a slow trickle live forever). The first write to a connection,
 * the 101 switch to WebSocket or an HTTP error, means its request was read: the connection is then
 * answered and only the idle timeout and the auth timeout apply to it.
 *
 * <p>Thread-safe: Grizzly calls it from any worker thread.
 */
final class HandshakeDeadlineFilter extends BaseFilter {
  private static final Logger log = LoggerFactory.getLogger(HandshakeDeadlineFilter.class);

  private final Attribute<Boolean> answered =
      AttributeBuilder.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(
          HandshakeDeadlineFilter.class.getName() + ".answered");
  private final ScheduledExecutorService timer;
  private final Duration deadline;

  /** Closes unanswered connections {@code deadline} after their accept, timed on {@code timer}. */
  HandshakeDeadlineFilter(ScheduledExecutorService timer, Duration deadline) {
    this.timer = timer;
    this.deadline = deadline;
  }

  @Override
  public NextAction handleAccept(FilterChainContext ctx) throws IOException {
    Connection<?> connection = ctx.getConnection();
    try {
      timer.schedule(() -> closeIfUnanswered(connection), deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      connection.closeSilently(); // the server is stopping
    }
    return ctx.getInvokeAction();
  }

  @Override
  public NextAction handleWrite(FilterChainContext ctx) throws IOException {
    answered.set(ctx.getConnection(), Boolean.TRUE);
    return ctx.getInvokeAction();
  }

  private void closeIfUnanswered(Connection<?> connection) {
    if (connection.isOpen() && !Boolean.TRUE.equals(answered.get(connection))) {
      log.debug(
          "closing {}: no WebSocket upgrade request within {} ms",
          connection.getPeerAddress(),
          deadline.toMillis());
      connection.closeSilently();
    }
  }
}

package io.simplenet.attack;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.simple.SimpleLogger;

/**
 * Captures what the runtime's server loggers write, at DEBUG, while it is open. The tests' binding,
 * slf4j-simple, writes to whatever {@code System.err} is at the time of the call; its levels are
 * fixed when a logger is created, so they are raised here by reflection and restored on close.
 * Not thread-safe; one capture at a time.
 */
final class LogCapture implements AutoCloseable {
  /** Every class of the runtime's server side that logs. */
  private static final List<String> SERVER_LOGGERS =
      List.of(
          "io.simplenet.internal.server.Connection",
          "io.simplenet.internal.server.ServerCore",
          "io.simplenet.internal.server.ServerEndpoint",
          "io.simplenet.internal.server.HandshakeDeadlineFilter",
          "io.simplenet.internal.server.EventQueue",
          "io.simplenet.internal.wire.OutboundQueue");

  /** slf4j-simple's numeric DEBUG level (org.slf4j.spi.LocationAwareLogger.DEBUG_INT). */
  private static final int DEBUG = 10;

  private final PrintStream original = System.err;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private final Map<SimpleLogger, Integer> originalLevels = new LinkedHashMap<>();

  LogCapture() {
    for (String name : SERVER_LOGGERS) {
      Logger logger = LoggerFactory.getLogger(name);
      if (!(logger instanceof SimpleLogger simple)) {
        throw new IllegalStateException("the tests' slf4j binding is not slf4j-simple: " + logger);
      }
      originalLevels.put(simple, setLevel(simple, DEBUG));
    }
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
  }

  /** Everything logged so far. */
  String text() {
    System.err.flush();
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    System.setErr(original);
    originalLevels.forEach(LogCapture::setLevel);
  }

  /** Sets {@code logger}'s level; returns the previous one. */
  private static int setLevel(SimpleLogger logger, int level) {
    try {
      Field field = SimpleLogger.class.getDeclaredField("currentLogLevel");
      field.setAccessible(true);
      int previous = field.getInt(logger);
      field.setInt(logger, level);
      return previous;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("slf4j-simple has no currentLogLevel field", e);
    }
  }
}

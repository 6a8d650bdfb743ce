package io.simplenet.internal;

import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes Tyrus's and Grizzly's java.util.logging output to SLF4J, so that a simplenet application
 * configures one logging system. Only those two logger trees are touched. Levels drop a step or
 * two: Tyrus reports a misbehaving peer (an oversized or malformed frame) at WARNING with a stack
 * trace, and a hostile peer must not be able to flood the application's warnings; simplenet logs
 * what matters itself. SEVERE maps to warn, WARNING and INFO to debug, finer levels to trace.
 */
public final class TransportLogging {
  /** The JUL logger trees bridged; the standalone Tyrus server's "java.lang.Class" is not used. */
  private static final List<String> BRIDGED = List.of("org.glassfish.tyrus", "org.glassfish.grizzly");

  /** JUL holds loggers weakly: these references keep the bridge (and its level) alive. */
  private static final List<Logger> LOGGERS = BRIDGED.stream().map(Logger::getLogger).toList();

  static {
    for (Logger logger : LOGGERS) {
      logger.setUseParentHandlers(false);
      logger.addHandler(new Slf4jHandler());
      // FINE and below would be formatted on hot paths only to be dropped; keep them off.
      logger.setLevel(Level.INFO);
    }
  }

  private TransportLogging() {}

  /** Installs the bridge; idempotent and thread-safe (the work happens once, in class init). */
  public static void install() {}

  private static final class Slf4jHandler extends Handler {
    @Override
    public void publish(LogRecord record) {
      org.slf4j.Logger logger =
          LoggerFactory.getLogger(record.getLoggerName() != null ? record.getLoggerName() : "jul");
      int level = record.getLevel().intValue();
      String message = format(record);
      Throwable thrown = record.getThrown();
      if (level >= Level.SEVERE.intValue()) {
        logger.warn(message, thrown);
      } else if (level >= Level.INFO.intValue()) {
        logger.debug(message, thrown);
      } else {
        logger.trace(message, thrown);
      }
    }

    private static String format(LogRecord record) {
      String message = record.getMessage();
      Object[] parameters = record.getParameters();
      if (message == null || parameters == null || parameters.length == 0) {
        return message;
      }
      try {
        return java.text.MessageFormat.format(message, parameters);
      } catch (IllegalArgumentException e) {
        return message;
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}

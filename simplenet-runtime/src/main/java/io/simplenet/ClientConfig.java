package io.simplenet;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link Client} connects, reconnects and checks that its connection is alive. The defaults
 * are the seed crate's: reconnect at once after a lost connection but not after the server closed
 * it, 2 s between attempts, unlimited attempts, a ping every 5 s of silence and a 10 s keepalive
 * timeout. An optional {@link Backoff} replaces the fixed interval.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ClientConfig {
  /** Whether to reconnect after losing a connection without a close frame: yes. */
  public static final boolean DEFAULT_RECONNECT_ON_DISCONNECT = true;

  /**
   * Whether to reconnect after the server closed the connection: no, so that a server shedding load
   * is not stormed by reconnects.
   */
  public static final boolean DEFAULT_RECONNECT_ON_SERVER_CLOSE = false;

  /** The pause between connect attempts (the seed overrides ezsockets' 5 s). */
  public static final Duration DEFAULT_RECONNECT_INTERVAL = Duration.ofSeconds(2);

  /** An attempt limit that never runs out, the seed crate's {@code usize::MAX}. */
  public static final int UNLIMITED_ATTEMPTS = Integer.MAX_VALUE;

  /** How often to check the connection, and ping it if it has been silent that long. */
  public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(5);

  /** How long a connection may stay silent before the client drops it. */
  public static final Duration DEFAULT_KEEPALIVE_TIMEOUT = Duration.ofSeconds(10);

  /** The seed crate's configuration. */
  public static final ClientConfig DEFAULT = builder().build();

  private final boolean reconnectOnDisconnect;
  private final boolean reconnectOnServerClose;
  private final Duration reconnectInterval;
  private final int maxInitialConnectAttempts;
  private final int maxReconnectAttempts;
  private final Duration heartbeatInterval;
  private final Duration keepaliveTimeout;
  private final Backoff backoff;

  private ClientConfig(Builder builder) {
    this.reconnectOnDisconnect = builder.reconnectOnDisconnect;
    this.reconnectOnServerClose = builder.reconnectOnServerClose;
    this.reconnectInterval = builder.reconnectInterval;
    this.maxInitialConnectAttempts = builder.maxInitialConnectAttempts;
    this.maxReconnectAttempts = builder.maxReconnectAttempts;
    this.heartbeatInterval = builder.heartbeatInterval;
    this.keepaliveTimeout = builder.keepaliveTimeout;
    this.backoff = builder.backoff;
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this configuration. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Whether to reconnect after a connection is lost without a close frame (network failure,
   * keepalive timeout) or a connect attempt fails. The first reconnect attempt after an accepted
   * connection was lost is immediate.
   */
  public boolean reconnectOnDisconnect() {
    return reconnectOnDisconnect;
  }

  /**
   * Whether to reconnect after the server closed or refused the connection; the client then waits
   * one interval first. Never after a 4400 refusal (version, query or encoding), which a retry
   * cannot fix: the client dies.
   */
  public boolean reconnectOnServerClose() {
    return reconnectOnServerClose;
  }

  /** The pause before each later attempt, unless a {@link #backoff} is set. */
  public Duration reconnectInterval() {
    return reconnectInterval;
  }

  /** How many attempts to make before the first accepted connection; then the client dies. */
  public int maxInitialConnectAttempts() {
    return maxInitialConnectAttempts;
  }

  /**
   * How many attempts to make after an accepted connection ended, until one is accepted again; then
   * the client dies.
   */
  public int maxReconnectAttempts() {
    return maxReconnectAttempts;
  }

  /** How often the client checks the connection, pinging it if nothing arrived for as long. */
  public Duration heartbeatInterval() {
    return heartbeatInterval;
  }

  /**
   * How long the connection may stay silent (no frame, ping or pong) before the client closes it
   * with {@code 1011 "remote partner is inactive"} and reports {@link ClientReport.Disconnected}.
   */
  public Duration keepaliveTimeout() {
    return keepaliveTimeout;
  }

  /** The backoff that replaces the fixed {@link #reconnectInterval}, if any. */
  public Optional<Backoff> backoff() {
    return Optional.ofNullable(backoff);
  }

  @Override
  public String toString() {
    return "ClientConfig{reconnectOnDisconnect="
        + reconnectOnDisconnect
        + ", reconnectOnServerClose="
        + reconnectOnServerClose
        + ", reconnectInterval="
        + reconnectInterval
        + ", maxInitialConnectAttempts="
        + maxInitialConnectAttempts
        + ", maxReconnectAttempts="
        + maxReconnectAttempts
        + ", heartbeatInterval="
        + heartbeatInterval
        + ", keepaliveTimeout="
        + keepaliveTimeout
        + ", backoff="
        + backoff
        + "}";
  }

  /**
   * Exponential backoff with full jitter between connect attempts. Before retry {@code n} (0 for
   * the first pause of a series of failed attempts, which restarts once a connection is accepted)
   * the client waits a uniformly random time in {@code [min, ceiling(n)]}, where {@code ceiling(n)
   * = min(max, min * multiplier^n)}. The randomness spreads the reconnects of many clients that
   * lost one server at once; the floor keeps a refusing server from being stormed.
   *
   * @param min the shortest pause and the first ceiling; positive
   * @param max the highest ceiling; at least {@code min}
   * @param multiplier how much the ceiling grows per failed attempt; at least 1
   */
  public record Backoff(Duration min, Duration max, double multiplier) {
    /** The longest {@code max}: pauses are computed in {@code long} nanoseconds. */
    public static final Duration MAX_DELAY = Duration.ofNanos(Long.MAX_VALUE - 1);

    /** A common choice: from 0.5 s, doubling, up to 30 s. */
    public static final Backoff DEFAULT =
        new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), 2.0);

    /** Validates the three values. */
    public Backoff {
      Durations.requirePositive(min, "min");
      Objects.requireNonNull(max, "max == null");
      if (max.compareTo(min) < 0) {
        throw new IllegalArgumentException("max < min: " + max + " < " + min);
      }
      if (max.compareTo(MAX_DELAY) > 0) {
        throw new IllegalArgumentException("max > MAX_DELAY: " + max);
      }
      if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
        throw new IllegalArgumentException("multiplier not in [1, infinity): " + multiplier);
      }
    }

    /** The longest pause before retry {@code retry} (counted from 0). */
    public Duration ceiling(int retry) {
      if (retry < 0) {
        throw new IllegalArgumentException("retry < 0: " + retry);
      }
      double nanos = min.toNanos() * Math.pow(multiplier, retry);
      return nanos >= max.toNanos() ? max : Duration.ofNanos((long) nanos);
    }
  }

  /** Builds a {@link ClientConfig}; starts from the defaults. Not thread-safe. */
  public static final class Builder {
    private boolean reconnectOnDisconnect = DEFAULT_RECONNECT_ON_DISCONNECT;
    private boolean reconnectOnServerClose = DEFAULT_RECONNECT_ON_SERVER_CLOSE;
    private Duration reconnectInterval = DEFAULT_RECONNECT_INTERVAL;
    private int maxInitialConnectAttempts = UNLIMITED_ATTEMPTS;
    private int maxReconnectAttempts = UNLIMITED_ATTEMPTS;
    private Duration heartbeatInterval = DEFAULT_HEARTBEAT_INTERVAL;
    private Duration keepaliveTimeout = DEFAULT_KEEPALIVE_TIMEOUT;
    private Backoff backoff;

    private Builder() {}

    private Builder(ClientConfig config) {
      this.reconnectOnDisconnect = config.reconnectOnDisconnect;
      this.reconnectOnServerClose = config.reconnectOnServerClose;
      this.reconnectInterval = config.reconnectInterval;
      this.maxInitialConnectAttempts = config.maxInitialConnectAttempts;
      this.maxReconnectAttempts = config.maxReconnectAttempts;
      this.heartbeatInterval = config.heartbeatInterval;
      this.keepaliveTimeout = config.keepaliveTimeout;
      this.backoff = config.backoff;
    }

    /** See {@link ClientConfig#reconnectOnDisconnect()}. */
    public Builder reconnectOnDisconnect(boolean reconnectOnDisconnect) {
      this.reconnectOnDisconnect = reconnectOnDisconnect;
      return this;
    }

    /** See {@link ClientConfig#reconnectOnServerClose()}. */
    public Builder reconnectOnServerClose(boolean reconnectOnServerClose) {
      this.reconnectOnServerClose = reconnectOnServerClose;
      return this;
    }

    /** See {@link ClientConfig#reconnectInterval()}; zero or more. */
    public Builder reconnectInterval(Duration reconnectInterval) {
      Objects.requireNonNull(reconnectInterval, "reconnectInterval == null");
      if (reconnectInterval.isNegative()) {
        throw new IllegalArgumentException("reconnectInterval < 0: " + reconnectInterval);
      }
      this.reconnectInterval = reconnectInterval;
      return this;
    }

    /** See {@link ClientConfig#maxInitialConnectAttempts()}; at least 1. */
    public Builder maxInitialConnectAttempts(int maxInitialConnectAttempts) {
      if (maxInitialConnectAttempts < 1) {
        throw new IllegalArgumentException(
            "maxInitialConnectAttempts < 1: " + maxInitialConnectAttempts);
      }
      this.maxInitialConnectAttempts = maxInitialConnectAttempts;
      return this;
    }

    /** See {@link ClientConfig#maxReconnectAttempts()}; 0 never reconnects. */
    public Builder maxReconnectAttempts(int maxReconnectAttempts) {
      if (maxReconnectAttempts < 0) {
        throw new IllegalArgumentException("maxReconnectAttempts < 0: " + maxReconnectAttempts);
      }
      this.maxReconnectAttempts = maxReconnectAttempts;
      return this;
    }

    /** See {@link ClientConfig#heartbeatInterval()}; positive. */
    public Builder heartbeatInterval(Duration heartbeatInterval) {
      this.heartbeatInterval = Durations.requirePositive(heartbeatInterval, "heartbeatInterval");
      return this;
    }

    /** See {@link ClientConfig#keepaliveTimeout()}; positive. */
    public Builder keepaliveTimeout(Duration keepaliveTimeout) {
      this.keepaliveTimeout = Durations.requirePositive(keepaliveTimeout, "keepaliveTimeout");
      return this;
    }

    /** See {@link ClientConfig#backoff()}; null restores the fixed interval. */
    public Builder backoff(Backoff backoff) {
      this.backoff = backoff;
      return this;
    }

    /** The configuration; the keepalive timeout must be at least the heartbeat interval. */
    public ClientConfig build() {
      if (keepaliveTimeout.compareTo(heartbeatInterval) < 0) {
        throw new IllegalStateException(
            "keepaliveTimeout < heartbeatInterval: "
                + keepaliveTimeout
                + " < "
                + heartbeatInterval);
      }
      return new ClientConfig(this);
    }
  }
}

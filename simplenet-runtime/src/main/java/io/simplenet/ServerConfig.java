package io.simplenet;

import java.time.Duration;
import java.util.Objects;

/**
 * A server's limits and timings. The defaults are the seed crate's, plus bounds on the two queues
 * the seed leaves unbounded: each connection's outbound queue and the server's event queue.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ServerConfig {
  /** Upgraded connections that have not yet authenticated, at most. */
  public static final int DEFAULT_MAX_PENDING = 10_000;

  /** Accepted connections; a soft bound, as in the seed: pending ones may still be accepted. */
  public static final int DEFAULT_MAX_CONNECTIONS = 100_000;

  /** The largest frame a client may send, in bytes (as encoded: binary or UTF-8 JSON). */
  public static final int DEFAULT_MAX_MESSAGE_SIZE = 1_000_000;

  /** How long a connection may take to send a valid hello. */
  public static final Duration DEFAULT_AUTH_TIMEOUT = Duration.ofSeconds(3);

  /** How often an idle connection is pinged and inactivity is checked. */
  public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(5);

  /** How long a connection may stay silent before it is closed as inactive. */
  public static final Duration DEFAULT_KEEPALIVE_TIMEOUT = Duration.ofSeconds(10);

  /** Encoded bytes waiting to be written to one connection before it is closed as a slow consumer. */
  public static final long DEFAULT_MAX_OUTBOUND_QUEUE_BYTES = 16L * 1024 * 1024;

  /** Events waiting for the application before further connections, messages and requests are refused. */
  public static final int DEFAULT_MAX_QUEUED_EVENTS = 100_000;

  /** A configuration with every default. */
  public static final ServerConfig DEFAULT = builder().build();

  private final int maxPending;
  private final int maxConnections;
  private final int maxMessageSize;
  private final Duration authTimeout;
  private final RateLimitConfig rateLimit;
  private final Duration heartbeatInterval;
  private final Duration keepaliveTimeout;
  private final long maxOutboundQueueBytes;
  private final int maxQueuedEvents;

  private ServerConfig(Builder builder) {
    this.maxPending = builder.maxPending;
    this.maxConnections = builder.maxConnections;
    this.maxMessageSize = builder.maxMessageSize;
    this.authTimeout = builder.authTimeout;
    this.rateLimit = builder.rateLimit;
    this.heartbeatInterval = builder.heartbeatInterval;
    this.keepaliveTimeout = builder.keepaliveTimeout;
    this.maxOutboundQueueBytes = builder.maxOutboundQueueBytes;
    this.maxQueuedEvents = builder.maxQueuedEvents;
  }

  /** A builder holding every default. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this configuration's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Upgraded but unauthenticated connections beyond this are refused: "max pending connections". */
  public int maxPending() {
    return maxPending;
  }

  /** Connecting while this many are accepted is refused: "max connections". */
  public int maxConnections() {
    return maxConnections;
  }

  /** A frame larger than this many bytes closes its connection: "message size violation". */
  public int maxMessageSize() {
    return maxMessageSize;
  }

  /** A connection without a valid hello after this is closed: "no auth received". */
  public Duration authTimeout() {
    return authTimeout;
  }

  /** Frames per window a connection may send; every frame counts, the hello included. */
  public RateLimitConfig rateLimit() {
    return rateLimit;
  }

  /** How often idle connections are pinged and checked for inactivity. */
  public Duration heartbeatInterval() {
    return heartbeatInterval;
  }

  /** A connection silent for this long is closed: "remote partner is inactive". */
  public Duration keepaliveTimeout() {
    return keepaliveTimeout;
  }

  /** A connection whose unsent frames exceed this many bytes is closed: "slow consumer". */
  public long maxOutboundQueueBytes() {
    return maxOutboundQueueBytes;
  }

  /**
   * Events the application has not consumed, at most; a connection whose event does not fit is
   * closed: "server overloaded". Disconnected events always fit.
   */
  public int maxQueuedEvents() {
    return maxQueuedEvents;
  }

  @Override
  public String toString() {
    return "ServerConfig{maxPending="
        + maxPending
        + ", maxConnections="
        + maxConnections
        + ", maxMessageSize="
        + maxMessageSize
        + ", authTimeout="
        + authTimeout
        + ", rateLimit="
        + rateLimit
        + ", heartbeatInterval="
        + heartbeatInterval
        + ", keepaliveTimeout="
        + keepaliveTimeout
        + ", maxOutboundQueueBytes="
        + maxOutboundQueueBytes
        + ", maxQueuedEvents="
        + maxQueuedEvents
        + "}";
  }

  /** Builds a {@link ServerConfig}; not thread-safe. */
  public static final class Builder {
    private int maxPending = DEFAULT_MAX_PENDING;
    private int maxConnections = DEFAULT_MAX_CONNECTIONS;
    private int maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;
    private Duration authTimeout = DEFAULT_AUTH_TIMEOUT;
    private RateLimitConfig rateLimit = RateLimitConfig.DEFAULT;
    private Duration heartbeatInterval = DEFAULT_HEARTBEAT_INTERVAL;
    private Duration keepaliveTimeout = DEFAULT_KEEPALIVE_TIMEOUT;
    private long maxOutboundQueueBytes = DEFAULT_MAX_OUTBOUND_QUEUE_BYTES;
    private int maxQueuedEvents = DEFAULT_MAX_QUEUED_EVENTS;

    private Builder() {}

    private Builder(ServerConfig config) {
      this.maxPending = config.maxPending;
      this.maxConnections = config.maxConnections;
      this.maxMessageSize = config.maxMessageSize;
      this.authTimeout = config.authTimeout;
      this.rateLimit = config.rateLimit;
      this.heartbeatInterval = config.heartbeatInterval;
      this.keepaliveTimeout = config.keepaliveTimeout;
      this.maxOutboundQueueBytes = config.maxOutboundQueueBytes;
      this.maxQueuedEvents = config.maxQueuedEvents;
    }

    public Builder maxPending(int maxPending) {
      this.maxPending = atLeastOne(maxPending, "maxPending");
      return this;
    }

    public Builder maxConnections(int maxConnections) {
      this.maxConnections = atLeastOne(maxConnections, "maxConnections");
      return this;
    }

    public Builder maxMessageSize(int maxMessageSize) {
      this.maxMessageSize = atLeastOne(maxMessageSize, "maxMessageSize");
      return this;
    }

    public Builder authTimeout(Duration authTimeout) {
      this.authTimeout = Durations.requirePositive(authTimeout, "authTimeout");
      return this;
    }

    public Builder rateLimit(RateLimitConfig rateLimit) {
      this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit == null");
      return this;
    }

    public Builder heartbeatInterval(Duration heartbeatInterval) {
      this.heartbeatInterval = Durations.requirePositive(heartbeatInterval, "heartbeatInterval");
      return this;
    }

    public Builder keepaliveTimeout(Duration keepaliveTimeout) {
      this.keepaliveTimeout = Durations.requirePositive(keepaliveTimeout, "keepaliveTimeout");
      return this;
    }

    public Builder maxOutboundQueueBytes(long maxOutboundQueueBytes) {
      if (maxOutboundQueueBytes < 1) {
        throw new IllegalArgumentException("maxOutboundQueueBytes < 1: " + maxOutboundQueueBytes);
      }
      this.maxOutboundQueueBytes = maxOutboundQueueBytes;
      return this;
    }

    public Builder maxQueuedEvents(int maxQueuedEvents) {
      this.maxQueuedEvents = atLeastOne(maxQueuedEvents, "maxQueuedEvents");
      return this;
    }

    public ServerConfig build() {
      return new ServerConfig(this);
    }

    private static int atLeastOne(int value, String name) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " < 1: " + value);
      }
      return value;
    }
  }
}

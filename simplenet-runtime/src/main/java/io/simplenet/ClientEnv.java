package io.simplenet;

import java.util.Objects;

/**
 * What the server knows about a connected client besides its id and connect message: the encoding
 * it chose and its remote address as text ({@code "127.0.0.1:53122"}, or {@code "unknown"}).
 *
 * <p>Instances are immutable and thread-safe.
 */
public record ClientEnv(Encoding encoding, String remoteAddress) {
  /** The remote address when the transport does not report one. */
  public static final String UNKNOWN_ADDRESS = "unknown";

  public ClientEnv {
    Objects.requireNonNull(encoding, "encoding == null");
    Objects.requireNonNull(remoteAddress, "remoteAddress == null");
  }
}

package io.simplenet;

import java.util.Optional;

/**
 * How a connection's frames are encoded, chosen by the client in the connect URL's {@code enc}
 * parameter: protobuf binary in WebSocket binary messages, or protobuf canonical JSON in text
 * messages. One server serves both.
 */
public enum Encoding {
  /** Protobuf binary frames in WebSocket binary messages; query value {@code binary}. */
  BINARY("binary"),
  /** Protobuf canonical JSON frames in WebSocket text messages; query value {@code json}. */
  JSON("json");

  private final String queryValue;

  Encoding(String queryValue) {
    this.queryValue = queryValue;
  }

  /** The value of the connect URL's {@code enc} parameter. */
  public String queryValue() {
    return queryValue;
  }

  /** The encoding whose {@link #queryValue} is {@code value}, compared exactly. */
  public static Optional<Encoding> fromQueryValue(String value) {
    for (Encoding encoding : values()) {
      if (encoding.queryValue.equals(value)) {
        return Optional.of(encoding);
      }
    }
    return Optional.empty();
  }
}

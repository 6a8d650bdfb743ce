package io.simplenet.testing;

import java.util.Objects;

/** The {@link TestChannel}'s message types, named as in the seed crate's tests. */
public final class TestMessages {
  private TestMessages() {}

  /** The connect message: {@code message TestConnect { string text = 1; }}. */
  public record TestConnect(String text) {
    public TestConnect {
      Objects.requireNonNull(text, "text == null");
    }
  }

  /** {@code message TestClientMsg { uint64 value = 1; }}. */
  public record TestClientMsg(long value) {}

  /** {@code message TestServerMsg { uint64 value = 1; }}. */
  public record TestServerMsg(long value) {}

  /** {@code message TestRequest { uint64 value = 1; }}. */
  public record TestRequest(long value) {}

  /** {@code message TestResponse { uint64 value = 1; }}. */
  public record TestResponse(long value) {}
}

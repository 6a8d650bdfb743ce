package io.simplenet.compiler.internal.model;

import java.util.Objects;

/** A {@code @deprecated} marker; {@code reason} is empty when the schema gave none. */
public record Deprecation(String reason) {
  public Deprecation {
    Objects.requireNonNull(reason, "reason == null");
  }
}

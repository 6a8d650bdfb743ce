package io.simplenet.compiler.internal.model;

import java.util.Objects;

/** The type of a message field. Lists and maps never nest another list or map. */
public sealed interface FieldType {

  /** A scalar such as {@code int64} or {@code string}. */
  record Scalar(ScalarKind kind) implements FieldType {
    public Scalar {
      Objects.requireNonNull(kind, "kind == null");
    }
  }

  /** A reference to a declared message, enum or union. */
  record Named(TypeName name) implements FieldType {
    public Named {
      Objects.requireNonNull(name, "name == null");
    }
  }

  /** {@code list<element>}; the element is a {@link Scalar} or {@link Named}. */
  record ListOf(FieldType element) implements FieldType {
    public ListOf {
      if (element instanceof ListOf || element instanceof MapOf) {
        throw new IllegalArgumentException("nested collection: " + element);
      }
    }
  }

  /** {@code map<key, value>}; the key is a string or integer scalar, the value a {@link Scalar} or {@link Named}. */
  record MapOf(ScalarKind key, FieldType value) implements FieldType {
    public MapOf {
      if (!key.isMapKey()) {
        throw new IllegalArgumentException("invalid map key: " + key);
      }
      if (value instanceof ListOf || value instanceof MapOf) {
        throw new IllegalArgumentException("nested collection: " + value);
      }
    }
  }
}

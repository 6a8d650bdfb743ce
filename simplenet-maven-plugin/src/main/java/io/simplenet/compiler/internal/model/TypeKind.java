package io.simplenet.compiler.internal.model;

/** What a named type is. Roles of a channel are {@link #UNION}s. */
public enum TypeKind {
  MESSAGE,
  ENUM,
  UNION
}

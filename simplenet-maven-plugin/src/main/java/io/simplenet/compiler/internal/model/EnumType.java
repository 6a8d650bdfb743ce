package io.simplenet.compiler.internal.model;

import java.util.List;

/**
 * An enum; its first value has number 0. {@code reserved} holds the numbers and names declared
 * {@code reserved}; {@code deprecation} is null unless deprecated.
 */
public record EnumType(
    TypeName name,
    List<EnumValue> values,
    Reserved reserved,
    Docs docs,
    Deprecation deprecation,
    SourcePos pos) {
  public EnumType {
    values = List.copyOf(values);
  }
}

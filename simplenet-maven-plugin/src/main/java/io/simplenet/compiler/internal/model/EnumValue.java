package io.simplenet.compiler.internal.model;

/** A value of an enum; {@code deprecation} is null unless deprecated. */
public record EnumValue(String name, int number, Docs docs, Deprecation deprecation, SourcePos pos) {}

package io.simplenet.compiler.internal.model;

/**
 * One member of a union or channel role.
 *
 * @param type a message or union declared in the same file
 * @param number the {@code oneof} field number
 * @param fieldName the {@code oneof} field name: {@code type}'s simple name in snake_case
 * @param jsonName protobuf's JSON name of {@code fieldName}
 * @param deprecation null unless deprecated
 */
public record UnionMember(
    TypeName type,
    int number,
    String fieldName,
    String jsonName,
    Docs docs,
    Deprecation deprecation,
    SourcePos pos) {}

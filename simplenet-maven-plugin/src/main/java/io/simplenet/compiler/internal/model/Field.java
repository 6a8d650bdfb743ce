package io.simplenet.compiler.internal.model;

/**
 * A field of a message.
 *
 * @param schemaName the name as written in the schema, also the {@code .proto} field name
 * @param jsonName protobuf's JSON name (lowerCamelCase of {@code schemaName})
 * @param javaName the record component name: {@code jsonName}, with a trailing {@code _} if it is a
 *     Java keyword or an {@code Object} method name
 * @param number the protobuf field number
 * @param optional declared {@code optional}: nullable in Java, explicit presence on the wire
 * @param deprecation null unless deprecated
 */
public record Field(
    String schemaName,
    String jsonName,
    String javaName,
    int number,
    FieldType type,
    boolean optional,
    Docs docs,
    Deprecation deprecation,
    SourcePos pos) {}

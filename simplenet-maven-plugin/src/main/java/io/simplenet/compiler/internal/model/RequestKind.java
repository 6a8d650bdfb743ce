package io.simplenet.compiler.internal.model;

/**
 * One request kind of a channel: the client sends {@code request}, the server answers with
 * {@code response}. {@code number} is the request's field number in the channel's request role.
 * {@code deprecation} is null unless deprecated.
 */
public record RequestKind(
    TypeName request,
    TypeName response,
    int number,
    Docs docs,
    Deprecation deprecation,
    SourcePos pos) {}

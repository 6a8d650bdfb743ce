package io.simplenet.compiler.internal.model;

import java.util.List;

/**
 * A message: a record of numbered fields.
 *
 * @param fields in declaration order
 * @param reserved the numbers and names declared {@code reserved}
 * @param hasDefault whether a default instance exists (no non-optional union field, directly or
 *     through non-optional message fields); generated as {@code DEFAULT}
 * @param memberOf the unions and channel roles that list this message as a member, in declaration
 *     order; the generated record implements their interfaces
 * @param deprecation null unless deprecated
 */
public record MessageType(
    TypeName name,
    List<Field> fields,
    Reserved reserved,
    boolean hasDefault,
    List<TypeName> memberOf,
    Docs docs,
    Deprecation deprecation,
    SourcePos pos) {
  public MessageType {
    fields = List.copyOf(fields);
    memberOf = List.copyOf(memberOf);
  }
}

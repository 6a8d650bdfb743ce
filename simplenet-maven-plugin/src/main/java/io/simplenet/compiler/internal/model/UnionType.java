package io.simplenet.compiler.internal.model;

import java.util.List;

/**
 * A closed set of message or union types: a declared {@code union}, or a channel role. In Java a
 * sealed interface (or, with no members, an uninhabited final class); on the wire a message with
 * one {@code oneof}.
 *
 * @param members in declaration order; empty only for an empty channel role
 * @param reserved the member numbers and names declared {@code reserved}
 * @param memberOf the unions and roles that list this union as a member; its interface extends theirs
 * @param role the role this union stands for, or null for a declared union
 * @param deprecation null unless deprecated
 */
public record UnionType(
    TypeName name,
    List<UnionMember> members,
    Reserved reserved,
    List<TypeName> memberOf,
    Role role,
    Docs docs,
    Deprecation deprecation,
    SourcePos pos) {
  public UnionType {
    members = List.copyOf(members);
    memberOf = List.copyOf(memberOf);
  }

  /** Which channel role a generated union stands for. */
  public enum Role {
    CLIENT_MESSAGE,
    SERVER_MESSAGE,
    REQUEST,
    RESPONSE
  }
}

package io.simplenet.compiler.internal.parse;

import java.util.List;

/**
 * The distinct, valid members (messages or unions of the same file) of one union or channel role,
 * as {@link DeclarationChecker} found them, for the checks that span several unions.
 *
 * @param container how messages name it: {@code "union 'Shape'"} or {@code "role 'ChatRequest'"}
 * @param union the declared union, or null for a role
 */
record UnionMembers(String container, Symbol union, List<Member> members) {
  UnionMembers {
    members = List.copyOf(members);
  }

  /** A member as written and what it resolved to. */
  record Member(Ast.NamedRef ref, Symbol symbol) {}
}

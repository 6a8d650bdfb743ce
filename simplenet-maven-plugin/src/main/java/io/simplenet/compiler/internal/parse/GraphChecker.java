package io.simplenet.compiler.internal.parse;

import io.simplenet.compiler.internal.model.TypeKind;
import io.simplenet.compiler.internal.parse.UnionMembers.Member;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that span several types: unions that contain themselves, types reachable twice within a
 * union or role, and messages that contain themselves through non-optional fields.
 */
final class GraphChecker {
  private enum State {
    VISITING,
    DONE
  }

  private final Reporter reporter;
  private final Map<Ast.NamedRef, Symbol> resolved;
  private final List<UnionMembers> unions;
  private final Map<Symbol, List<Member>> membersOf = new IdentityHashMap<>();

  GraphChecker(Reporter reporter, Map<Ast.NamedRef, Symbol> resolved, List<UnionMembers> unions) {
    this.reporter = reporter;
    this.resolved = resolved;
    this.unions = unions;
    for (UnionMembers union : unions) {
      if (union.union() != null) {
        membersOf.putIfAbsent(union.union(), union.members());
      }
    }
  }

  void check(List<ParsedFile> files, SymbolTable table) {
    Map<Symbol, State> states = new IdentityHashMap<>();
    for (UnionMembers union : unions) {
      if (union.union() != null && !states.containsKey(union.union())) {
        findUnionCycles(union.union(), states, new ArrayList<>());
      }
    }
    unions.forEach(this::checkReachableOnce);
    Map<Symbol, State> messageStates = new IdentityHashMap<>();
    for (ParsedFile file : files) {
      for (Symbol symbol : table.declaredIn(file)) {
        if (symbol.kind() == TypeKind.MESSAGE && !messageStates.containsKey(symbol)) {
          findMessageCycles(symbol, messageStates, new ArrayList<>(), new ArrayList<>());
        }
      }
    }
  }

  private void findUnionCycles(Symbol union, Map<Symbol, State> states, List<Symbol> path) {
    states.put(union, State.VISITING);
    path.add(union);
    for (Member member : membersOf.getOrDefault(union, List.of())) {
      Symbol inner = member.symbol();
      if (inner.kind() != TypeKind.UNION) {
        continue;
      }
      State state = states.get(inner);
      if (state == State.VISITING) {
        StringBuilder cycle = new StringBuilder();
        for (Symbol onPath : path.subList(path.indexOf(inner), path.size())) {
          cycle.append(onPath.simpleName()).append(" -> ");
        }
        reporter.error(
            member.ref().pos(),
            "union cycle: "
                + cycle
                + inner.simpleName()
                + "; a union cannot contain itself, directly or through other unions");
      } else if (state == null) {
        findUnionCycles(inner, states, path);
      }
    }
    path.remove(path.size() - 1);
    states.put(union, State.DONE);
  }

  /** Each type may be reachable once in a union: directly or through one nested union. */
  private void checkReachableOnce(UnionMembers union) {
    Map<Symbol, Member> reachedThrough = new IdentityHashMap<>();
    for (Member member : union.members()) {
      List<Symbol> reachable = new ArrayList<>();
      collectReachable(member.symbol(), reachable, new IdentityHashMap<>());
      for (Symbol type : reachable) {
        Member previous = reachedThrough.putIfAbsent(type, member);
        if (previous != null) {
          reporter.error(
              member.ref().pos(),
              "'"
                  + type.simpleName()
                  + "' is reachable twice in "
                  + union.container()
                  + ": through '"
                  + previous.ref().name()
                  + "' (line "
                  + previous.ref().pos().line()
                  + ") and through '"
                  + member.ref().name()
                  + "'; a type may be reachable only once in a union, directly or through nested"
                  + " unions");
          break;
        }
      }
    }
  }

  private void collectReachable(Symbol type, List<Symbol> reachable, Map<Symbol, Boolean> seen) {
    if (seen.put(type, true) != null) {
      return;
    }
    reachable.add(type);
    for (Member member : membersOf.getOrDefault(type, List.of())) {
      collectReachable(member.symbol(), reachable, seen);
    }
  }

  /** Reports each cycle of non-optional message fields once, at the field that closes it. */
  private void findMessageCycles(
      Symbol message, Map<Symbol, State> states, List<Symbol> path, List<String> fieldsOnPath) {
    states.put(message, State.VISITING);
    path.add(message);
    for (Ast.FieldDecl field : ((Ast.MessageDecl) message.decl()).fields()) {
      Symbol target =
          field.optionalPos() == null && field.type() instanceof Ast.NamedRef ref
              ? resolved.get(ref)
              : null;
      if (target == null || target.kind() != TypeKind.MESSAGE) {
        continue;
      }
      fieldsOnPath.add(field.name().text());
      State state = states.get(target);
      if (state == State.VISITING) {
        StringBuilder cycle = new StringBuilder();
        for (int i = path.indexOf(target); i < path.size(); i++) {
          cycle
              .append(path.get(i).simpleName())
              .append('.')
              .append(fieldsOnPath.get(i))
              .append(" -> ");
        }
        reporter.error(
            field.type().pos(),
            "message '"
                + target.simpleName()
                + "' contains itself through non-optional fields: "
                + cycle
                + target.simpleName()
                + "; make one of these fields 'optional' so the message has a finite default");
      } else if (state == null) {
        findMessageCycles(target, states, path, fieldsOnPath);
      }
      fieldsOnPath.remove(fieldsOnPath.size() - 1);
    }
    path.remove(path.size() - 1);
    states.put(message, State.DONE);
  }
}

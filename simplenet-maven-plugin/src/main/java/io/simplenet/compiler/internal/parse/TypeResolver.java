package io.simplenet.compiler.internal.parse;

import io.simplenet.compiler.internal.model.ScalarKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves every type name of every file against the types the file declares and the files it
 * imports (imports are not transitive), reporting unknown and ambiguous names.
 */
final class TypeResolver {
  private final Reporter reporter;
  private final SymbolTable table;
  private final Map<Ast.NamedRef, Symbol> resolved = new HashMap<>();

  private TypeResolver(Reporter reporter, SymbolTable table) {
    this.reporter = reporter;
    this.table = table;
  }

  /** What each type name in {@code files} refers to; names that do not resolve are left out. */
  static Map<Ast.NamedRef, Symbol> resolveAll(
      Reporter reporter, SymbolTable table, List<ParsedFile> files) {
    TypeResolver resolver = new TypeResolver(reporter, table);
    for (ParsedFile file : files) {
      resolver.resolveFile(file);
    }
    return resolver.resolved;
  }

  private void resolveFile(ParsedFile file) {
    Scope scope = new Scope(file);
    for (Ast.Decl decl : file.ast().decls()) {
      if (decl instanceof Ast.MessageDecl message) {
        message.fields().forEach(field -> resolveType(scope, field.type()));
      } else if (decl instanceof Ast.UnionDecl union) {
        union.block().members().forEach(member -> resolve(scope, member.type()));
      } else if (decl instanceof Ast.ChannelDecl channel) {
        channel.connects().forEach(connect -> resolve(scope, connect));
        for (List<Ast.MemberBlock> blocks : List.of(channel.clients(), channel.servers())) {
          blocks.forEach(block -> block.members().forEach(member -> resolve(scope, member.type())));
        }
        for (Ast.RequestBlock block : channel.requestBlocks()) {
          for (Ast.RequestDecl request : block.requests()) {
            resolve(scope, request.request());
            resolve(scope, request.response());
          }
        }
      }
    }
  }

  private void resolveType(Scope scope, Ast.TypeRef type) {
    if (type instanceof Ast.NamedRef named) {
      resolve(scope, named);
    } else if (type instanceof Ast.ListRef list) {
      resolveType(scope, list.element());
    } else if (type instanceof Ast.MapRef map) {
      // A named key is an error whatever it names; the checker reports it as a bad key.
      resolveType(scope, map.value());
    }
  }

  private void resolve(Scope scope, Ast.NamedRef ref) {
    String name = ref.name();
    int dot = name.lastIndexOf('.');
    Symbol found = null;
    if (dot < 0) {
      found = scope.own.get(name);
      if (found == null) {
        List<Symbol> imported =
            scope.visible.stream().filter(s -> s.simpleName().equals(name)).toList();
        if (imported.size() > 1) {
          reporter.error(
              ref.pos(),
              "type '"
                  + name
                  + "' is declared by both "
                  + imported.get(0).file().path()
                  + " and "
                  + imported.get(1).file().path()
                  + "; use its qualified name, e.g. '"
                  + imported.get(0).name().protoFullName()
                  + "'");
          return;
        }
        found = imported.isEmpty() ? null : imported.get(0);
      }
    } else {
      for (Symbol symbol : scope.visible) {
        if (symbol.name().protoFullName().equals(name)) {
          found = symbol;
          break;
        }
      }
    }
    if (found != null) {
      resolved.put(ref, found);
    } else if (!scope.file.importsIncomplete()) {
      reportUnknown(scope, ref, dot < 0 ? name : name.substring(dot + 1));
    }
  }

  private void reportUnknown(Scope scope, Ast.NamedRef ref, String simpleName) {
    String name = ref.name();
    for (Symbol symbol : table.withSimpleName(simpleName)) {
      boolean matches = name.equals(simpleName) || symbol.name().protoFullName().equals(name);
      if (matches && !scope.visibleFiles.contains(symbol.file().path())) {
        reporter.error(
            ref.pos(),
            "unknown type '"
                + name
                + "'; it is declared in "
                + symbol.file().path()
                + ", which this file does not import: add 'import \""
                + symbol.file().path()
                + "\";'");
        return;
      }
    }
    List<String> candidates = new ArrayList<>();
    if (name.equals(simpleName)) {
      scope.visible.forEach(symbol -> candidates.add(symbol.simpleName()));
      for (ScalarKind kind : ScalarKind.values()) {
        candidates.add(kind.schemaName());
      }
    } else {
      scope.visible.forEach(symbol -> candidates.add(symbol.name().protoFullName()));
    }
    reporter.error(
        ref.pos(), "unknown type '" + name + "'" + Suggestions.didYouMean(name, candidates));
  }

  /** The names one file sees: its own types first, then those of the files it imports. */
  private final class Scope {
    final ParsedFile file;
    final Map<String, Symbol> own;
    final List<Symbol> visible = new ArrayList<>();
    final Set<String> visibleFiles = new HashSet<>();

    Scope(ParsedFile file) {
      this.file = file;
      this.own = table.namesIn(file.path());
      visible.addAll(own.values());
      visibleFiles.add(file.path());
      for (String imported : file.imports()) {
        visible.addAll(table.namesIn(imported).values());
        visibleFiles.add(imported);
      }
    }
  }
}

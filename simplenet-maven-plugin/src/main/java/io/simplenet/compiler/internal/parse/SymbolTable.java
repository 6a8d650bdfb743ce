package io.simplenet.compiler.internal.parse;

import io.simplenet.compiler.internal.JavaNames;
import io.simplenet.compiler.internal.model.SourcePos;
import io.simplenet.compiler.internal.model.TypeName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every type declared by the loaded files, by file and by package, with the checks on declared
 * names: keywords, duplicates within a Java package, and clashes with generated class names.
 */
final class SymbolTable {
  private final Reporter reporter;
  private final Map<String, String> packages = new HashMap<>();
  private final Map<Ast.TypeDecl, Symbol> symbols = new IdentityHashMap<>();
  private final Map<String, List<Symbol>> byFile = new HashMap<>();

  /** The first symbol of each simple name in each file: what the name means there. */
  private final Map<String, Map<String, Symbol>> firstByFile = new HashMap<>();

  private final Map<String, List<Symbol>> bySimpleName = new HashMap<>();

  private SymbolTable(Reporter reporter) {
    this.reporter = reporter;
  }

  /** Declares every type of {@code files} (in load order, so "first declared" follows it). */
  static SymbolTable collect(Reporter reporter, List<ParsedFile> files) {
    SymbolTable table = new SymbolTable(reporter);
    Map<String, Map<String, SourcePos>> typesByPackage = new HashMap<>();
    Map<String, Map<String, SourcePos>> channelsByPackage = new HashMap<>();
    for (ParsedFile file : files) {
      String javaPackage = table.declarePackage(file);
      List<Symbol> declared = new ArrayList<>();
      Map<String, Symbol> first = new LinkedHashMap<>();
      for (Ast.Decl decl : file.ast().decls()) {
        table.checkName(decl.name(), Symbol.kindWord(decl));
        Map<String, Map<String, SourcePos>> namespace =
            decl instanceof Ast.TypeDecl ? typesByPackage : channelsByPackage;
        SourcePos previous =
            namespace
                .computeIfAbsent(javaPackage, p -> new HashMap<>())
                .putIfAbsent(decl.name().text(), decl.name().pos());
        if (previous != null) {
          reporter.error(
              decl.name().pos(),
              "duplicate "
                  + (decl instanceof Ast.TypeDecl ? "type" : "channel")
                  + " '"
                  + decl.name().text()
                  + "'; first declared at "
                  + previous);
        }
        if (decl instanceof Ast.TypeDecl typeDecl) {
          TypeName name =
              new TypeName(
                  javaPackage, typeDecl.name().text(), Symbol.kindOf(typeDecl), file.path());
          Symbol symbol = new Symbol(name, typeDecl, file);
          table.symbols.put(typeDecl, symbol);
          declared.add(symbol);
          first.putIfAbsent(name.simpleName(), symbol);
          table.bySimpleName.computeIfAbsent(name.simpleName(), n -> new ArrayList<>()).add(symbol);
        }
      }
      table.byFile.put(file.path(), List.copyOf(declared));
      table.firstByFile.put(file.path(), first);
    }
    new GeneratedNameCheck(reporter).check(files, table);
    return table;
  }

  /** The file's Java package, checked; empty when the file has none (already reported). */
  private String declarePackage(ParsedFile file) {
    Ast.Ident name = file.ast().packageName();
    String javaPackage = name == null ? "" : name.text();
    packages.put(file.path(), javaPackage);
    if (name != null) {
      for (String segment : javaPackage.split("\\.", -1)) {
        String reservedWord = JavaNames.reservedWordKind(segment);
        if (reservedWord != null) {
          reporter.error(
              name.pos(),
              "'"
                  + segment
                  + "' is "
                  + reservedWord
                  + " and cannot be a segment of package '"
                  + javaPackage
                  + "'");
        }
      }
    }
    return javaPackage;
  }

  /** Reports a keyword naming a type or channel. */
  private void checkName(Ast.Ident name, String kindWord) {
    String text = name.text();
    String reservedWord = JavaNames.reservedWordKind(text);
    String article = kindWord.equals("enum") ? "an " : "a ";
    if (Keywords.isKeyword(text)) {
      reporter.error(
          name.pos(), "'" + text + "' is a keyword and cannot name " + article + kindWord);
    } else if (reservedWord != null) {
      reporter.error(
          name.pos(),
          "'" + text + "' is " + reservedWord + " and cannot name " + article + kindWord);
    }
  }

  String javaPackage(ParsedFile file) {
    return packages.get(file.path());
  }

  Symbol symbol(Ast.TypeDecl decl) {
    return symbols.get(decl);
  }

  /** The types {@code file} declares, in declaration order, duplicates included. */
  List<Symbol> declaredIn(ParsedFile file) {
    return byFile.getOrDefault(file.path(), List.of());
  }

  /** What each simple name declared in {@code file} means there (the first declaration). */
  Map<String, Symbol> namesIn(String path) {
    return firstByFile.getOrDefault(path, Map.of());
  }

  /** Every declared type with this simple name, in any loaded file. */
  List<Symbol> withSimpleName(String simpleName) {
    return bySimpleName.getOrDefault(simpleName, List.of());
  }
}

package io.simplenet.compiler.internal.parse;

import io.simplenet.compiler.internal.model.TypeKind;
import io.simplenet.compiler.internal.model.TypeName;

/**
 * A declared message, enum or union: its model name, its declaration and the declaring file.
 * Compared by identity: each declaration has one symbol.
 */
final class Symbol {
  private final TypeName name;
  private final Ast.TypeDecl decl;
  private final ParsedFile file;

  Symbol(TypeName name, Ast.TypeDecl decl, ParsedFile file) {
    this.name = name;
    this.decl = decl;
    this.file = file;
  }

  TypeName name() {
    return name;
  }

  Ast.TypeDecl decl() {
    return decl;
  }

  ParsedFile file() {
    return file;
  }

  TypeKind kind() {
    return name.kind();
  }

  String simpleName() {
    return name.simpleName();
  }

  /** {@code "message"}, {@code "enum"} or {@code "union"}, as written in schemas. */
  String kindWord() {
    return kindWord(decl);
  }

  /** The keyword that declares {@code decl}. */
  static String kindWord(Ast.Decl decl) {
    if (decl instanceof Ast.MessageDecl) {
      return "message";
    }
    if (decl instanceof Ast.EnumDecl) {
      return "enum";
    }
    return decl instanceof Ast.UnionDecl ? "union" : "channel";
  }

  static TypeKind kindOf(Ast.TypeDecl decl) {
    if (decl instanceof Ast.MessageDecl) {
      return TypeKind.MESSAGE;
    }
    return decl instanceof Ast.EnumDecl ? TypeKind.ENUM : TypeKind.UNION;
  }

  @Override
  public String toString() {
    return name.toString();
  }
}

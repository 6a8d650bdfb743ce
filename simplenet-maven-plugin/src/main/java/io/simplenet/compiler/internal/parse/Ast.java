package io.simplenet.compiler.internal.parse;

import io.simplenet.compiler.internal.model.Deprecation;
import io.simplenet.compiler.internal.model.Docs;
import io.simplenet.compiler.internal.model.ScalarKind;
import io.simplenet.compiler.internal.model.SourcePos;
import java.util.List;

/**
 * The syntax tree of one schema file, as written: names are unresolved and nothing is checked
 * beyond the grammar. Deprecations are null unless present.
 */
final class Ast {
  private Ast() {}

  /** A file; {@code packageName} is null when the file has no {@code package}. */
  record File(String path, Docs docs, Ident packageName, List<Import> imports, List<Decl> decls) {}

  /** A name as written; a qualified name keeps its dots. */
  record Ident(String text, SourcePos pos) {}

  /** An integer; {@code valid} is false when the lexer already reported it as malformed. */
  record Num(long value, boolean valid, SourcePos pos) {}

  record Import(String path, SourcePos pos) {}

  /** A top-level declaration. */
  sealed interface Decl permits TypeDecl, ChannelDecl {
    Ident name();

    Docs docs();

    Deprecation deprecation();
  }

  /** A declaration of a type: message, enum or union. */
  sealed interface TypeDecl extends Decl permits MessageDecl, EnumDecl, UnionDecl {}

  record MessageDecl(
      Ident name,
      List<FieldDecl> fields,
      List<Reserved> reserved,
      Docs docs,
      Deprecation deprecation)
      implements TypeDecl {}

  /** A field; {@code optionalPos} is null unless it is declared {@code optional}. */
  record FieldDecl(
      SourcePos optionalPos,
      TypeRef type,
      Ident name,
      Num number,
      Docs docs,
      Deprecation deprecation) {}

  /** A type as written in a field. */
  sealed interface TypeRef permits ScalarRef, NamedRef, ListRef, MapRef {
    SourcePos pos();
  }

  record ScalarRef(ScalarKind kind, SourcePos pos) implements TypeRef {}

  /** A reference to a declared type by simple or qualified name. */
  record NamedRef(String name, SourcePos pos) implements TypeRef {}

  record ListRef(TypeRef element, SourcePos pos) implements TypeRef {}

  record MapRef(TypeRef key, TypeRef value, SourcePos pos) implements TypeRef {}

  /** An enum; {@code complete} is false if an element failed to parse, so values may be missing. */
  record EnumDecl(
      Ident name,
      List<ValueDecl> values,
      List<Reserved> reserved,
      boolean complete,
      Docs docs,
      Deprecation deprecation)
      implements TypeDecl {}

  record ValueDecl(Ident name, Num number, Docs docs, Deprecation deprecation) {}

  record UnionDecl(Ident name, MemberBlock block, Docs docs, Deprecation deprecation)
      implements TypeDecl {}

  /**
   * The body of a union or of a channel's {@code client} or {@code server} role; {@code complete}
   * is false if an element failed to parse.
   */
  record MemberBlock(
      SourcePos pos, List<MemberDecl> members, List<Reserved> reserved, boolean complete) {}

  record MemberDecl(NamedRef type, Num number, Docs docs, Deprecation deprecation) {}

  /**
   * A channel; each item list holds every occurrence so the checker can report missing and extra
   * ones. {@code complete} is false if an item failed to parse.
   */
  record ChannelDecl(
      Ident name,
      List<Version> versions,
      List<NamedRef> connects,
      List<MemberBlock> clients,
      List<MemberBlock> servers,
      List<RequestBlock> requestBlocks,
      boolean complete,
      Docs docs,
      Deprecation deprecation)
      implements Decl {}

  record Version(String value, SourcePos pos) {}

  record RequestBlock(SourcePos pos, List<RequestDecl> requests, List<Reserved> reserved) {}

  record RequestDecl(
      NamedRef request, NamedRef response, Num number, Docs docs, Deprecation deprecation) {}

  /** One {@code reserved} line: numbers and ranges, or names. */
  record Reserved(SourcePos pos, List<Range> ranges, List<Ident> names) {}

  /**
   * {@code start}, {@code start to end} or {@code start to max} ({@code end} null, {@code toMax}).
   */
  record Range(Num start, Num end, boolean toMax) {}
}

package io.simplenet.compiler.internal.parse;

import io.simplenet.compiler.internal.model.Deprecation;
import io.simplenet.compiler.internal.model.Docs;
import io.simplenet.compiler.internal.model.ScalarKind;
import io.simplenet.compiler.internal.model.SourcePos;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser from tokens to an {@link Ast.File}. On a syntax error it reports, skips
 * to the next {@code ;} or past the matching {@code }}, and goes on, so one run reports every
 * error. It never throws and always terminates: every loop consumes a token or stops.
 */
final class Parser {
  private final String path;
  private final List<Token> tokens;
  private final Reporter reporter;
  private int index;
  // The token of the last syntax error, so one bad token yields one error.
  private int lastErrorIndex = -1;

  /** Thrown after a syntax error is reported, to unwind to the enclosing element and resync. */
  private static final class SyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SyntaxError() {
      super(null, null, false, false);
    }
  }

  private Parser(String path, List<Token> tokens, Reporter reporter) {
    this.path = path;
    this.tokens = tokens;
    this.reporter = reporter;
  }

  /** Parses {@code source}, reporting lexical and syntax errors to {@code reporter}. */
  static Ast.File parse(SourceText source, Reporter reporter) {
    return new Parser(source.path(), Lexer.tokenize(source, reporter), reporter).file();
  }

  private Ast.File file() {
    Docs docs = peek().docs();
    Ast.Ident packageName = null;
    if (peek().isWord("package")) {
      packageName = attempt(this::packageDecl);
    } else {
      error(
          peek(),
          "expected 'package' first, e.g. 'package com.example.chat;', found " + peek().describe());
    }
    List<Ast.Import> imports = new ArrayList<>();
    List<Ast.Decl> decls = new ArrayList<>();
    while (peek().kind() != Token.Kind.EOF) {
      int before = index;
      Token first = peek();
      if (first.isWord("import")) {
        Ast.Import imported = attempt(this::importDecl);
        if (imported != null && !decls.isEmpty()) {
          error(first, "imports must come before declarations; move this import up");
        }
        if (imported != null) {
          imports.add(imported);
        }
      } else if (first.isWord("package")) {
        error(
            first,
            packageName == null
                ? "'package' must come first, before imports and declarations"
                : "duplicate 'package'; a file has one package");
        attempt(this::packageDecl);
      } else {
        Ast.Decl decl = attempt(this::declaration);
        if (decl != null) {
          decls.add(decl);
        }
      }
      if (index == before) {
        index++;
      }
    }
    return new Ast.File(path, docs, packageName, imports, decls);
  }

  private Ast.Ident packageDecl() {
    next();
    Ast.Ident name = qualifiedName("a package name after 'package'");
    expectSemicolon("after the package name");
    return name;
  }

  private Ast.Import importDecl() {
    next();
    Token path = peek();
    if (path.kind() != Token.Kind.STRING) {
      throw syntaxError(
          path,
          "expected a quoted path after 'import', e.g. import \"common.channel\";, found "
              + path.describe());
    }
    next();
    expectSemicolon("after the import path");
    return new Ast.Import(path.string(), pos(path));
  }

  private Ast.Decl declaration() {
    Docs docs = peek().docs();
    Deprecation deprecation = deprecation();
    Token keyword = peek();
    if (keyword.isWord("message")) {
      return message(docs, deprecation);
    }
    if (keyword.isWord("enum")) {
      return enumDecl(docs, deprecation);
    }
    if (keyword.isWord("union")) {
      return union(docs, deprecation);
    }
    if (keyword.isWord("channel")) {
      return channel(docs, deprecation);
    }
    throw syntaxError(
        keyword, "expected 'message', 'enum', 'union' or 'channel', found " + keyword.describe());
  }

  private Ast.MessageDecl message(Docs docs, Deprecation deprecation) {
    next();
    Ast.Ident name = declName("message");
    List<Ast.FieldDecl> fields = new ArrayList<>();
    List<Ast.Reserved> reserved = new ArrayList<>();
    block(
        "message '" + name.text() + "'",
        "after the message name",
        reserved,
        () -> fields.add(field()));
    return new Ast.MessageDecl(name, fields, reserved, docs, deprecation);
  }

  private Ast.FieldDecl field() {
    Docs docs = peek().docs();
    Deprecation deprecation = deprecation();
    SourcePos optionalPos = null;
    if (peek().isWord("optional")) {
      optionalPos = pos(next());
    }
    Ast.TypeRef type = type();
    Ast.Ident name = name("a field name after the type");
    Ast.Num number = numberAssignment("the field name", "field");
    return new Ast.FieldDecl(optionalPos, type, name, number, docs, deprecation);
  }

  private Ast.TypeRef type() {
    Token token = peek();
    if (token.isWord("list")) {
      next();
      expectPunct('<', "after 'list'");
      Ast.TypeRef element = type();
      expectPunct('>', "to close 'list<'");
      return new Ast.ListRef(element, pos(token));
    }
    if (token.isWord("map")) {
      next();
      expectPunct('<', "after 'map'");
      Ast.TypeRef key = type();
      expectPunct(',', "after the map key type");
      Ast.TypeRef value = type();
      expectPunct('>', "to close 'map<'");
      return new Ast.MapRef(key, value, pos(token));
    }
    ScalarKind scalar =
        token.kind() == Token.Kind.WORD ? ScalarKind.forSchemaName(token.text()) : null;
    if (scalar != null) {
      next();
      return new Ast.ScalarRef(scalar, pos(token));
    }
    return typeName("a type");
  }

  /** A reference to a declared type: a simple or qualified name that is not a keyword. */
  private Ast.NamedRef typeName(String expected) {
    Token token = peek();
    if (token.kind() == Token.Kind.WORD && Keywords.isKeyword(token.text())) {
      throw syntaxError(token, "expected " + expected + ", found keyword '" + token.text() + "'");
    }
    Ast.Ident name = qualifiedName(expected);
    return new Ast.NamedRef(name.text(), name.pos());
  }

  private Ast.EnumDecl enumDecl(Docs docs, Deprecation deprecation) {
    next();
    Ast.Ident name = declName("enum");
    List<Ast.ValueDecl> values = new ArrayList<>();
    List<Ast.Reserved> reserved = new ArrayList<>();
    boolean complete =
        block(
            "enum '" + name.text() + "'",
            "after the enum name",
            reserved,
            () -> {
              Docs valueDocs = peek().docs();
              Deprecation valueDeprecation = deprecation();
              Ast.Ident valueName = name("an enum value name");
              Ast.Num number = numberAssignment("the enum value name", "value");
              values.add(new Ast.ValueDecl(valueName, number, valueDocs, valueDeprecation));
            });
    return new Ast.EnumDecl(name, values, reserved, complete, docs, deprecation);
  }

  private Ast.UnionDecl union(Docs docs, Deprecation deprecation) {
    next();
    Ast.Ident name = declName("union");
    Ast.MemberBlock block =
        memberBlock(name.pos(), "union '" + name.text() + "'", "after the union name");
    return new Ast.UnionDecl(name, block, docs, deprecation);
  }

  /** {@code { member | reserved }} of a union or a channel's client or server role. */
  private Ast.MemberBlock memberBlock(SourcePos pos, String what, String openContext) {
    List<Ast.MemberDecl> members = new ArrayList<>();
    List<Ast.Reserved> reserved = new ArrayList<>();
    boolean complete =
        block(
            what,
            openContext,
            reserved,
            () -> {
              Docs docs = peek().docs();
              Deprecation deprecation = deprecation();
              Ast.NamedRef type = typeName("a message or union name");
              Ast.Num number = numberAssignment("the member type", "member");
              members.add(new Ast.MemberDecl(type, number, docs, deprecation));
            });
    return new Ast.MemberBlock(pos, members, reserved, complete);
  }

  private Ast.ChannelDecl channel(Docs docs, Deprecation deprecation) {
    next();
    Ast.Ident name = declName("channel");
    List<Ast.Version> versions = new ArrayList<>();
    List<Ast.NamedRef> connects = new ArrayList<>();
    List<Ast.MemberBlock> clients = new ArrayList<>();
    List<Ast.MemberBlock> servers = new ArrayList<>();
    List<Ast.RequestBlock> requestBlocks = new ArrayList<>();
    String what = "channel '" + name.text() + "'";
    boolean complete =
        block(
            what,
            "after the channel name",
            null,
            () -> {
              Token item = peek();
              if (item.isWord("version")) {
                next();
                Token value = peek();
                if (value.kind() != Token.Kind.STRING) {
                  throw syntaxError(
                      value,
                      "expected a quoted version after 'version', e.g. version \"1.0.0\";, found "
                          + value.describe());
                }
                next();
                expectSemicolon("after the version");
                versions.add(new Ast.Version(value.string(), pos(value)));
              } else if (item.isWord("connect")) {
                next();
                Ast.NamedRef type = typeName("a message or union name after 'connect'");
                expectSemicolon("after the connect type");
                connects.add(type);
              } else if (item.isWord("client")) {
                next();
                clients.add(memberBlock(pos(item), "'client' of " + what, "after 'client'"));
              } else if (item.isWord("server")) {
                next();
                servers.add(memberBlock(pos(item), "'server' of " + what, "after 'server'"));
              } else if (item.isWord("requests")) {
                next();
                requestBlocks.add(requestBlock(pos(item), "'requests' of " + what));
              } else {
                throw syntaxError(
                    item,
                    "expected 'version', 'connect', 'client', 'server' or 'requests' in "
                        + what
                        + ", found "
                        + item.describe());
              }
            });
    return new Ast.ChannelDecl(
        name, versions, connects, clients, servers, requestBlocks, complete, docs, deprecation);
  }

  private Ast.RequestBlock requestBlock(SourcePos pos, String what) {
    List<Ast.RequestDecl> requests = new ArrayList<>();
    List<Ast.Reserved> reserved = new ArrayList<>();
    block(
        what,
        "after 'requests'",
        reserved,
        () -> {
          Docs docs = peek().docs();
          Deprecation deprecation = deprecation();
          Ast.NamedRef request = typeName("a request message or union name");
          expectWord("returns", "after the request type, e.g. 'Find returns Found = 1;'");
          Ast.NamedRef response = typeName("a response message or union name after 'returns'");
          Ast.Num number = numberAssignment("the response type", "request");
          requests.add(new Ast.RequestDecl(request, response, number, docs, deprecation));
        });
    return new Ast.RequestBlock(pos, requests, reserved);
  }

  /** {@code reserved 1, 5 to 9, 100 to max;} or {@code reserved "a", "b";}. */
  private Ast.Reserved reserved() {
    Token keyword = next();
    List<Ast.Range> ranges = new ArrayList<>();
    List<Ast.Ident> names = new ArrayList<>();
    do {
      Token token = peek();
      if (token.kind() == Token.Kind.STRING) {
        if (!ranges.isEmpty()) {
          throw syntaxError(token, "cannot mix numbers and names in one 'reserved'; use two lines");
        }
        next();
        names.add(new Ast.Ident(token.string(), pos(token)));
      } else if (token.kind() == Token.Kind.INT) {
        if (!names.isEmpty()) {
          throw syntaxError(token, "cannot mix numbers and names in one 'reserved'; use two lines");
        }
        Ast.Num start = number("a number");
        Ast.Num end = null;
        boolean toMax = false;
        if (peek().isWord("to")) {
          next();
          if (peek().isWord("max")) {
            next();
            toMax = true;
          } else {
            end = number("a number or 'max' after 'to'");
          }
        }
        ranges.add(new Ast.Range(start, end, toMax));
      } else {
        throw syntaxError(
            token,
            "expected a number or a quoted name after "
                + (ranges.isEmpty() && names.isEmpty() ? "'reserved'" : "','")
                + ", found "
                + token.describe());
      }
    } while (acceptPunct(','));
    expectSemicolon("after the reserved numbers or names");
    return new Ast.Reserved(pos(keyword), ranges, names);
  }

  /** {@code = number ;}, the end of a field, enum value, member or request. */
  private Ast.Num numberAssignment(String after, String noun) {
    expectPunct('=', "after " + after);
    Ast.Num number = number("a " + noun + " number after '='");
    expectSemicolon("after " + noun + " number");
    return number;
  }

  private Deprecation deprecation() {
    Token token = peek();
    if (token.kind() != Token.Kind.ANNOTATION) {
      return null;
    }
    next();
    String reason = "";
    if (acceptPunct('(')) {
      Token value = peek();
      if (value.kind() != Token.Kind.STRING) {
        throw syntaxError(
            value,
            "expected a quoted reason after '@deprecated(', e.g. @deprecated(\"use Other\"), found "
                + value.describe());
      }
      next();
      reason = value.string();
      expectPunct(')', "after the deprecation reason");
    }
    return new Deprecation(reason);
  }

  /**
   * Parses {@code { element* }}, calling {@code element} for each element (and adding {@code
   * reserved} lines to {@code reserved}, unless null) and resyncing after a syntax error in one.
   * Stops without consuming at a declaration keyword, which most likely means the closing brace is
   * missing. Returns whether every element parsed.
   */
  private boolean block(
      String what, String openContext, List<Ast.Reserved> reserved, Runnable element) {
    Token open = peek();
    expectPunct('{', openContext);
    boolean complete = true;
    while (true) {
      Token token = peek();
      if (token.isPunct('}')) {
        next();
        return complete;
      }
      if (token.kind() == Token.Kind.EOF || atTopLevelStart()) {
        error(
            token,
            "expected '}' to close "
                + what
                + " (opened at line "
                + open.line()
                + "), found "
                + token.describe());
        return complete;
      }
      int before = index;
      try {
        if (reserved != null && token.isWord("reserved")) {
          reserved.add(reserved());
        } else {
          element.run();
        }
      } catch (SyntaxError e) {
        complete = false;
        resync();
      }
      if (index == before) {
        index++;
      }
    }
  }

  /**
   * Skips to just after the next {@code ;} or block, or to a {@code }} closing the enclosing one.
   */
  private void resync() {
    int depth = 0;
    while (true) {
      Token token = peek();
      if (token.kind() == Token.Kind.EOF) {
        return;
      }
      if (depth == 0 && (token.isPunct('}') || atTopLevelStart())) {
        return;
      }
      next();
      if (token.isPunct('{')) {
        depth++;
      } else if (token.isPunct('}')) {
        depth--;
        if (depth == 0) {
          return;
        }
      } else if (token.isPunct(';') && depth == 0) {
        return;
      }
    }
  }

  /** Runs a top-level element; on a syntax error, resyncs and returns null. */
  private <T> T attempt(java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (SyntaxError e) {
      resync();
      if (peek().isPunct('}')) {
        error(peek(), "unexpected '}'");
        next();
      }
      return null;
    }
  }

  /** Whether the next tokens begin a declaration, an import or a package, not an element. */
  private boolean atTopLevelStart() {
    Token token = peek();
    if (token.kind() != Token.Kind.WORD) {
      return false;
    }
    Token after = peek(1);
    return (Keywords.startsDeclaration(token.text()) && after.kind() == Token.Kind.WORD)
        || (token.isWord("import") && after.kind() == Token.Kind.STRING)
        || (token.isWord("package") && after.kind() == Token.Kind.WORD);
  }

  private Ast.Ident declName(String kind) {
    return name("a " + kind + " name after '" + kind + "'");
  }

  /**
   * A word; an invalid identifier (already reported) abandons the element to avoid follow-on
   * errors.
   */
  private Ast.Ident name(String expected) {
    Token token = peek();
    if (token.kind() != Token.Kind.WORD) {
      throw syntaxError(token, "expected " + expected + ", found " + token.describe());
    }
    if (token.reported()) {
      throw new SyntaxError();
    }
    next();
    return new Ast.Ident(token.text(), pos(token));
  }

  private Ast.Ident qualifiedName(String expected) {
    Ast.Ident first = name(expected);
    StringBuilder name = new StringBuilder(first.text());
    while (peek().isPunct('.')) {
      next();
      name.append('.').append(name("a name after '.'").text());
    }
    return new Ast.Ident(name.toString(), first.pos());
  }

  private Ast.Num number(String expected) {
    Token token = peek();
    if (token.kind() != Token.Kind.INT) {
      throw syntaxError(token, "expected " + expected + ", found " + token.describe());
    }
    next();
    return new Ast.Num(token.number(), !token.reported(), pos(token));
  }

  private void expectWord(String word, String context) {
    Token token = peek();
    if (!token.isWord(word)) {
      throw syntaxError(
          token, "expected '" + word + "' " + context + ", found " + token.describe());
    }
    next();
  }

  private void expectPunct(char punct, String context) {
    if (!acceptPunct(punct)) {
      throw syntaxError(
          peek(), "expected '" + punct + "' " + context + ", found " + peek().describe());
    }
  }

  /**
   * Expects a {@code ;}. A missing one at the end of a line is reported and taken as present, so
   * the next line parses normally instead of being skipped.
   */
  private void expectSemicolon(String context) {
    if (acceptPunct(';')) {
      return;
    }
    Token token = peek();
    Token previous = index > 0 ? tokens.get(index - 1) : null;
    if (previous != null && token.line() > previous.line()) {
      // As javac does: point just past the last token of the line that lacks its ';'.
      SourcePos lineEnd =
          new SourcePos(path, previous.line(), previous.column() + previous.text().length());
      error(token, lineEnd, "expected ';' " + context + " at the end of the line");
      return;
    }
    String message = "expected ';' " + context + ", found " + token.describe();
    if (token.isPunct('}') || token.kind() == Token.Kind.EOF) {
      error(token, message);
      return;
    }
    throw syntaxError(token, message);
  }

  private boolean acceptPunct(char punct) {
    if (peek().isPunct(punct)) {
      next();
      return true;
    }
    return false;
  }

  private Token peek() {
    return tokens.get(index);
  }

  private Token peek(int ahead) {
    return tokens.get(Math.min(index + ahead, tokens.size() - 1));
  }

  private Token next() {
    Token token = tokens.get(index);
    if (index < tokens.size() - 1) {
      index++;
    }
    return token;
  }

  private SyntaxError syntaxError(Token token, String message) {
    error(token, message);
    return new SyntaxError();
  }

  /**
   * Reports a syntax error at {@code token} unless one was reported there already, or the lexer
   * reported it or the token before it (the likely cause).
   */
  private void error(Token token, String message) {
    error(token, pos(token), message);
  }

  /** Like {@link #error(Token, String)}, reported at {@code pos} instead of at the token. */
  private void error(Token token, SourcePos pos, String message) {
    int at = token == peek() ? index : tokens.indexOf(token);
    boolean afterMalformed = at > 0 && tokens.get(at - 1).reported();
    if (token.reported() || afterMalformed || at == lastErrorIndex) {
      return;
    }
    lastErrorIndex = at;
    reporter.error(pos, message);
  }

  private SourcePos pos(Token token) {
    return new SourcePos(path, token.line(), token.column());
  }
}

package io.simplenet.compiler.internal.parse;

import io.simplenet.compiler.internal.JavaNames;
import io.simplenet.compiler.internal.model.GeneratedNames;
import io.simplenet.compiler.internal.model.SourcePos;
import io.simplenet.compiler.internal.model.TypeKind;
import io.simplenet.compiler.internal.parse.UnionMembers.Member;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks each declaration on its own (after names are resolved): numbers, names and types of
 * fields, enum values, union members and channel items.
 */
final class DeclarationChecker {
  private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._+-]{1,64}");

  /** The constant every generated enum adds for numbers it does not know. */
  private static final String UNRECOGNIZED = "UNRECOGNIZED";

  private final Reporter reporter;
  private final SymbolTable table;
  private final Map<Ast.NamedRef, Symbol> resolved;

  /** Enum value names share their package's scope, as in protobuf: package -> name -> value. */
  private final Map<String, Map<String, EnumValueOwner>> enumValues = new HashMap<>();

  private final List<UnionMembers> unions = new ArrayList<>();

  private record EnumValueOwner(Ast.EnumDecl enumDecl, SourcePos pos) {}

  DeclarationChecker(Reporter reporter, SymbolTable table, Map<Ast.NamedRef, Symbol> resolved) {
    this.reporter = reporter;
    this.table = table;
    this.resolved = resolved;
  }

  /** Checks {@code files}; returns the members of every union and role for {@link GraphChecker}. */
  List<UnionMembers> check(List<ParsedFile> files) {
    for (ParsedFile file : files) {
      for (Ast.Decl decl : file.ast().decls()) {
        if (decl instanceof Ast.MessageDecl message) {
          checkMessage(message);
        } else if (decl instanceof Ast.EnumDecl enumDecl) {
          checkEnum(table.javaPackage(file), enumDecl);
        } else if (decl instanceof Ast.UnionDecl union) {
          checkUnion(file, union);
        } else if (decl instanceof Ast.ChannelDecl channel) {
          checkChannel(file, channel);
        }
      }
    }
    return List.copyOf(unions);
  }

  private void checkMessage(Ast.MessageDecl message) {
    NumberingChecker numbering = NumberingChecker.forFields(reporter, "field", message.reserved());
    Map<String, Ast.FieldDecl> byJsonName = new HashMap<>();
    for (Ast.FieldDecl field : message.fields()) {
      String name = field.name().text();
      numbering.number(field.number(), name);
      boolean unique = numbering.name(name, field.name().pos());
      if (Keywords.isStrictKeyword(name)) {
        reporter.error(field.name().pos(), "'" + name + "' is a keyword and cannot name a field");
      }
      String jsonName = JavaNames.toJsonName(name);
      if (jsonName.isEmpty() || !Character.isLetter(jsonName.charAt(0))) {
        reporter.error(
            field.name().pos(),
            "field name '"
                + name
                + "' becomes '"
                + jsonName
                + "' in JSON and Java, which is not a name; start field names with a letter");
      } else if (unique) {
        Ast.FieldDecl other = byJsonName.putIfAbsent(jsonName, field);
        if (other != null) {
          reporter.error(
              field.name().pos(),
              "field '"
                  + name
                  + "' and field '"
                  + other.name().text()
                  + "' (line "
                  + other.name().pos().line()
                  + ") both have the JSON and Java name '"
                  + jsonName
                  + "'; rename one");
        }
      }
      checkFieldType(field);
    }
  }

  private void checkFieldType(Ast.FieldDecl field) {
    Ast.TypeRef type = field.type();
    if (field.optionalPos() != null
        && !(type instanceof Ast.ScalarRef || type instanceof Ast.NamedRef)) {
      String collection = describe(type);
      reporter.error(
          field.optionalPos(),
          "'optional' cannot apply to a "
              + collection
              + "; lists and maps are never absent (absent is empty), so remove 'optional'");
    }
    if (type instanceof Ast.ListRef list) {
      checkNotCollection(list.element(), "list element");
    } else if (type instanceof Ast.MapRef map) {
      if (!(map.key() instanceof Ast.ScalarRef key && key.kind().isMapKey())) {
        reporter.error(
            map.key().pos(),
            "map keys must be string or an integer type, found '" + describe(map.key()) + "'");
      }
      checkNotCollection(map.value(), "map value");
    }
  }

  private void checkNotCollection(Ast.TypeRef type, String role) {
    if (type instanceof Ast.ListRef || type instanceof Ast.MapRef) {
      String inner = describe(type);
      reporter.error(
          type.pos(),
          "a "
              + role
              + " cannot be a "
              + inner
              + " (protobuf has no nested collections); wrap the inner "
              + inner
              + " in a message");
    }
  }

  private static String describe(Ast.TypeRef type) {
    if (type instanceof Ast.ScalarRef scalar) {
      return scalar.kind().schemaName();
    }
    if (type instanceof Ast.NamedRef named) {
      return named.name();
    }
    return type instanceof Ast.ListRef ? "list" : "map";
  }

  private void checkEnum(String javaPackage, Ast.EnumDecl enumDecl) {
    String enumName = enumDecl.name().text();
    checkFirstValueIsZero(enumDecl);
    NumberingChecker numbering = NumberingChecker.forEnumValues(reporter, enumDecl.reserved());
    Map<String, EnumValueOwner> packageValues =
        enumValues.computeIfAbsent(javaPackage, p -> new HashMap<>());
    for (Ast.ValueDecl value : enumDecl.values()) {
      String name = value.name().text();
      SourcePos pos = value.name().pos();
      numbering.number(value.number(), name);
      String reservedWord = JavaNames.reservedWordKind(name);
      if (Keywords.isStrictKeyword(name)) {
        reporter.error(pos, "'" + name + "' is a keyword and cannot name an enum value");
      } else if (reservedWord != null) {
        reporter.error(pos, "'" + name + "' is " + reservedWord + " and cannot name an enum value");
      } else if (name.equals(UNRECOGNIZED)) {
        reporter.error(
            pos,
            "'"
                + UNRECOGNIZED
                + "' cannot name an enum value: every generated enum "
                + "adds it for numbers it does not know");
      }
      if (!numbering.name(name, pos)) {
        continue;
      }
      EnumValueOwner previous = packageValues.putIfAbsent(name, new EnumValueOwner(enumDecl, pos));
      if (previous != null && previous.enumDecl() != enumDecl) {
        reporter.error(
            pos,
            "enum value '"
                + name
                + "' is already declared in enum '"
                + previous.enumDecl().name().text()
                + "' at "
                + previous.pos()
                + "; enum values share their package's scope, so prefix them, e.g. '"
                + enumValuePrefix(enumName)
                + name
                + "'");
      }
    }
  }

  /** The first value is the default, so it must exist and be 0. */
  private void checkFirstValueIsZero(Ast.EnumDecl enumDecl) {
    // Values that failed to parse were reported; their absence is not reported too.
    if (!enumDecl.complete()) {
      return;
    }
    String enumName = enumDecl.name().text();
    if (enumDecl.values().isEmpty()) {
      reporter.error(
          enumDecl.name().pos(),
          "enum '"
              + enumName
              + "' has no values; add one numbered 0, e.g. '"
              + enumValuePrefix(enumName)
              + "UNSPECIFIED = 0;'");
      return;
    }
    Ast.Num first = enumDecl.values().get(0).number();
    if (first.valid() && first.value() != 0) {
      reporter.error(
          first.pos(),
          "the first value of enum '"
              + enumName
              + "' must be 0 (it is the default), found "
              + first.value());
    }
  }

  private static String enumValuePrefix(String enumName) {
    return JavaNames.toSnakeCase(enumName).toUpperCase(Locale.ROOT) + "_";
  }

  private void checkUnion(ParsedFile file, Ast.UnionDecl union) {
    String name = union.name().text();
    if (union.block().members().isEmpty() && union.block().complete()) {
      reporter.error(union.name().pos(), "union '" + name + "' has no members; add at least one");
    }
    checkMemberBlock(
        file, union.block(), "union member", "union '" + name + "'", name, table.symbol(union));
  }

  /** Checks a union's or a client or server role's members. */
  private void checkMemberBlock(
      ParsedFile file,
      Ast.MemberBlock block,
      String what,
      String container,
      String sealedInterface,
      Symbol union) {
    NumberingChecker numbering = NumberingChecker.forFields(reporter, "member", block.reserved());
    List<Member> members = new ArrayList<>();
    for (Ast.MemberDecl member : block.members()) {
      String simpleName = simpleName(member.type());
      numbering.number(member.number(), simpleName);
      numbering.notReserved(simpleName, member.type().pos());
      Symbol symbol = resolved.get(member.type());
      if (symbol != null
          && isSameFileMessageOrUnion(file, member.type(), symbol, what, sealedInterface)) {
        members.add(new Member(member.type(), symbol));
      }
    }
    unions.add(new UnionMembers(container, union, distinctMembers(members, container)));
  }

  /**
   * {@code members} without repeats; reports a type listed twice, and two types that would get the
   * same oneof field name.
   */
  private List<Member> distinctMembers(List<Member> members, String container) {
    List<Member> distinct = new ArrayList<>();
    Map<Symbol, Member> bySymbol = new IdentityHashMap<>();
    Map<String, Member> byFieldName = new HashMap<>();
    for (Member member : members) {
      Member previous = bySymbol.putIfAbsent(member.symbol(), member);
      if (previous != null) {
        reporter.error(
            member.ref().pos(),
            "'"
                + member.ref().name()
                + "' is already a member of "
                + container
                + " (line "
                + previous.ref().pos().line()
                + ")");
        continue;
      }
      String fieldName = JavaNames.toSnakeCase(member.symbol().simpleName());
      for (String key : List.of(fieldName, "json:" + JavaNames.toJsonName(fieldName))) {
        previous = byFieldName.putIfAbsent(key, member);
        if (previous != null) {
          reporter.error(
              member.ref().pos(),
              "'"
                  + member.symbol().simpleName()
                  + "' and '"
                  + previous.symbol().simpleName()
                  + "' (line "
                  + previous.ref().pos().line()
                  + ") both become the field '"
                  + fieldName
                  + "' of "
                  + container
                  + "; rename one");
          break;
        }
      }
      distinct.add(member);
    }
    return distinct;
  }

  /**
   * Whether a union or role member is a message or union of {@code file}; reports it if not.
   * Members must be declared with their union because they implement its sealed interface.
   */
  private boolean isSameFileMessageOrUnion(
      ParsedFile file, Ast.NamedRef ref, Symbol symbol, String what, String sealedInterface) {
    if (symbol.kind() == TypeKind.ENUM) {
      reporter.error(
          ref.pos(), what + " '" + ref.name() + "' is an enum; it must be a message or union");
      return false;
    }
    if (!symbol.file().path().equals(file.path())) {
      reporter.error(
          ref.pos(),
          what
              + " '"
              + ref.name()
              + "' is declared in "
              + symbol.file().path()
              + "; it must be declared in this file, because it implements the generated sealed"
              + " interface '"
              + sealedInterface
              + "'");
      return false;
    }
    return true;
  }

  private void checkChannel(ParsedFile file, Ast.ChannelDecl channel) {
    String name = channel.name().text();
    String what = "channel '" + name + "'";
    SourcePos pos = channel.name().pos();
    // Items that failed to parse were reported; their absence is not reported too.
    SourcePos missingAt = channel.complete() ? channel.name().pos() : null;
    checkOnce(
        channel.versions().stream().map(Ast.Version::pos).toList(),
        "version",
        what,
        missingAt,
        "add e.g. 'version \"1.0.0\";'");
    if (!channel.versions().isEmpty()) {
      Ast.Version version = channel.versions().get(0);
      if (!VERSION.matcher(version.value()).matches()) {
        reporter.error(
            version.pos(),
            "invalid version \""
                + version.value()
                + "\": use 1 to 64 characters from A-Z a-z 0-9 . _ + -");
      }
    }
    checkOnce(
        channel.connects().stream().map(Ast.NamedRef::pos).toList(),
        "connect",
        what,
        missingAt,
        "add e.g. 'connect " + exampleMessage(file) + ";'");
    if (!channel.connects().isEmpty()) {
      Ast.NamedRef connect = channel.connects().get(0);
      Symbol symbol = resolved.get(connect);
      if (symbol != null && symbol.kind() == TypeKind.ENUM) {
        reporter.error(
            connect.pos(),
            "connect type '" + connect.name() + "' is an enum; it must be a message or union");
      }
    }
    checkOnce(
        channel.clients().stream().map(Ast.MemberBlock::pos).toList(),
        "client",
        what,
        missingAt,
        "add 'client { }' if clients send no one-shot messages");
    checkOnce(
        channel.servers().stream().map(Ast.MemberBlock::pos).toList(),
        "server",
        what,
        missingAt,
        "add 'server { }' if the server sends no one-shot messages");
    checkOnce(
        channel.requestBlocks().stream().map(Ast.RequestBlock::pos).toList(),
        "requests",
        what,
        missingAt,
        "add 'requests { }' if there are no requests");
    if (!channel.clients().isEmpty()) {
      String role = GeneratedNames.clientMessageRole(name);
      checkMemberBlock(
          file, channel.clients().get(0), "client message", "role '" + role + "'", role, null);
    }
    if (!channel.servers().isEmpty()) {
      String role = GeneratedNames.serverMessageRole(name);
      checkMemberBlock(
          file, channel.servers().get(0), "server message", "role '" + role + "'", role, null);
    }
    if (!channel.requestBlocks().isEmpty()) {
      checkRequests(file, name, channel.requestBlocks().get(0));
    }
  }

  /**
   * Reports a channel item that is repeated, or missing (at {@code missingAt}, unless null); each
   * must appear exactly once.
   */
  private void checkOnce(
      List<SourcePos> occurrences,
      String keyword,
      String channel,
      SourcePos missingAt,
      String fix) {
    if (occurrences.isEmpty()) {
      if (missingAt != null) {
        reporter.error(missingAt, channel + " has no '" + keyword + "'; " + fix);
      }
      return;
    }
    int firstLine = occurrences.get(0).line();
    for (SourcePos extra : occurrences.subList(1, occurrences.size())) {
      reporter.error(
          extra, "duplicate '" + keyword + "' in " + channel + "; first at line " + firstLine);
    }
  }

  private void checkRequests(ParsedFile file, String channel, Ast.RequestBlock block) {
    String requestRole = GeneratedNames.requestRole(channel);
    String responseRole = GeneratedNames.responseRole(channel);
    NumberingChecker numbering = NumberingChecker.forFields(reporter, "request", block.reserved());
    Map<Symbol, Ast.RequestDecl> requestTypes = new IdentityHashMap<>();
    List<Member> requests = new ArrayList<>();
    List<Member> responses = new ArrayList<>();
    Map<Symbol, Boolean> seenResponses = new IdentityHashMap<>();
    for (Ast.RequestDecl request : block.requests()) {
      String simpleName = simpleName(request.request());
      numbering.number(request.number(), simpleName);
      numbering.notReserved(simpleName, request.request().pos());
      Symbol requestType = resolved.get(request.request());
      if (requestType != null
          && isSameFileMessageOrUnion(
              file, request.request(), requestType, "request type", requestRole)) {
        Ast.RequestDecl previous = requestTypes.putIfAbsent(requestType, request);
        if (previous != null) {
          reporter.error(
              request.request().pos(),
              "request type '"
                  + request.request().name()
                  + "' is already used by request "
                  + previous.number().value()
                  + " (line "
                  + previous.request().pos().line()
                  + "); each request type names one kind of request");
        } else {
          requests.add(new Member(request.request(), requestType));
        }
      }
      Symbol responseType = resolved.get(request.response());
      if (responseType != null
          && isSameFileMessageOrUnion(
              file, request.response(), responseType, "response type", responseRole)
          && seenResponses.put(responseType, true) == null) {
        responses.add(new Member(request.response(), responseType));
      }
    }
    String requestContainer = "role '" + requestRole + "'";
    String responseContainer = "role '" + responseRole + "'";
    unions.add(
        new UnionMembers(requestContainer, null, distinctMembers(requests, requestContainer)));
    unions.add(
        new UnionMembers(responseContainer, null, distinctMembers(responses, responseContainer)));
  }

  private static String simpleName(Ast.NamedRef ref) {
    return ref.name().substring(ref.name().lastIndexOf('.') + 1);
  }

  /** A message of {@code file} to name in a "add e.g." hint. */
  private String exampleMessage(ParsedFile file) {
    return table.declaredIn(file).stream()
        .filter(symbol -> symbol.kind() == TypeKind.MESSAGE)
        .map(Symbol::simpleName)
        .findFirst()
        .orElse("Hello");
  }
}

package io.simplenet.compiler.internal.parse;

import io.simplenet.compiler.internal.JavaNames;
import io.simplenet.compiler.internal.model.Channel;
import io.simplenet.compiler.internal.model.Deprecation;
import io.simplenet.compiler.internal.model.Docs;
import io.simplenet.compiler.internal.model.EnumType;
import io.simplenet.compiler.internal.model.EnumValue;
import io.simplenet.compiler.internal.model.Field;
import io.simplenet.compiler.internal.model.FieldType;
import io.simplenet.compiler.internal.model.GeneratedNames;
import io.simplenet.compiler.internal.model.MessageType;
import io.simplenet.compiler.internal.model.RequestKind;
import io.simplenet.compiler.internal.model.Reserved;
import io.simplenet.compiler.internal.model.Schema;
import io.simplenet.compiler.internal.model.SchemaSet;
import io.simplenet.compiler.internal.model.SourcePos;
import io.simplenet.compiler.internal.model.TypeKind;
import io.simplenet.compiler.internal.model.TypeName;
import io.simplenet.compiler.internal.model.UnionMember;
import io.simplenet.compiler.internal.model.UnionType;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the model from checked syntax trees; only called when there are no errors. */
final class ModelBuilder {
  private final SymbolTable table;
  private final Map<Ast.NamedRef, Symbol> resolved;
  private final Map<Symbol, List<TypeName>> memberOf = new IdentityHashMap<>();
  private final Map<Symbol, Boolean> hasDefault = new IdentityHashMap<>();

  /**
   * A channel's response type: the lowest request number answering it, and where it first appears.
   */
  private record Response(int number, Ast.NamedRef ref) {}

  ModelBuilder(SymbolTable table, Map<Ast.NamedRef, Symbol> resolved) {
    this.table = table;
    this.resolved = resolved;
  }

  SchemaSet build(List<ParsedFile> files) {
    files.forEach(this::collectMemberOf);
    List<Schema> schemas = new ArrayList<>();
    for (ParsedFile file : files) {
      schemas.add(schema(file));
    }
    return new SchemaSet(schemas);
  }

  /** Records, for every member type, the unions and roles that list it, in declaration order. */
  private void collectMemberOf(ParsedFile file) {
    for (Ast.Decl decl : file.ast().decls()) {
      if (decl instanceof Ast.UnionDecl union) {
        TypeName unionName = table.symbol(union).name();
        union.block().members().forEach(member -> addMemberOf(member.type(), unionName));
      } else if (decl instanceof Ast.ChannelDecl channel) {
        String name = channel.name().text();
        TypeName client = roleName(file, GeneratedNames.clientMessageRole(name));
        TypeName server = roleName(file, GeneratedNames.serverMessageRole(name));
        TypeName request = roleName(file, GeneratedNames.requestRole(name));
        TypeName response = roleName(file, GeneratedNames.responseRole(name));
        channel.clients().get(0).members().forEach(member -> addMemberOf(member.type(), client));
        channel.servers().get(0).members().forEach(member -> addMemberOf(member.type(), server));
        for (Ast.RequestDecl kind : channel.requestBlocks().get(0).requests()) {
          addMemberOf(kind.request(), request);
        }
        for (Ast.RequestDecl kind : channel.requestBlocks().get(0).requests()) {
          addMemberOf(kind.response(), response);
        }
      }
    }
  }

  private void addMemberOf(Ast.NamedRef member, TypeName container) {
    List<TypeName> containers =
        memberOf.computeIfAbsent(resolved.get(member), s -> new ArrayList<>());
    if (!containers.contains(container)) {
      containers.add(container);
    }
  }

  private Schema schema(ParsedFile file) {
    List<MessageType> messages = new ArrayList<>();
    List<EnumType> enums = new ArrayList<>();
    List<UnionType> unions = new ArrayList<>();
    List<Channel> channels = new ArrayList<>();
    for (Ast.Decl decl : file.ast().decls()) {
      if (decl instanceof Ast.MessageDecl message) {
        messages.add(message(table.symbol(message)));
      } else if (decl instanceof Ast.EnumDecl enumDecl) {
        enums.add(enumType(table.symbol(enumDecl)));
      } else if (decl instanceof Ast.UnionDecl union) {
        Symbol symbol = table.symbol(union);
        unions.add(
            new UnionType(
                symbol.name(),
                members(union.block().members()),
                reserved(union.block().reserved(), Reserved.MAX_FIELD_NUMBER),
                memberOf(symbol),
                null,
                union.docs(),
                union.deprecation(),
                union.name().pos()));
      } else if (decl instanceof Ast.ChannelDecl channel) {
        channels.add(channel(file, channel));
      }
    }
    return new Schema(
        file.path(),
        table.javaPackage(file),
        file.imports(),
        messages,
        enums,
        unions,
        channels,
        file.ast().docs());
  }

  private MessageType message(Symbol symbol) {
    Ast.MessageDecl decl = (Ast.MessageDecl) symbol.decl();
    List<Field> fields = new ArrayList<>();
    for (Ast.FieldDecl field : decl.fields()) {
      String jsonName = JavaNames.toJsonName(field.name().text());
      fields.add(
          new Field(
              field.name().text(),
              jsonName,
              JavaNames.escape(jsonName),
              (int) field.number().value(),
              fieldType(field.type()),
              field.optionalPos() != null,
              field.docs(),
              field.deprecation(),
              field.name().pos()));
    }
    return new MessageType(
        symbol.name(),
        fields,
        reserved(decl.reserved(), Reserved.MAX_FIELD_NUMBER),
        hasDefault(symbol),
        memberOf(symbol),
        decl.docs(),
        decl.deprecation(),
        decl.name().pos());
  }

  private FieldType fieldType(Ast.TypeRef type) {
    if (type instanceof Ast.ScalarRef scalar) {
      return new FieldType.Scalar(scalar.kind());
    }
    if (type instanceof Ast.NamedRef named) {
      return new FieldType.Named(resolved.get(named).name());
    }
    if (type instanceof Ast.ListRef list) {
      return new FieldType.ListOf(fieldType(list.element()));
    }
    Ast.MapRef map = (Ast.MapRef) type;
    return new FieldType.MapOf(((Ast.ScalarRef) map.key()).kind(), fieldType(map.value()));
  }

  /** False if a non-optional union field is reachable through non-optional message fields. */
  private boolean hasDefault(Symbol message) {
    Boolean known = hasDefault.get(message);
    if (known != null) {
      return known;
    }
    boolean result = true;
    for (Ast.FieldDecl field : ((Ast.MessageDecl) message.decl()).fields()) {
      Symbol target =
          field.optionalPos() == null && field.type() instanceof Ast.NamedRef ref
              ? resolved.get(ref)
              : null;
      if (target != null
          && (target.kind() == TypeKind.UNION
              || (target.kind() == TypeKind.MESSAGE && !hasDefault(target)))) {
        result = false;
        break;
      }
    }
    hasDefault.put(message, result);
    return result;
  }

  private EnumType enumType(Symbol symbol) {
    Ast.EnumDecl decl = (Ast.EnumDecl) symbol.decl();
    List<EnumValue> values = new ArrayList<>();
    for (Ast.ValueDecl value : decl.values()) {
      values.add(
          new EnumValue(
              value.name().text(),
              (int) value.number().value(),
              value.docs(),
              value.deprecation(),
              value.name().pos()));
    }
    return new EnumType(
        symbol.name(),
        values,
        reserved(decl.reserved(), Reserved.MAX_ENUM_NUMBER),
        decl.docs(),
        decl.deprecation(),
        decl.name().pos());
  }

  private List<UnionMember> members(List<Ast.MemberDecl> members) {
    List<UnionMember> result = new ArrayList<>();
    for (Ast.MemberDecl member : members) {
      result.add(
          member(
              member.type(), (int) member.number().value(), member.docs(), member.deprecation()));
    }
    return result;
  }

  private UnionMember member(Ast.NamedRef ref, int number, Docs docs, Deprecation deprecation) {
    TypeName type = resolved.get(ref).name();
    String fieldName = JavaNames.toSnakeCase(type.simpleName());
    return new UnionMember(
        type, number, fieldName, JavaNames.toJsonName(fieldName), docs, deprecation, ref.pos());
  }

  private Channel channel(ParsedFile file, Ast.ChannelDecl channel) {
    String name = channel.name().text();
    Ast.MemberBlock clients = channel.clients().get(0);
    Ast.MemberBlock servers = channel.servers().get(0);
    Ast.RequestBlock requestBlock = channel.requestBlocks().get(0);
    Reserved requestReserved = reserved(requestBlock.reserved(), Reserved.MAX_FIELD_NUMBER);
    List<RequestKind> kinds = new ArrayList<>();
    List<UnionMember> requests = new ArrayList<>();
    Map<Symbol, Response> responses = new LinkedHashMap<>();
    for (Ast.RequestDecl kind : requestBlock.requests()) {
      int number = (int) kind.number().value();
      Symbol response = resolved.get(kind.response());
      kinds.add(
          new RequestKind(
              resolved.get(kind.request()).name(),
              response.name(),
              number,
              kind.docs(),
              kind.deprecation(),
              kind.request().pos()));
      requests.add(member(kind.request(), number, kind.docs(), kind.deprecation()));
      Response previous = responses.putIfAbsent(response, new Response(number, kind.response()));
      if (previous != null && number < previous.number()) {
        responses.put(response, new Response(number, previous.ref()));
      }
    }
    List<UnionMember> responseMembers = new ArrayList<>();
    for (Response response : responses.values()) {
      responseMembers.add(member(response.ref(), response.number(), Docs.NONE, null));
    }
    return new Channel(
        name,
        table.javaPackage(file),
        channel.versions().get(0).value(),
        resolved.get(channel.connects().get(0)).name(),
        role(
            file,
            GeneratedNames.clientMessageRole(name),
            UnionType.Role.CLIENT_MESSAGE,
            members(clients.members()),
            reserved(clients.reserved(), Reserved.MAX_FIELD_NUMBER),
            clients.pos()),
        role(
            file,
            GeneratedNames.serverMessageRole(name),
            UnionType.Role.SERVER_MESSAGE,
            members(servers.members()),
            reserved(servers.reserved(), Reserved.MAX_FIELD_NUMBER),
            servers.pos()),
        role(
            file,
            GeneratedNames.requestRole(name),
            UnionType.Role.REQUEST,
            requests,
            requestReserved,
            requestBlock.pos()),
        role(
            file,
            GeneratedNames.responseRole(name),
            UnionType.Role.RESPONSE,
            responseMembers,
            requestReserved,
            requestBlock.pos()),
        kinds,
        channel.docs(),
        channel.deprecation(),
        channel.name().pos());
  }

  private UnionType role(
      ParsedFile file,
      String name,
      UnionType.Role role,
      List<UnionMember> members,
      Reserved reserved,
      SourcePos pos) {
    return new UnionType(
        roleName(file, name), members, reserved, List.of(), role, Docs.NONE, null, pos);
  }

  private TypeName roleName(ParsedFile file, String name) {
    return new TypeName(table.javaPackage(file), name, TypeKind.UNION, file.path());
  }

  private List<TypeName> memberOf(Symbol symbol) {
    return memberOf.getOrDefault(symbol, List.of());
  }

  private static Reserved reserved(List<Ast.Reserved> lines, int max) {
    List<Reserved.Range> ranges = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Ast.Reserved line : lines) {
      for (Ast.Range range : line.ranges()) {
        int start = (int) range.start().value();
        int end = range.toMax() ? max : range.end() == null ? start : (int) range.end().value();
        ranges.add(new Reserved.Range(start, end));
      }
      line.names().forEach(name -> names.add(name.text()));
    }
    return new Reserved(ranges, names);
  }
}

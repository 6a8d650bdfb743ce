package io.simplenet.compiler.internal.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.simplenet.compiler.internal.model.Channel;
import io.simplenet.compiler.internal.model.Deprecation;
import io.simplenet.compiler.internal.model.Docs;
import io.simplenet.compiler.internal.model.RequestKind;
import io.simplenet.compiler.internal.model.SchemaSet;
import io.simplenet.compiler.internal.model.UnionMember;
import io.simplenet.compiler.internal.model.UnionType;
import javax.lang.model.element.Modifier;

/**
 * Generates the sealed interface of a union or channel role, which its members implement (or
 * extend). A role without members becomes an uninhabited final class, since a sealed interface
 * needs at least one permitted subtype.
 */
final class UnionGenerator {
  private final SchemaSet schemas;
  private final UnionType union;
  private final Channel channel;
  private final ClassName unionName;

  private UnionGenerator(SchemaSet schemas, UnionType union, Channel channel) {
    this.schemas = schemas;
    this.union = union;
    this.channel = channel;
    this.unionName = TypeMapper.className(union.name());
  }

  /**
   * The type of {@code union}; {@code channel} is the channel of a role, null for a declared union.
   */
  static TypeSpec.Builder generate(SchemaSet schemas, UnionType union, Channel channel) {
    return new UnionGenerator(schemas, union, channel).generate();
  }

  private TypeSpec.Builder generate() {
    TypeSpec.Builder spec = union.members().isEmpty() ? uninhabitedClass() : sealedInterface();
    if (union.deprecation() != null) {
      spec.addAnnotation(Deprecations.DEPRECATED);
    }
    return spec;
  }

  private TypeSpec.Builder sealedInterface() {
    JavaDoc javadoc = new JavaDoc();
    if (union.role() == null) {
      javadoc.docs(union.docs());
    } else {
      javadoc.paragraph(roleSummary());
    }
    if (listsMembers()) {
      javadoc.paragraph(memberList());
    }
    javadoc.deprecated(union.deprecation());
    TypeSpec.Builder spec =
        TypeSpec.interfaceBuilder(unionName).addModifiers(Modifier.PUBLIC, Modifier.SEALED);
    if (!javadoc.isEmpty()) {
      spec.addJavadoc(javadoc.build());
    }
    union.memberOf().forEach(outer -> spec.addSuperinterface(TypeMapper.className(outer)));
    union.members().forEach(m -> spec.addPermittedSubclass(TypeMapper.className(m.type())));
    if (namesDeprecatedType()) {
      spec.addAnnotation(Deprecations.SUPPRESS_DEPRECATION);
    }
    return spec;
  }

  private TypeSpec.Builder uninhabitedClass() {
    return TypeSpec.classBuilder(unionName)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc(
            new JavaDoc()
                .paragraph(
                    "Channel {@code $L} declares no $L, so this type has no instances.",
                    channel.name(),
                    emptyRoleNoun())
                .deprecated(union.deprecation())
                .build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
  }

  /**
   * Whether the interface extends or permits a deprecated type, which javac warns about unless the
   * union itself is deprecated.
   */
  private boolean namesDeprecatedType() {
    return union.deprecation() == null
        && (union.memberOf().stream().anyMatch(outer -> Deprecations.isDeprecated(schemas, outer))
            || union.members().stream()
                .anyMatch(member -> Deprecations.isDeprecated(schemas, member.type())));
  }

  /** The first sentence of a role's Javadoc. */
  private CodeBlock roleSummary() {
    return switch (union.role()) {
      case CLIENT_MESSAGE ->
          CodeBlock.of(
              "A message a client of channel {@code $L} sends to the server.", channel.name());
      case SERVER_MESSAGE ->
          CodeBlock.of(
              "A message the server of channel {@code $L} sends to a client.", channel.name());
      case REQUEST ->
          CodeBlock.of(
              "A request a client of channel {@code $L} sends;\n"
                  + "the server answers it with a {@link $T}.",
              channel.name(),
              TypeMapper.className(channel.responses().name()));
      case RESPONSE ->
          CodeBlock.of(
              "The server's answer to a {@link $T} of channel {@code $L}.",
              TypeMapper.className(channel.requests().name()),
              channel.name());
    };
  }

  private String emptyRoleNoun() {
    return switch (union.role()) {
      case CLIENT_MESSAGE -> "client messages";
      case SERVER_MESSAGE -> "server messages";
      case REQUEST, RESPONSE -> "requests";
    };
  }

  /**
   * Members are listed when some carry docs or deprecation, and always for requests (with their
   * responses).
   */
  private boolean listsMembers() {
    return union.role() == UnionType.Role.REQUEST
        || union.members().stream().anyMatch(m -> !m.docs().isEmpty() || m.deprecation() != null);
  }

  private CodeBlock memberList() {
    CodeBlock.Builder list = CodeBlock.builder().add("Members:\n<ul>\n");
    for (UnionMember member : union.members()) {
      list.add("<li>{@link $T}", TypeMapper.className(member.type()));
      Docs docs = member.docs();
      Deprecation deprecation = member.deprecation();
      if (union.role() == UnionType.Role.REQUEST) {
        // A request kind's docs and deprecation are written on its entry in `requests`.
        RequestKind kind = requestKind(member);
        list.add(" returns {@link $T}", TypeMapper.className(kind.response()));
        docs = kind.docs();
        deprecation = kind.deprecation();
      }
      if (!docs.isEmpty()) {
        list.add(": $L", JavaDoc.escape(docs.text()));
      }
      if (deprecation != null) {
        list.add(" $L", JavaDoc.deprecationNote(deprecation));
      }
      list.add("\n");
    }
    return list.add("</ul>").build();
  }

  private RequestKind requestKind(UnionMember member) {
    for (RequestKind kind : channel.requestKinds()) {
      if (kind.request().equals(member.type())) {
        return kind;
      }
    }
    throw new IllegalStateException("no request kind for member " + member.type());
  }
}

package io.simplenet.compiler.internal.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.simplenet.compiler.internal.model.Channel;
import io.simplenet.compiler.internal.model.GeneratedNames;
import io.simplenet.compiler.internal.model.RequestKind;
import io.simplenet.compiler.internal.model.Schema;
import io.simplenet.compiler.internal.model.SchemaSet;
import io.simplenet.compiler.internal.model.TypeName;
import io.simplenet.compiler.internal.model.UnionType;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code <Channel>Channel}: a channel's name, version, resources and codecs, and which
 * response answers which request; the runtime drives a channel through it.
 */
final class ChannelClassGenerator {
  private final SchemaSet schemas;
  private final Schema schema;
  private final Channel channel;
  private boolean namesDeprecated;

  private ChannelClassGenerator(SchemaSet schemas, Schema schema, Channel channel) {
    this.schemas = schemas;
    this.schema = schema;
    this.channel = channel;
  }

  static TypeSpec.Builder generate(SchemaSet schemas, Schema schema, Channel channel) {
    return new ChannelClassGenerator(schemas, schema, channel).generate();
  }

  private TypeSpec.Builder generate() {
    ClassName channelName =
        ClassName.get(channel.javaPackage(), GeneratedNames.channelClass(channel.name()));
    TypeSpec.Builder type =
        TypeSpec.classBuilder(channelName)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addJavadoc(
                new JavaDoc()
                    .docs(channel.docs())
                    .paragraph(
                        "Channel {@code $L}, protocol version {@code $L}: its resources,\ncodecs"
                            + " and request kinds.",
                        channel.name(),
                        channel.version())
                    .deprecated(channel.deprecation())
                    .build())
            .addField(
                constant(String.class, "NAME", CodeBlock.of("$S", channel.name()))
                    .addJavadoc("The channel's name in the schema.\n")
                    .build())
            .addField(
                constant(String.class, "VERSION", CodeBlock.of("$S", channel.version()))
                    .addJavadoc(
                        "The protocol version; a client and a server must have exactly the"
                            + " same.\n")
                    .build())
            .addField(
                constant(
                        String.class,
                        "PROTO_RESOURCE",
                        CodeBlock.of("$S", GeneratedNames.protoResource(schema.path())))
                    .addJavadoc("The classpath resource of the {@code .proto} file.\n")
                    .build())
            .addField(
                constant(
                        String.class,
                        "DESCRIPTOR_SET_RESOURCE",
                        CodeBlock.of("$S", GeneratedNames.descriptorSetResource(schema.path())))
                    .addJavadoc(
                        "The classpath resource of the binary {@code FileDescriptorSet} of the"
                            + " schema and its imports.\n")
                    .build())
            .addField(
                codec("CONNECT", channel.connect(), "The message a client sends when it connects."))
            .addField(
                codec(
                    "CLIENT_MESSAGE",
                    channel.clientMessages(),
                    "One-shot messages a client sends to the server."))
            .addField(
                codec(
                    "SERVER_MESSAGE",
                    channel.serverMessages(),
                    "One-shot messages the server sends to a client."))
            .addField(codec("REQUEST", channel.requests(), "Requests a client sends."))
            .addField(codec("RESPONSE", channel.responses(), "The server's responses to requests."))
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
            .addMethod(answers());
    if (channel.deprecation() != null) {
      type.addAnnotation(Deprecations.DEPRECATED);
    } else if (namesDeprecated) {
      type.addAnnotation(Deprecations.SUPPRESS_DEPRECATION);
    }
    return type;
  }

  private static FieldSpec.Builder constant(
      java.lang.reflect.Type type, String name, CodeBlock value) {
    return FieldSpec.builder(type, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .initializer(value);
  }

  private FieldSpec codec(String name, UnionType role, String doc) {
    return codec(name, role.name(), doc);
  }

  /** {@code MessageCodec<T> NAME = TCodec.INSTANCE}. */
  private FieldSpec codec(String name, TypeName type, String doc) {
    names(type);
    return FieldSpec.builder(
            ParameterizedTypeName.get(CodecClass.MESSAGE_CODEC, TypeMapper.className(type)),
            name,
            Modifier.PUBLIC,
            Modifier.STATIC,
            Modifier.FINAL)
        .addJavadoc("$L\n", doc)
        .initializer("$T.$N", CodecClass.codecName(type), CodecClass.INSTANCE)
        .build();
  }

  /**
   * {@code answers(request, response)}: whether {@code response} is of the type declared to answer
   * {@code request}'s kind.
   */
  private MethodSpec answers() {
    ClassName requestType = TypeMapper.className(channel.requests().name());
    ClassName responseType = TypeMapper.className(channel.responses().name());
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("answers")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addJavadoc(
                new JavaDoc()
                    .paragraph(
                        "Whether {@code response} is of the type the schema declares as the"
                            + " answer to\n{@code request}'s kind.")
                    .tag(
                        "@throws NullPointerException if {@code request} or {@code response} is"
                            + " null")
                    .build())
            .returns(boolean.class)
            .addParameter(requestType, "request")
            .addParameter(responseType, "response")
            .addStatement("$T.requireNonNull(request, $S)", Objects.class, "request == null")
            .addStatement("$T.requireNonNull(response, $S)", Objects.class, "response == null");
    List<RequestKind> kinds = channel.requestKinds();
    if (kinds.isEmpty()) {
      return method.addStatement("return false").build();
    }
    for (RequestKind kind : kinds.subList(0, kinds.size() - 1)) {
      method
          .beginControlFlow("if (request instanceof $T)", type(kind.request()))
          .addStatement("return response instanceof $T", type(kind.response()))
          .endControlFlow();
    }
    RequestKind last = kinds.get(kinds.size() - 1);
    return method
        .addStatement(
            "return request instanceof $T && response instanceof $T",
            type(last.request()),
            type(last.response()))
        .build();
  }

  private ClassName type(TypeName type) {
    names(type);
    return TypeMapper.className(type);
  }

  private void names(TypeName type) {
    namesDeprecated |= Deprecations.isDeprecated(schemas, type);
  }
}

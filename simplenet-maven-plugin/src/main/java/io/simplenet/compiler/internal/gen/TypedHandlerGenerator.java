package io.simplenet.compiler.internal.gen;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.simplenet.compiler.internal.model.RequestKind;
import io.simplenet.compiler.internal.model.TypeName;
import io.simplenet.compiler.internal.model.UnionMember;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code <Channel>ServerHandler}: a method per client message member and request kind,
 * all default, so that adding a message or request kind to the schema never breaks a build.
 */
final class TypedHandlerGenerator {
  private TypedHandlerGenerator() {}

  /** {@code on<Type>}, the handler method of a client message member or request type. */
  static String methodName(TypeName type) {
    return "on" + type.simpleName();
  }

  /** {@code <Channel>ServerHandler}. */
  static TypeSpec.Builder generate(TypedChannel channel) {
    TypeSpec.Builder type =
        TypeSpec.interfaceBuilder(channel.serverHandler)
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc(
                new JavaDoc()
                    .paragraph(
                        "Receives the events of a {@link $T} built with a handler. The server"
                            + " calls one method\nat a time, in event order, on the executor it"
                            + " was given.",
                        channel.server)
                    .paragraph(
                        "Every method has a default: events are ignored, and requests of a kind"
                            + " the handler does\nnot implement are rejected at once. A request"
                            + " whose method throws is rejected too.")
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("onConnected")
                    .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
                    .addJavadoc(
                        "A client authenticated, sending {@code connect}; sends to it are"
                            + " delivered from now on.\n")
                    .addParameter(TypedChannel.CLIENT_ID, "clientId")
                    .addParameter(TypedChannel.CLIENT_ENV, "env")
                    .addParameter(channel.connect, "connect")
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("onDisconnected")
                    .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
                    .addJavadoc("An accepted client's connection ended.\n")
                    .addParameter(TypedChannel.CLIENT_ID, "clientId")
                    .build());
    for (UnionMember member : channel.clientMessages()) {
      type.addMethod(
          TypedChannel.deprecatedIf(
                  channel.isDeprecated(member),
                  MethodSpec.methodBuilder(methodName(member.type()))
                      .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
                      .addJavadoc(
                          new JavaDoc()
                              .docs(member.docs())
                              .paragraph(
                                  "Client message $L; ignored unless overridden.",
                                  TypedChannel.link(member.type()))
                              .deprecated(member.deprecation())
                              .build())
                      .addParameter(TypedChannel.CLIENT_ID, "clientId")
                      .addParameter(TypeMapper.className(member.type()), "message"))
              .build());
    }
    for (RequestKind kind : channel.kinds()) {
      type.addMethod(
          TypedChannel.deprecatedIf(
                  channel.isDeprecated(kind),
                  MethodSpec.methodBuilder(methodName(kind.request()))
                      .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
                      .addJavadoc(
                          new JavaDoc()
                              .docs(kind.docs())
                              .paragraph(
                                  "Request $L: answer it once with {@code token}, responding"
                                      + " with $L.\nRejects it at once unless overridden.",
                                  TypedChannel.link(kind.request()),
                                  TypedChannel.link(kind.response()))
                              .deprecated(kind.deprecation())
                              .build())
                      .addParameter(TypedChannel.CLIENT_ID, "clientId")
                      .addParameter(TypeMapper.className(kind.request()), "request")
                      .addParameter(channel.tokenOf(kind), "token")
                      .addStatement("token.reject()"))
              .build());
    }
    return channel.annotate(type);
  }
}

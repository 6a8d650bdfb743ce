package io.simplenet.compiler.internal.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import io.simplenet.compiler.internal.model.RequestKind;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code <Channel>ServerEvent} and {@code <Channel>ClientEvent}: the runtime's events with
 * the channel's types filled in, and on the server one record per request kind, whose token only
 * takes the response type declared for the kind.
 */
final class TypedEventsGenerator {
  private TypedEventsGenerator() {}

  /** {@code <Channel>ServerEvent}. */
  static TypeSpec.Builder serverEvent(TypedChannel channel) {
    ClassName event = channel.serverEvent;
    TypeSpec.Builder type =
        TypeSpec.interfaceBuilder(event)
            .addModifiers(Modifier.PUBLIC, Modifier.SEALED)
            .addJavadoc(
                new JavaDoc()
                    .paragraph(
                        "Something that happened on a {@link $T}, in the order it happened: a"
                            + " client\nconnected, disconnected, sent a message or made a request.",
                        channel.server)
                    .paragraph(
                        "Match on it with {@code instanceof} patterns, or with an exhaustive"
                            + " {@code switch} on\nJava 21 and later. Instances are immutable and"
                            + " thread-safe.")
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("clientId")
                    .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                    .addJavadoc("The client the event concerns.\n")
                    .returns(TypedChannel.CLIENT_ID)
                    .build())
            .addType(
                record(
                        event.nestedClass("Connected"),
                        "A client authenticated; {@code connect} is the message it sent when"
                            + " connecting.")
                    .addSuperinterface(event)
                    .recordConstructor(
                        components(
                            param(TypedChannel.CLIENT_ID, "clientId"),
                            param(TypedChannel.CLIENT_ENV, "env"),
                            param(channel.connect, "connect")))
                    .addMethod(nullChecks("clientId", "env", "connect"))
                    .build())
            .addType(
                record(event.nestedClass("Disconnected"), "An accepted client's connection ended.")
                    .addSuperinterface(event)
                    .recordConstructor(components(param(TypedChannel.CLIENT_ID, "clientId")))
                    .addMethod(nullChecks("clientId"))
                    .build())
            .addType(
                record(event.nestedClass("Msg"), "A one-shot message from a client.")
                    .addSuperinterface(event)
                    .recordConstructor(
                        components(
                            param(TypedChannel.CLIENT_ID, "clientId"),
                            param(channel.clientMessage, "message")))
                    .addMethod(nullChecks("clientId", "message"))
                    .build());
    if (channel.kinds().isEmpty()) {
      // A sealed interface needs a subtype, so a channel without request kinds has no Request.
      return channel.annotate(type);
    }
    ClassName request = event.nestedClass("Request");
    type.addType(
        TypeSpec.interfaceBuilder(request)
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.SEALED)
            .addSuperinterface(event)
            .addJavadoc(
                "A request from a client: answer it once with its {@link #token()}, whose type"
                    + " accepts only\nthe response declared for the request's kind. A token"
                    + " dropped unanswered rejects the request\nwhen it is garbage-collected.\n")
            .addMethod(
                MethodSpec.methodBuilder("request")
                    .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                    .addJavadoc("The request.\n")
                    .returns(channel.request)
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("token")
                    .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                    .addJavadoc("The right to answer the request, once.\n")
                    .returns(
                        ParameterizedTypeName.get(
                            channel.requestToken, WildcardTypeName.subtypeOf(Object.class)))
                    .build())
            .build());
    for (RequestKind kind : channel.kinds()) {
      TypeSpec.Builder record =
          TypeSpec.recordBuilder(channel.requestEvent(kind))
              .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
              .addJavadoc(
                  new JavaDoc()
                      .docs(kind.docs())
                      .paragraph(
                          "Request $L, answered with response $L.",
                          TypedChannel.link(kind.request()),
                          TypedChannel.link(kind.response()))
                      .deprecated(kind.deprecation())
                      .build())
              .addSuperinterface(request)
              .recordConstructor(
                  components(
                      param(TypedChannel.CLIENT_ID, "clientId"),
                      param(TypeMapper.className(kind.request()), "request"),
                      param(channel.tokenOf(kind), "token")))
              .addMethod(nullChecks("clientId", "request", "token"));
      if (channel.isDeprecated(kind)) {
        record.addAnnotation(Deprecations.DEPRECATED);
      }
      type.addType(record.build());
    }
    return channel.annotate(type);
  }

  /** {@code <Channel>ClientEvent}. */
  static TypeSpec.Builder clientEvent(TypedChannel channel) {
    ClassName event = channel.clientEvent;
    return channel.annotate(
        TypeSpec.interfaceBuilder(event)
            .addModifiers(Modifier.PUBLIC, Modifier.SEALED)
            .addJavadoc(
                new JavaDoc()
                    .paragraph(
                        "What a {@link $T} delivers, in order. Every request ends in exactly one"
                            + " of {@link\nResponse}, {@link Ack}, {@link Reject}, {@link"
                            + " SendFailed} or {@link ResponseLost}, unless it is\nlisted in the"
                            + " final {@code ClientReport.IsDead}. Request ids are unsigned 64-bit"
                            + " numbers.",
                        channel.client)
                    .paragraph("Instances are immutable and thread-safe.")
                    .build())
            .addType(
                record(event.nestedClass("Report"), "A connection change.")
                    .addSuperinterface(event)
                    .recordConstructor(components(param(TypedChannel.CLIENT_REPORT, "report")))
                    .addMethod(nullChecks("report"))
                    .build())
            .addType(
                record(event.nestedClass("Msg"), "A one-shot message from the server.")
                    .addSuperinterface(event)
                    .recordConstructor(components(param(channel.serverMessage, "message")))
                    .addMethod(nullChecks("message"))
                    .build())
            .addType(
                record(
                        event.nestedClass("Response"),
                        "The server's response to request {@code requestId}.")
                    .addSuperinterface(event)
                    .recordConstructor(
                        components(
                            param(channel.response, "response"),
                            param(TypeName.LONG, "requestId")))
                    .addMethod(nullChecks("response"))
                    .build())
            .addType(
                requestIdRecord(
                    event,
                    "Ack",
                    "The server acknowledged request {@code requestId}; no response follows."))
            .addType(
                requestIdRecord(event, "Reject", "The server rejected request {@code requestId}."))
            .addType(
                requestIdRecord(
                    event,
                    "SendFailed",
                    "Request {@code requestId} was never written to a connection; reported at"
                        + " the next\nconnection change."))
            .addType(
                requestIdRecord(
                    event,
                    "ResponseLost",
                    "Request {@code requestId} was written, but its connection ended before a"
                        + " reply.")));
  }

  private static TypeSpec requestIdRecord(ClassName event, String name, String doc) {
    return record(event.nestedClass(name), doc)
        .addSuperinterface(event)
        .recordConstructor(components(param(TypeName.LONG, "requestId")))
        .build();
  }

  private static TypeSpec.Builder record(ClassName name, String doc) {
    return TypeSpec.recordBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.STATIC).addJavadoc("$L\n", doc);
  }

  private static ParameterSpec param(TypeName type, String name) {
    return ParameterSpec.builder(type, name).build();
  }

  private static MethodSpec components(ParameterSpec... components) {
    return MethodSpec.constructorBuilder().addParameters(List.of(components)).build();
  }

  /** A compact constructor rejecting null {@code components}, naming the one that was null. */
  private static MethodSpec nullChecks(String... components) {
    CodeBlock.Builder checks = CodeBlock.builder();
    for (String component : components) {
      checks.addStatement("$T.requireNonNull($N, $S)", Objects.class, component, component + " == null");
    }
    return MethodSpec.compactConstructorBuilder()
        .addModifiers(Modifier.PUBLIC)
        .addCode(checks.build())
        .build();
  }
}

package io.simplenet.compiler.internal.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import io.simplenet.compiler.internal.model.RequestKind;
import io.simplenet.compiler.internal.model.UnionMember;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code <Channel>Server}, the runtime's {@code Server} with the channel's types and
 * codecs filled in, and {@code <Channel>RequestToken}, which answers a request only with the
 * response type declared for its kind.
 */
final class TypedServerGenerator {
  private static final ClassName SERVER_CONFIG =
      ClassName.get(TypedChannel.RUNTIME_PACKAGE, "ServerConfig");
  private static final ClassName SERVER_TLS =
      ClassName.get(TypedChannel.RUNTIME_PACKAGE, "ServerTls");
  private static final ClassName AUTHENTICATOR =
      ClassName.get(TypedChannel.RUNTIME_PACKAGE + ".auth", "Authenticator");

  private final TypedChannel channel;
  private final ParameterizedTypeName runtime;
  private final ClassName adapter;

  private TypedServerGenerator(TypedChannel channel) {
    this.channel = channel;
    this.runtime = channel.runtimeServer();
    this.adapter = channel.server.nestedClass("HandlerAdapter");
  }

  /** {@code <Channel>Server}. */
  static TypeSpec.Builder server(TypedChannel channel) {
    return new TypedServerGenerator(channel).server();
  }

  /** {@code <Channel>RequestToken}. */
  static TypeSpec.Builder requestToken(TypedChannel channel) {
    return new TypedServerGenerator(channel).requestToken();
  }

  private TypeSpec.Builder server() {
    TypeVariableName r = TypeVariableName.get("R", channel.response);
    ParameterizedTypeName token = ParameterizedTypeName.get(channel.requestToken, r);
    ParameterizedTypeName anyToken =
        ParameterizedTypeName.get(
            channel.requestToken, WildcardTypeName.subtypeOf(Object.class));
    TypeSpec.Builder type =
        TypedWrapper.wrapperClass(channel.server, runtime, channel.channelClass, "a server")
            .addJavadoc(
                new JavaDoc()
                    .docs(channel.channel.docs())
                    .paragraph(
                        "A server of channel {@code $L}: the runtime's {@link $T} with the"
                            + " channel's version,\ncodecs and types filled in. Build one with"
                            + " {@link #builder()}; it is listening when {@link\nBuilder#start()}"
                            + " returns. Events are polled ({@link #next()}, {@link #poll}) or,"
                            + " with a\n{@link $T}, delivered to it.",
                        channel.channel.name(),
                        TypedChannel.SERVER,
                        channel.serverHandler)
                    .paragraph(TypedChannel.THREAD_SAFE)
                    .deprecated(channel.channel.deprecation())
                    .build())
            .addMethod(
                TypedWrapper.delegate("url", ClassName.get(URI.class), "The URL clients connect to, {@code ws://host:port/path}"
                    + " ({@code wss://} with TLS)."))
            .addMethod(TypedWrapper.delegate("port", TypeName.INT, "The bound port."))
            .addMethod(
                MethodSpec.methodBuilder("next")
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc(
                        "The next event, or null if none is waiting; never blocks.\n\n"
                            + "@throws IllegalStateException if the server delivers events to a"
                            + " handler\n")
                    .returns(channel.serverEvent)
                    .addStatement("return typed(runtime.next())")
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("poll")
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc(
                        "The next event, waiting up to {@code timeout}; null if none came.\n\n"
                            + "@throws IllegalStateException if the server delivers events to a"
                            + " handler\n")
                    .returns(channel.serverEvent)
                    .addParameter(Duration.class, "timeout")
                    .addException(InterruptedException.class)
                    .addStatement("return typed(runtime.poll(timeout))")
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("send")
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc(
                        "Queues {@code message} for {@code clientId}; false, and the message is"
                            + " dropped, if the\nclient is not connected or its Connected event"
                            + " has not been consumed yet.\n")
                    .returns(boolean.class)
                    .addParameter(TypedChannel.CLIENT_ID, "clientId")
                    .addParameter(channel.serverMessage, "message")
                    .addStatement("return runtime.send(clientId, message)")
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("respond")
                    .addModifiers(Modifier.PUBLIC)
                    .addTypeVariable(r)
                    .addJavadoc(
                        "Answers {@code token}'s request with {@code response}; false if the"
                            + " request's connection\nhas ended and the response was dropped.\n\n"
                            + "@throws IllegalArgumentException if the token is not from this"
                            + " server\n"
                            + "@throws IllegalStateException if the request was already"
                            + " answered\n")
                    .returns(boolean.class)
                    .addParameter(token, "token")
                    .addParameter(r, "response")
                    .addStatement("return runtime.respond($L, response)", runtimeToken())
                    .build())
            .addMethod(
                answer(
                    "ack",
                    anyToken,
                    "Acknowledges {@code token}'s request: no response follows. False if the"
                        + " request's\nconnection has ended."))
            .addMethod(
                answer(
                    "reject",
                    anyToken,
                    "Rejects {@code token}'s request. False if the request's connection has"
                        + " ended."))
            .addMethod(
                MethodSpec.methodBuilder("disconnect")
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc(
                        "Closes {@code clientId}'s connection with code 1000 and {@code reason}"
                            + " once the frames\nalready queued for it are written. False if the"
                            + " client is not connected.\n")
                    .returns(boolean.class)
                    .addParameter(TypedChannel.CLIENT_ID, "clientId")
                    .addParameter(String.class, "reason")
                    .addStatement("return runtime.disconnect(clientId, reason)")
                    .build())
            .addMethod(TypedWrapper.delegate("connectionCount", TypeName.INT, "Connected (authenticated) clients."))
            .addMethod(
                TypedWrapper.delegate(
                    "isDead",
                    TypeName.BOOLEAN,
                    "Whether the server has shut down; events already queued can still be"
                        + " polled."))
            .addMethod(
                MethodSpec.methodBuilder("shutdown")
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc(
                        "Shuts down gracefully within {@code deadline}, as {@link $T#shutdown}"
                            + " does.\n\n@return whether the server is dead on return\n",
                        TypedChannel.SERVER)
                    .returns(boolean.class)
                    .addParameter(Duration.class, "deadline")
                    .addException(InterruptedException.class)
                    .addStatement("return runtime.shutdown(deadline)")
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("close")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc(
                        "Shuts down with {@link $T#DEFAULT_SHUTDOWN_DEADLINE}.\n",
                        TypedChannel.SERVER)
                    .addStatement("runtime.close()")
                    .build())
            .addMethods(TypedWrapper.runtimeAndToString(runtime, "server"))
            .addMethod(typedEvent())
            .addMethod(requestEvent())
            .addType(handlerAdapter())
            .addType(builder());
    return channel.annotate(type);
  }

  /** {@code Objects.requireNonNull(token, "token == null").runtimeToken()}. */
  private static CodeBlock runtimeToken() {
    return CodeBlock.of("$T.requireNonNull(token, $S).runtimeToken()", Objects.class, "token == null");
  }

  private MethodSpec answer(String name, TypeName token, String doc) {
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(
            "$L\n\n@throws IllegalArgumentException if the token is not from this server\n"
                + "@throws IllegalStateException if the request was already answered\n",
            doc)
        .returns(boolean.class)
        .addParameter(token, "token")
        .addStatement("return runtime.$N($L)", name, runtimeToken())
        .build();
  }

  /** {@code typed(event)}: a runtime event as the channel's, null for null. */
  private MethodSpec typedEvent() {
    ClassName runtimeEvent = TypedChannel.SERVER_EVENT;
    return MethodSpec.methodBuilder("typed")
        .addModifiers(Modifier.PRIVATE)
        .returns(channel.serverEvent)
        .addParameter(channel.serverSide(runtimeEvent), "event")
        .beginControlFlow("if (event == null)")
        .addStatement("return null")
        .endControlFlow()
        .beginControlFlow(
            "if (event instanceof $T connected)",
            channel.serverSide(runtimeEvent.nestedClass("Connected")))
        .addStatement(
            "return new $T(connected.clientId(), connected.env(), connected.connect())",
            channel.serverEvent.nestedClass("Connected"))
        .endControlFlow()
        .beginControlFlow(
            "if (event instanceof $T disconnected)",
            channel.serverSide(runtimeEvent.nestedClass("Disconnected")))
        .addStatement(
            "return new $T(disconnected.clientId())",
            channel.serverEvent.nestedClass("Disconnected"))
        .endControlFlow()
        .beginControlFlow(
            "if (event instanceof $T msg)", channel.serverSide(runtimeEvent.nestedClass("Msg")))
        .addStatement(
            "return new $T(msg.clientId(), msg.message())",
            channel.serverEvent.nestedClass("Msg"))
        .endControlFlow()
        .addStatement(
            "$T request = ($T) event",
            channel.serverSide(runtimeEvent.nestedClass("Request")),
            channel.serverSide(runtimeEvent.nestedClass("Request")))
        .addStatement(
            "return requestEvent(runtime, request.clientId(), request.token(), request.request())")
        .build();
  }

  /** {@code requestEvent(...)}: a request as the event of its kind. */
  private MethodSpec requestEvent() {
    return MethodSpec.methodBuilder("requestEvent")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(channel.serverEvent)
        .addParameter(runtime, "runtime")
        .addParameter(TypedChannel.CLIENT_ID, "clientId")
        .addParameter(TypedChannel.REQUEST_TOKEN, "token")
        .addParameter(channel.request, "request")
        .addCode(
            TypedDispatch.chain(
                "request",
                channel.kinds(),
                RequestKind::request,
                (item, variable) ->
                    CodeBlock.of(
                        "return new $T(clientId, $N, new $T<>(runtime, token));\n",
                        channel.requestEvent(item),
                        variable,
                        channel.requestToken),
                "not a request of channel " + channel.channel.name()))
        .build();
  }

  /** The adapter from the runtime's untyped handler to the channel's. */
  private TypeSpec handlerAdapter() {
    ParameterizedTypeName future = ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), runtime);
    return TypeSpec.classBuilder(adapter)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addSuperinterface(channel.serverSide(TypedChannel.SERVER_HANDLER))
        .addJavadoc("Delivers the runtime's events to a {@link $T}, typed.\n", channel.serverHandler)
        .addField(channel.serverHandler, "handler", Modifier.PRIVATE, Modifier.FINAL)
        .addField(
            FieldSpec.builder(future, "runtime", Modifier.PRIVATE, Modifier.FINAL)
                .addJavadoc(
                    "The started server, which tokens answer through; a request can arrive"
                        + " before\n{@code start()} returns it.\n")
                .initializer("new $T<>()", CompletableFuture.class)
                .build())
        .addMethod(
            MethodSpec.constructorBuilder()
                .addParameter(channel.serverHandler, "handler")
                .addStatement("this.handler = handler")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("onConnected")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(TypedChannel.CLIENT_ID, "clientId")
                .addParameter(TypedChannel.CLIENT_ENV, "env")
                .addParameter(channel.connect, "connect")
                .addStatement("handler.onConnected(clientId, env, connect)")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("onDisconnected")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(TypedChannel.CLIENT_ID, "clientId")
                .addStatement("handler.onDisconnected(clientId)")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("onMessage")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(TypedChannel.CLIENT_ID, "clientId")
                .addParameter(channel.clientMessage, "message")
                .addCode(
                    TypedDispatch.chain(
                        "message",
                        channel.clientMessages(),
                        UnionMember::type,
                        (item, variable) ->
                            CodeBlock.builder()
                                .addStatement(
                                    "handler.$N(clientId, $N)",
                                    TypedHandlerGenerator.methodName(item.type()),
                                    variable)
                                .addStatement("return")
                                .build(),
                        "not a client message of channel " + channel.channel.name()))
                .build())
        .addMethod(
            MethodSpec.methodBuilder("onRequest")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(TypedChannel.CLIENT_ID, "clientId")
                .addParameter(TypedChannel.REQUEST_TOKEN, "token")
                .addParameter(channel.request, "request")
                .addCode(
                    TypedDispatch.chain(
                        "request",
                        channel.kinds(),
                        RequestKind::request,
                        (item, variable) ->
                            CodeBlock.builder()
                                .addStatement(
                                    "handler.$N(clientId, $N, new $T<>(runtime.join(), token))",
                                    TypedHandlerGenerator.methodName(item.request()),
                                    variable,
                                    channel.requestToken)
                                .addStatement("return")
                                .build(),
                        "not a request of channel " + channel.channel.name()))
                .build())
        .build();
  }

  /** {@code <Channel>Server.Builder}: the runtime's builder with the channel's spec. */
  private TypeSpec builder() {
    ClassName server = channel.server;
    return TypedWrapper.builderClass(
            server, channel, TypedChannel.SERVER, "Configures and starts a {@link " + server.simpleName() + "}")
        .addField(channel.serverHandler, "handler", Modifier.PRIVATE)
        .addField(Executor.class, "executor", Modifier.PRIVATE)
        .addMethod(
            setter(
                "host",
                ClassName.get(String.class),
                "The address to bind, a host name or IP literal; {@code 127.0.0.1} unless set."))
        .addMethod(
            setter("port", TypeName.INT, "The port to bind; 0 (the default) picks a free one."))
        .addMethod(setter("path", ClassName.get(String.class), "The URL path to serve, {@code /ws} unless set."))
        .addMethod(setter("config", SERVER_CONFIG, "Limits, timeouts and rate limits."))
        .addMethod(
            setter(
                "authenticator",
                AUTHENTICATOR,
                "Who may connect; required ({@code new Authenticator.None()} accepts anyone)."))
        .addMethod(setter("tls", SERVER_TLS, "Serve {@code wss://} with this identity."))
        .addMethod(
            MethodSpec.methodBuilder("handler")
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc(
                    "Deliver events to {@code handler}, one at a time and in order, on {@code"
                        + " executor},\ninstead of being polled.\n")
                .returns(server.nestedClass("Builder"))
                .addParameter(channel.serverHandler, "handler")
                .addParameter(Executor.class, "executor")
                .addStatement(
                    "this.handler = $T.requireNonNull(handler, $S)", Objects.class, "handler == null")
                .addStatement(
                    "this.executor = $T.requireNonNull(executor, $S)",
                    Objects.class,
                    "executor == null")
                .addStatement("return this")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("start")
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc(
                    "Binds the address and starts serving.\n\n"
                        + "@throws IllegalStateException if no authenticator was set\n"
                        + "@throws java.io.UncheckedIOException if the address cannot be bound\n")
                .returns(channel.server)
                .beginControlFlow("if (handler == null)")
                .addStatement("return new $T(runtime.start())", channel.server)
                .endControlFlow()
                .addComment("A new adapter per start: its tokens must answer through its own server.")
                .addStatement("$T adapter = new $T(handler)", adapter, adapter)
                .addStatement("runtime.handler(adapter, executor)")
                .beginControlFlow("try")
                .addStatement("$T server = runtime.start()", runtime)
                .addStatement("adapter.runtime.complete(server)")
                .addStatement("return new $T(server)", channel.server)
                .nextControlFlow("catch ($T e)", RuntimeException.class)
                .addStatement("adapter.runtime.completeExceptionally(e)")
                .addStatement("throw e")
                .endControlFlow()
                .build())
        .build();
  }

  private MethodSpec setter(String name, TypeName type, String doc) {
    return TypedWrapper.setter(channel.server, name, name, type, doc);
  }

  private TypeSpec.Builder requestToken() {
    TypeVariableName r = TypeVariableName.get("R", channel.response);
    return channel.annotate(
        TypeSpec.classBuilder(channel.requestToken)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addTypeVariable(r)
            .addJavadoc(
                new JavaDoc()
                    .paragraph(
                        "The right to answer one request of channel {@code $L}, exactly once:"
                            + " {@link #respond}\nwith an {@code R}, the response type declared"
                            + " for the request's kind, {@link #ack()} or {@link\n#reject()}. A"
                            + " token garbage-collected unanswered rejects its request.",
                        channel.channel.name())
                    .paragraph("Thread-safe.")
                    .tag("@param <R> the response type of the request's kind")
                    .build())
            .addField(runtime, "server", Modifier.PRIVATE, Modifier.FINAL)
            .addField(TypedChannel.REQUEST_TOKEN, "token", Modifier.PRIVATE, Modifier.FINAL)
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addParameter(runtime, "server")
                    .addParameter(TypedChannel.REQUEST_TOKEN, "token")
                    .addStatement("this.server = server")
                    .addStatement("this.token = token")
                    .build())
            .addMethod(tokenQuery("clientId", TypedChannel.CLIENT_ID, "The client that made the request."))
            .addMethod(
                tokenQuery(
                    "requestId",
                    TypeName.LONG,
                    "The client's id for the request, an unsigned 64-bit number."))
            .addMethod(
                tokenQuery(
                    "isDestinationDead",
                    TypeName.BOOLEAN,
                    "Whether the connection the request came on has ended; an answer would then"
                        + " be dropped."))
            .addMethod(
                tokenQuery(
                    "isAnswered",
                    TypeName.BOOLEAN,
                    "Whether the request has been answered (responded, acknowledged or"
                        + " rejected)."))
            .addMethod(
                MethodSpec.methodBuilder("respond")
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc(
                        "Answers the request with {@code response}; false if its connection has"
                            + " ended.\n\n@throws IllegalStateException if the request was"
                            + " already answered\n")
                    .returns(boolean.class)
                    .addParameter(r, "response")
                    .addStatement("return server.respond(token, response)")
                    .build())
            .addMethod(
                tokenAnswer(
                    "ack",
                    "Acknowledges the request: no response follows. False if its connection has"
                        + " ended."))
            .addMethod(
                tokenAnswer("reject", "Rejects the request. False if its connection has ended."))
            .addMethod(
                MethodSpec.methodBuilder("runtimeToken")
                    .addJavadoc("The runtime's token, which the server answers.\n")
                    .returns(TypedChannel.REQUEST_TOKEN)
                    .addStatement("return token")
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("toString")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(String.class)
                    .addStatement("return token.toString()")
                    .build()));
  }

  private static MethodSpec tokenQuery(String name, TypeName returns, String doc) {
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("$L\n", doc)
        .returns(returns)
        .addStatement("return token.$N()", name)
        .build();
  }

  private static MethodSpec tokenAnswer(String name, String doc) {
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(
            "$L\n\n@throws IllegalStateException if the request was already answered\n", doc)
        .returns(boolean.class)
        .addStatement("return server.$N(token)", name)
        .build();
  }
}

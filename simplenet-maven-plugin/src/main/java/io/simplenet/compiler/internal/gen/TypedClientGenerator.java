package io.simplenet.compiler.internal.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import io.simplenet.compiler.internal.model.RequestKind;
import java.net.URI;
import java.time.Duration;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code <Channel>Client}, the runtime's {@code Client} with the channel's types and
 * codecs filled in and a {@code request} overload per request kind, and {@code
 * <Channel>RequestSignal}, which names the response type the request expects.
 */
final class TypedClientGenerator {
  private static final ClassName CLIENT_CONFIG =
      ClassName.get(TypedChannel.RUNTIME_PACKAGE, "ClientConfig");
  private static final ClassName CLIENT_TLS =
      ClassName.get(TypedChannel.RUNTIME_PACKAGE, "ClientTls");
  private static final ClassName ENCODING =
      ClassName.get(TypedChannel.RUNTIME_PACKAGE, "Encoding");
  private static final ClassName AUTH_REQUEST =
      ClassName.get(TypedChannel.RUNTIME_PACKAGE + ".auth", "AuthRequest");

  private final TypedChannel channel;
  private final ParameterizedTypeName runtime;

  private TypedClientGenerator(TypedChannel channel) {
    this.channel = channel;
    this.runtime = channel.runtimeClient();
  }

  /** {@code <Channel>Client}. */
  static TypeSpec.Builder client(TypedChannel channel) {
    return new TypedClientGenerator(channel).client();
  }

  /** {@code <Channel>RequestSignal}. */
  static TypeSpec.Builder requestSignal(TypedChannel channel) {
    return new TypedClientGenerator(channel).requestSignal();
  }

  private TypeSpec.Builder client() {
    TypeSpec.Builder type =
        TypedWrapper.wrapperClass(channel.client, runtime, channel.channelClass, "a client")
            .addJavadoc(
                new JavaDoc()
                    .docs(channel.channel.docs())
                    .paragraph(
                        "A client of channel {@code $L}: the runtime's {@link $T} with the"
                            + " channel's version,\ncodecs and types filled in. It connects in the"
                            + " background once built, reconnects as its\nconfiguration says and"
                            + " delivers what happens as {@link $T}s, in order. It can send\nonly"
                            + " once the application has consumed its {@code Connected} report.",
                        channel.channel.name(),
                        TypedChannel.CLIENT,
                        channel.clientEvent)
                    .paragraph(
                        "Thread-safe: any thread may send, poll or close; no method blocks on the"
                            + " network.")
                    .deprecated(channel.channel.deprecation())
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("send")
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc(
                        "Sends a one-shot message; the signal is {@code FAILED} at once unless the"
                            + " client is\n{@linkplain #isConnected connected}.\n")
                    .returns(TypedChannel.MESSAGE_SIGNAL)
                    .addParameter(channel.clientMessage, "message")
                    .addStatement("return runtime.send(message)")
                    .build());
    for (RequestKind kind : channel.kinds()) {
      ClassName responseType = TypeMapper.className(kind.response());
      type.addMethod(
          TypedChannel.deprecatedIf(
                  channel.isDeprecated(kind),
                  MethodSpec.methodBuilder("request")
                      .addModifiers(Modifier.PUBLIC)
                      .addJavadoc(
                          new JavaDoc()
                              .docs(kind.docs())
                              .paragraph(
                                  "Sends request $L, which the server answers with\nresponse $L, an"
                                      + " ack or a reject. The signal is {@code SEND_FAILED}\nat"
                                      + " once unless the client is {@linkplain #isConnected"
                                      + " connected}.",
                                  TypedChannel.link(kind.request()),
                                  TypedChannel.link(kind.response()))
                              .deprecated(kind.deprecation())
                              .build())
                      .returns(ParameterizedTypeName.get(channel.requestSignal, responseType))
                      .addParameter(TypeMapper.className(kind.request()), "request")
                      .addStatement(
                          "return new $T<>(runtime.request(request), $T.class)",
                          channel.requestSignal,
                          responseType))
              .build());
    }
    return channel.annotate(
        type.addMethod(
                MethodSpec.methodBuilder("next")
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc("The next event, or null if none is waiting; never blocks.\n")
                    .returns(channel.clientEvent)
                    .addStatement("return typed(runtime.next())")
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("poll")
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc(
                        "The next event, waiting up to {@code timeout} for one; null if none"
                            + " came.\n")
                    .returns(channel.clientEvent)
                    .addParameter(Duration.class, "timeout")
                    .addException(InterruptedException.class)
                    .addStatement("return typed(runtime.poll(timeout))")
                    .build())
            .addMethod(
                TypedWrapper.delegate(
                    "isConnected",
                    TypeName.BOOLEAN,
                    "Whether the client can send: connected, and every {@code Connected} report"
                        + " consumed."))
            .addMethod(
                TypedWrapper.delegate(
                    "isDead",
                    TypeName.BOOLEAN,
                    "Whether the client stopped for good; its last event, {@code IsDead}, is"
                        + " queued."))
            .addMethod(
                TypedWrapper.delegate(
                    "isClosed",
                    TypeName.BOOLEAN,
                    "Whether {@link #close()} was called or the client died."))
            .addMethod(
                MethodSpec.methodBuilder("close")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc(
                        "Closes the client: {@code ClosedBySelf} is queued before this returns,"
                            + " {@code IsDead}\nfollows. Does nothing if already closed.\n")
                    .addStatement("runtime.close()")
                    .build())
            .addMethod(
                TypedWrapper.delegate("id", TypedChannel.CLIENT_ID, "The id the client authenticates as."))
            .addMethod(
                TypedWrapper.delegate(
                    "url",
                    ClassName.get(URI.class),
                    "The URL the client dials, including the connect query."))
            .addMethods(TypedWrapper.runtimeAndToString(runtime, "client"))
            .addMethod(typedEvent())
            .addType(builder()));
  }

  /** {@code typed(event)}: a runtime event as the channel's, null for null. */
  private MethodSpec typedEvent() {
    ClassName runtimeEvent = TypedChannel.CLIENT_EVENT;
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("typed")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(channel.clientEvent)
            .addParameter(channel.clientSide(runtimeEvent), "event")
            .beginControlFlow("if (event == null)")
            .addStatement("return null")
            .endControlFlow();
    String[][] cases = {
      {"Report", "report", "report.report()"},
      {"Msg", "msg", "msg.message()"},
      {"Response", "response", "response.response(), response.requestId()"},
      {"Ack", "ack", "ack.requestId()"},
      {"Reject", "reject", "reject.requestId()"},
      {"SendFailed", "sendFailed", "sendFailed.requestId()"},
    };
    for (String[] c : cases) {
      method
          .beginControlFlow(
              "if (event instanceof $T $N)", channel.clientSide(runtimeEvent.nestedClass(c[0])), c[1])
          .addStatement("return new $T($L)", channel.clientEvent.nestedClass(c[0]), c[2])
          .endControlFlow();
    }
    ParameterizedTypeName lost = channel.clientSide(runtimeEvent.nestedClass("ResponseLost"));
    return method
        .addComment("The last of a sealed interface's permitted records.")
        .addStatement(
            "return new $T((($T) event).requestId())",
            channel.clientEvent.nestedClass("ResponseLost"),
            lost)
        .build();
  }

  /** {@code <Channel>Client.Builder}: the runtime's builder with the channel's spec. */
  private TypeSpec builder() {
    ClassName client = channel.client;
    return TypedWrapper.builderClass(
            client, channel, TypedChannel.CLIENT, "Builds and starts a {@link " + client.simpleName() + "}")
        .addMethod(
            setter(
                "url",
                "url",
                ClassName.get(URI.class),
                "The server's endpoint, {@code ws://host:port/path} or {@code wss://...}, without"
                    + " query.\nRequired."))
        .addMethod(
            setter("url", "url", ClassName.get(String.class), "See {@link #url(URI)}."))
        .addMethod(
            setter(
                "auth",
                "auth",
                AUTH_REQUEST,
                "The credentials sent on every connection; the client's id is theirs. Required."))
        .addMethod(
            setter(
                "connect",
                "connectMessage",
                channel.connect,
                "The message sent with the credentials on every connection. Required."))
        .addMethod(
            setter("config", "config", CLIENT_CONFIG, "Reconnect and heartbeat settings."))
        .addMethod(
            setter(
                "encoding",
                "encoding",
                ENCODING,
                "How frames are encoded; {@code BINARY} unless set."))
        .addMethod(
            setter("tls", "tls", CLIENT_TLS, "TLS settings for a {@code wss://} URL."))
        .addMethod(
            MethodSpec.methodBuilder("build")
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc(
                    "Starts the client, which connects in the background, and returns it at"
                        + " once.\n\n"
                        + "@throws IllegalStateException if the URL, auth or connect message is"
                        + " unset, or TLS\n    settings were given for a {@code ws://} URL\n"
                        + "@throws IllegalArgumentException if the URL is not a {@code ws://} or"
                        + " {@code wss://} URL\n    without query\n")
                .returns(channel.client)
                .addStatement("return new $T(runtime.build())", channel.client)
                .build())
        .build();
  }

  private MethodSpec setter(String name, String runtimeName, TypeName type, String doc) {
    return TypedWrapper.setter(channel.client, name, runtimeName, type, doc);
  }

  private TypeSpec.Builder requestSignal() {
    TypeVariableName r = TypeVariableName.get("R", channel.response);
    ParameterizedTypeName responseClass =
        ParameterizedTypeName.get(ClassName.get(Class.class), r);
    return channel.annotate(
        TypeSpec.classBuilder(channel.requestSignal)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addTypeVariable(r)
            .addJavadoc(
                new JavaDoc()
                    .paragraph(
                        "Tracks one request a {@link $T} sent: its id, which the reply events"
                            + " carry, its status,\nwhich the client updates from its own threads,"
                            + " and the response type it expects.",
                        channel.client)
                    .paragraph("Thread-safe.")
                    .tag("@param <R> the response type of the request's kind")
                    .build())
            .addField(TypedChannel.REQUEST_SIGNAL, "signal", Modifier.PRIVATE, Modifier.FINAL)
            .addField(responseClass, "responseType", Modifier.PRIVATE, Modifier.FINAL)
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addParameter(TypedChannel.REQUEST_SIGNAL, "signal")
                    .addParameter(responseClass, "responseType")
                    .addStatement("this.signal = signal")
                    .addStatement("this.responseType = responseType")
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("id")
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc(
                        "The request's id, unique within its client; an unsigned 64-bit"
                            + " number.\n")
                    .returns(long.class)
                    .addStatement("return signal.id()")
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("status")
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc("The current status; once done it never changes.\n")
                    .returns(TypedChannel.REQUEST_STATUS)
                    .addStatement("return signal.status()")
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("responseType")
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc("The type of the response the request's kind is answered with.\n")
                    .returns(responseClass)
                    .addStatement("return responseType")
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("toString")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(String.class)
                    .addStatement(
                        "return $S + signal.id() + $S + responseType.getSimpleName() + $S +"
                            + " signal.status() + $S",
                        channel.requestSignal.simpleName() + "[id=",
                        ", responseType=",
                        ", status=",
                        "]")
                    .build()));
  }
}

package io.simplenet.compiler.internal.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.simplenet.compiler.internal.model.Channel;
import io.simplenet.compiler.internal.model.GeneratedNames;
import io.simplenet.compiler.internal.model.RequestKind;
import io.simplenet.compiler.internal.model.SchemaSet;
import io.simplenet.compiler.internal.model.TypeName;
import io.simplenet.compiler.internal.model.UnionMember;
import io.simplenet.compiler.internal.model.UnionType;
import java.util.List;

/**
 * The names the typed API of one channel is written in: its generated classes, the runtime classes
 * it wraps, and how its classes handle deprecation. Shared by the {@code Typed*Generator}s.
 */
final class TypedChannel {
  static final String RUNTIME_PACKAGE = "io.simplenet";
  static final ClassName SERVER = ClassName.get(RUNTIME_PACKAGE, "Server");
  static final ClassName CLIENT = ClassName.get(RUNTIME_PACKAGE, "Client");
  static final ClassName SERVER_EVENT = ClassName.get(RUNTIME_PACKAGE, "ServerEvent");
  static final ClassName CLIENT_EVENT = ClassName.get(RUNTIME_PACKAGE, "ClientEvent");
  static final ClassName SERVER_HANDLER = ClassName.get(RUNTIME_PACKAGE, "ServerHandler");
  static final ClassName REQUEST_TOKEN = ClassName.get(RUNTIME_PACKAGE, "RequestToken");
  static final ClassName REQUEST_SIGNAL = ClassName.get(RUNTIME_PACKAGE, "RequestSignal");
  static final ClassName REQUEST_STATUS = ClassName.get(RUNTIME_PACKAGE, "RequestStatus");
  static final ClassName MESSAGE_SIGNAL = ClassName.get(RUNTIME_PACKAGE, "MessageSignal");
  static final ClassName CLIENT_ID = ClassName.get(RUNTIME_PACKAGE, "ClientId");
  static final ClassName CLIENT_ENV = ClassName.get(RUNTIME_PACKAGE, "ClientEnv");
  static final ClassName CLIENT_REPORT = ClassName.get(RUNTIME_PACKAGE, "ClientReport");

  /** The threading contract of everything that mirrors the runtime's thread-safe classes. */
  static final String THREAD_SAFE = "Thread-safe: every method may be called from any thread.";

  final SchemaSet schemas;
  final Channel channel;
  final ClassName connect;
  final ClassName clientMessage;
  final ClassName serverMessage;
  final ClassName request;
  final ClassName response;
  final ClassName channelClass;
  final ClassName server;
  final ClassName client;
  final ClassName serverEvent;
  final ClassName clientEvent;
  final ClassName serverHandler;
  final ClassName requestToken;
  final ClassName requestSignal;

  TypedChannel(SchemaSet schemas, Channel channel) {
    this.schemas = schemas;
    this.channel = channel;
    String name = channel.name();
    String pkg = channel.javaPackage();
    connect = TypeMapper.className(channel.connect());
    clientMessage = TypeMapper.className(channel.clientMessages().name());
    serverMessage = TypeMapper.className(channel.serverMessages().name());
    request = TypeMapper.className(channel.requests().name());
    response = TypeMapper.className(channel.responses().name());
    channelClass = ClassName.get(pkg, GeneratedNames.channelClass(name));
    server = ClassName.get(pkg, GeneratedNames.serverClass(name));
    client = ClassName.get(pkg, GeneratedNames.clientClass(name));
    serverEvent = ClassName.get(pkg, GeneratedNames.serverEvent(name));
    clientEvent = ClassName.get(pkg, GeneratedNames.clientEvent(name));
    serverHandler = ClassName.get(pkg, GeneratedNames.serverHandler(name));
    requestToken = ClassName.get(pkg, GeneratedNames.requestToken(name));
    requestSignal = ClassName.get(pkg, GeneratedNames.requestSignal(name));
  }

  /** {@code Server<Connect, ClientMessage, Request, ServerMessage, Response>}. */
  ParameterizedTypeName runtimeServer() {
    return ParameterizedTypeName.get(
        SERVER, connect, clientMessage, request, serverMessage, response);
  }

  /** {@code Client<Connect, ClientMessage, Request, ServerMessage, Response>}. */
  ParameterizedTypeName runtimeClient() {
    return ParameterizedTypeName.get(
        CLIENT, connect, clientMessage, request, serverMessage, response);
  }

  /** {@code <runtimeClass><Connect, ClientMessage, Request>}, a server-side runtime type. */
  ParameterizedTypeName serverSide(ClassName runtimeClass) {
    return ParameterizedTypeName.get(runtimeClass, connect, clientMessage, request);
  }

  /** {@code <runtimeClass><ServerMessage, Response>}, a client-side runtime type. */
  ParameterizedTypeName clientSide(ClassName runtimeClass) {
    return ParameterizedTypeName.get(runtimeClass, serverMessage, response);
  }

  /** {@code <Channel>RequestToken<Response>} of {@code kind}. */
  ParameterizedTypeName tokenOf(RequestKind kind) {
    return ParameterizedTypeName.get(requestToken, TypeMapper.className(kind.response()));
  }

  /** The server event record of {@code kind}, {@code <Channel>ServerEvent.<RequestType>Request}. */
  ClassName requestEvent(RequestKind kind) {
    return serverEvent.nestedClass(GeneratedNames.requestEvent(kind.request().simpleName()));
  }

  List<RequestKind> kinds() {
    return channel.requestKinds();
  }

  List<UnionMember> clientMessages() {
    return channel.clientMessages().members();
  }

  /** Whether a method or record about {@code kind} is deprecated: the kind or its types are. */
  boolean isDeprecated(RequestKind kind) {
    return kind.deprecation() != null
        || Deprecations.isDeprecated(schemas, kind.request())
        || Deprecations.isDeprecated(schemas, kind.response());
  }

  /** Whether a method about client message {@code member} is deprecated. */
  boolean isDeprecated(UnionMember member) {
    return member.deprecation() != null || Deprecations.isDeprecated(schemas, member.type());
  }

  /** Adds {@code @Deprecated} to {@code method} if {@code deprecated}. */
  static MethodSpec.Builder deprecatedIf(boolean deprecated, MethodSpec.Builder method) {
    return deprecated ? method.addAnnotation(Deprecations.DEPRECATED) : method;
  }

  /**
   * Marks a top-level typed class: {@code @Deprecated} with its channel, else
   * {@code @SuppressWarnings("deprecation")} when the channel names a deprecated type, which the
   * class then refers to.
   */
  TypeSpec.Builder annotate(TypeSpec.Builder type) {
    if (channel.deprecation() != null) {
      return type.addAnnotation(Deprecations.DEPRECATED);
    }
    return namesDeprecated() ? type.addAnnotation(Deprecations.SUPPRESS_DEPRECATION) : type;
  }

  private boolean namesDeprecated() {
    if (Deprecations.isDeprecated(schemas, channel.connect())) {
      return true;
    }
    for (UnionType role : channel.roles()) {
      if (Deprecations.isDeprecated(schemas, role.name())) {
        return true;
      }
      for (UnionMember member : role.members()) {
        if (member.deprecation() != null || Deprecations.isDeprecated(schemas, member.type())) {
          return true;
        }
      }
    }
    return kinds().stream().anyMatch(this::isDeprecated);
  }

  /** The Javadoc {@code {@link}} of a schema type. */
  static CodeBlock link(TypeName type) {
    return CodeBlock.of("{@link $T}", TypeMapper.className(type));
  }
}

package io.simplenet.compiler.internal.model;

import java.util.List;

/**
 * The names of everything the compiler generates, in one place: the validator reserves them and
 * the generators use them.
 */
public final class GeneratedNames {
  private GeneratedNames() {}

  /** Suffixes of the classes generated for a channel named {@code Chat} ({@code ChatChannel}, ...). */
  public static final List<String> CHANNEL_SUFFIXES =
      List.of(
          "Channel",
          "ClientMessage",
          "ServerMessage",
          "Request",
          "Response",
          "Client",
          "Server",
          "ClientEvent",
          "ServerEvent",
          "ClientHandler",
          "ServerHandler",
          "RequestToken",
          "RequestSignal");

  /** The codec class generated for a message, union or role: {@code <Type>Codec}. */
  public static String codecClass(String typeSimpleName) {
    return typeSimpleName + "Codec";
  }

  /** The channel descriptor class: {@code <Channel>Channel}. */
  public static String channelClass(String channelName) {
    return channelName + "Channel";
  }

  public static String clientMessageRole(String channelName) {
    return channelName + "ClientMessage";
  }

  public static String serverMessageRole(String channelName) {
    return channelName + "ServerMessage";
  }

  public static String requestRole(String channelName) {
    return channelName + "Request";
  }

  public static String responseRole(String channelName) {
    return channelName + "Response";
  }

  /** The typed server wrapping the runtime's: {@code <Channel>Server}. */
  public static String serverClass(String channelName) {
    return channelName + "Server";
  }

  /** The typed client wrapping the runtime's: {@code <Channel>Client}. */
  public static String clientClass(String channelName) {
    return channelName + "Client";
  }

  /** What a typed server delivers: {@code <Channel>ServerEvent}. */
  public static String serverEvent(String channelName) {
    return channelName + "ServerEvent";
  }

  /** What a typed client delivers: {@code <Channel>ClientEvent}. */
  public static String clientEvent(String channelName) {
    return channelName + "ClientEvent";
  }

  /** The callbacks of a typed server: {@code <Channel>ServerHandler}. */
  public static String serverHandler(String channelName) {
    return channelName + "ServerHandler";
  }

  /** The typed right to answer one request: {@code <Channel>RequestToken}. */
  public static String requestToken(String channelName) {
    return channelName + "RequestToken";
  }

  /** A typed client's handle on one request: {@code <Channel>RequestSignal}. */
  public static String requestSignal(String channelName) {
    return channelName + "RequestSignal";
  }

  /** The server event of one request kind: {@code <RequestType>Request}, always suffixed. */
  public static String requestEvent(String requestTypeSimpleName) {
    return requestTypeSimpleName + "Request";
  }

  /** Where resources (the {@code .proto} and descriptor set) of all schemas are written. */
  public static final String RESOURCE_DIR = "META-INF/simplenet/";

  /** {@code games/lobby.channel} becomes {@code games/lobby.proto} (the import path inside the .proto files). */
  public static String protoPath(String schemaPath) {
    return stripExtension(schemaPath) + ".proto";
  }

  /** The binary {@code FileDescriptorSet} of a schema and all it imports, as a classpath resource. */
  public static String descriptorSetResource(String schemaPath) {
    return RESOURCE_DIR + stripExtension(schemaPath) + ".desc";
  }

  /** The {@code .proto} file of a schema, as a classpath resource. */
  public static String protoResource(String schemaPath) {
    return RESOURCE_DIR + protoPath(schemaPath);
  }

  private static String stripExtension(String schemaPath) {
    return schemaPath.endsWith(".channel")
        ? schemaPath.substring(0, schemaPath.length() - ".channel".length())
        : schemaPath;
  }
}

package io.simplenet.compiler.internal.model;

import java.util.List;

/**
 * A channel: protocol version, connect message and four roles.
 *
 * @param name the channel name ({@code Chat}); generated names derive from it, see {@link GeneratedNames}
 * @param version the protocol version string, 1 to 64 characters of {@code [A-Za-z0-9._+-]}
 * @param connect the connect message type (a message or union)
 * @param clientMessages role {@code <Name>ClientMessage}
 * @param serverMessages role {@code <Name>ServerMessage}
 * @param requests role {@code <Name>Request}: one member per request kind, numbered as the kind
 * @param responses role {@code <Name>Response}: one member per distinct response type, numbered as
 *     the lowest request kind it answers
 * @param requestKinds in declaration order
 * @param deprecation null unless deprecated
 */
public record Channel(
    String name,
    String javaPackage,
    String version,
    TypeName connect,
    UnionType clientMessages,
    UnionType serverMessages,
    UnionType requests,
    UnionType responses,
    List<RequestKind> requestKinds,
    Docs docs,
    Deprecation deprecation,
    SourcePos pos) {
  public Channel {
    requestKinds = List.copyOf(requestKinds);
  }

  /** The four role unions, in the order client, server, request, response. */
  public List<UnionType> roles() {
    return List.of(clientMessages, serverMessages, requests, responses);
  }
}

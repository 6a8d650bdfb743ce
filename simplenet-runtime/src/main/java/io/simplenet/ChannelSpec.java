package io.simplenet;

import io.simplenet.codec.MessageCodec;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * Everything the runtime needs to know about one channel: its name, protocol version, the codecs of
 * its five roles and which response types answer which requests. Generated code hands one out
 * ({@code ChatChannel.SPEC}); tests may build one with {@link #of}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param <C> the connect message
 * @param <CM> client-to-server one-shot messages
 * @param <REQ> requests
 * @param <SM> server-to-client one-shot messages
 * @param <RESP> responses
 */
public final class ChannelSpec<C, CM, REQ, SM, RESP> {
  private final String name;
  private final String version;
  private final MessageCodec<C> connect;
  private final MessageCodec<CM> clientMessage;
  private final MessageCodec<REQ> request;
  private final MessageCodec<SM> serverMessage;
  private final MessageCodec<RESP> response;
  private final BiPredicate<REQ, RESP> answers;

  private ChannelSpec(
      String name,
      String version,
      MessageCodec<C> connect,
      MessageCodec<CM> clientMessage,
      MessageCodec<REQ> request,
      MessageCodec<SM> serverMessage,
      MessageCodec<RESP> response,
      BiPredicate<REQ, RESP> answers) {
    this.name = name;
    this.version = version;
    this.connect = connect;
    this.clientMessage = clientMessage;
    this.request = request;
    this.serverMessage = serverMessage;
    this.response = response;
    this.answers = answers;
  }

  /**
   * A channel spec.
   *
   * @param version the protocol version; clients and servers connect only if theirs are equal
   * @param answers whether a response is of the type the schema declares for a request's kind
   */
  public static <C, CM, REQ, SM, RESP> ChannelSpec<C, CM, REQ, SM, RESP> of(
      String name,
      String version,
      MessageCodec<C> connect,
      MessageCodec<CM> clientMessage,
      MessageCodec<REQ> request,
      MessageCodec<SM> serverMessage,
      MessageCodec<RESP> response,
      BiPredicate<REQ, RESP> answers) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(version, "version == null");
    if (version.isEmpty()) {
      throw new IllegalArgumentException("version is empty");
    }
    return new ChannelSpec<>(
        name,
        version,
        Objects.requireNonNull(connect, "connect == null"),
        Objects.requireNonNull(clientMessage, "clientMessage == null"),
        Objects.requireNonNull(request, "request == null"),
        Objects.requireNonNull(serverMessage, "serverMessage == null"),
        Objects.requireNonNull(response, "response == null"),
        Objects.requireNonNull(answers, "answers == null"));
  }

  /** The channel's name in the schema. */
  public String name() {
    return name;
  }

  /** The protocol version sent in the connect URL. */
  public String version() {
    return version;
  }

  /** The codec of the message a client sends when it connects. */
  public MessageCodec<C> connect() {
    return connect;
  }

  /** The codec of client-to-server one-shot messages. */
  public MessageCodec<CM> clientMessage() {
    return clientMessage;
  }

  /** The codec of requests. */
  public MessageCodec<REQ> request() {
    return request;
  }

  /** The codec of server-to-client one-shot messages. */
  public MessageCodec<SM> serverMessage() {
    return serverMessage;
  }

  /** The codec of responses. */
  public MessageCodec<RESP> response() {
    return response;
  }

  /** Whether {@code response} is of the type the schema declares as the answer to {@code request}. */
  public boolean answers(REQ request, RESP response) {
    Objects.requireNonNull(request, "request == null");
    Objects.requireNonNull(response, "response == null");
    return answers.test(request, response);
  }

  @Override
  public String toString() {
    return "ChannelSpec[" + name + " " + version + "]";
  }
}

package io.simplenet;

import java.util.Objects;

/**
 * Something that happened on a server, in the order it happened: a client connected (its hello was
 * accepted), disconnected, sent a message or made a request. Nothing from a connection comes before
 * its {@link Connected}, and nothing after its {@link Disconnected}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param <C> the connect message
 * @param <CM> client messages
 * @param <REQ> requests
 */
public sealed interface ServerEvent<C, CM, REQ> {

  /** The client the event concerns. */
  ClientId clientId();

  /** A client authenticated; {@code connect} is the message it sent when connecting. */
  record Connected<C, CM, REQ>(ClientId clientId, ClientEnv env, C connect)
      implements ServerEvent<C, CM, REQ> {
    public Connected {
      Objects.requireNonNull(clientId, "clientId == null");
      Objects.requireNonNull(env, "env == null");
      Objects.requireNonNull(connect, "connect == null");
    }
  }

  /** An accepted client's connection ended, for any reason. */
  record Disconnected<C, CM, REQ>(ClientId clientId) implements ServerEvent<C, CM, REQ> {
    public Disconnected {
      Objects.requireNonNull(clientId, "clientId == null");
    }
  }

  /** A one-shot message from a client. */
  record Msg<C, CM, REQ>(ClientId clientId, CM message) implements ServerEvent<C, CM, REQ> {
    public Msg {
      Objects.requireNonNull(clientId, "clientId == null");
      Objects.requireNonNull(message, "message == null");
    }
  }

  /**
   * A request from a client: answer it once through the server with {@code token} (respond, ack or
   * reject). A token dropped unanswered rejects the request when it is garbage-collected.
   */
  record Request<C, CM, REQ>(ClientId clientId, RequestToken token, REQ request)
      implements ServerEvent<C, CM, REQ> {
    public Request {
      Objects.requireNonNull(clientId, "clientId == null");
      Objects.requireNonNull(token, "token == null");
      Objects.requireNonNull(request, "request == null");
    }
  }
}

package io.simplenet.internal.wire;

import io.simplenet.auth.AuthRequest;
import java.util.List;
import java.util.Objects;

/**
 * One client-to-server frame, the protocol's {@code ClientFrame}.
 *
 * @param <C> the connect message
 * @param <CM> client messages
 * @param <REQ> requests
 */
public sealed interface ClientFrame<C, CM, REQ> {

  /** The first frame: credentials and the connect message. */
  record Hello<C, CM, REQ>(AuthRequest auth, C connect) implements ClientFrame<C, CM, REQ> {
    public Hello {
      Objects.requireNonNull(auth, "auth == null");
      Objects.requireNonNull(connect, "connect == null");
    }
  }

  /** A one-shot message. */
  record Message<C, CM, REQ>(CM message) implements ClientFrame<C, CM, REQ> {
    public Message {
      Objects.requireNonNull(message, "message == null");
    }
  }

  /** A request; {@code id} is the client's, an unsigned 64-bit number. */
  record Request<C, CM, REQ>(long id, REQ request) implements ClientFrame<C, CM, REQ> {
    public Request {
      Objects.requireNonNull(request, "request == null");
    }
  }

  /** Several frames, none a batch, in one message: handled as if each had come alone, in order. */
  record Batch<C, CM, REQ>(List<ClientFrame<C, CM, REQ>> frames) implements ClientFrame<C, CM, REQ> {
    public Batch {
      frames = Frames.batchMembers(frames);
    }
  }
}

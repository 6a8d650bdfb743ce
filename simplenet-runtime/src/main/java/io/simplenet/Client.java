package io.simplenet;

import io.simplenet.auth.AuthRequest;
import io.simplenet.internal.client.ClientDriver;
import java.lang.ref.Cleaner;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * A typed client of one channel: connects to a server in the background, sends one-shot messages
 * and requests, and delivers what happens as {@link ClientEvent}s, in order.
 *
 * <p>{@link Builder#build()} returns at once; the client reports {@link ClientReport.Connected}
 * once the server has accepted it. It can send only while {@linkplain #isConnected connected}, that
 * is once the application has consumed that {@code Connected} (and until the connection ends):
 * state the application sets up on {@code Connected} is never overtaken by a send. It reconnects as
 * its {@link ClientConfig} says, and finally reports {@link ClientReport.IsDead}, its last event.
 *
 * <p>Every request ends in exactly one of {@link ClientEvent.Response}, {@link ClientEvent.Ack},
 * {@link ClientEvent.Reject}, {@link ClientEvent.SendFailed} or {@link ClientEvent.ResponseLost},
 * or is listed in {@code IsDead}. A complete shutdown: {@link #close()}, then consume events until
 * {@code IsDead}. A client that becomes unreachable without being closed is closed once the garbage
 * collector finds it.
 *
 * <p>Thread-safe: any thread may send, poll or close; no method blocks on the network.
 *
 * @param <C> the connect message
 * @param <CM> client-to-server one-shot messages
 * @param <REQ> requests
 * @param <SM> server-to-client one-shot messages
 * @param <RESP> responses
 */
public final class Client<C, CM, REQ, SM, RESP> implements AutoCloseable {
  /** Closes clients the application dropped without closing, as the seed crate's Drop does. */
  private static final Cleaner CLEANER = Cleaner.create();

  private final ClientId id;
  private final ClientDriver<C, CM, REQ, SM, RESP> driver;

  private Client(ClientId id, ClientDriver<C, CM, REQ, SM, RESP> driver) {
    this.id = id;
    this.driver = driver;
    CLEANER.register(this, driver::close); // the driver never refers back to this client
  }

  /** A builder for a client of the channel {@code spec}, such as {@code ChatChannel.SPEC}. */
  public static <C, CM, REQ, SM, RESP> Builder<C, CM, REQ, SM, RESP> builder(
      ChannelSpec<C, CM, REQ, SM, RESP> spec) {
    return new Builder<>(spec);
  }

  /**
   * Sends a one-shot message. The signal is {@link MessageStatus#FAILED} at once unless the client
   * is {@linkplain #isConnected connected}; otherwise the message is queued and becomes {@link
   * MessageStatus#SENT} once written to the socket.
   */
  public MessageSignal send(CM message) {
    Objects.requireNonNull(message, "message == null");
    return driver.send(message);
  }

  /**
   * Sends a request under the next request id (reserved even if the request then fails). The signal
   * is {@link RequestStatus#SEND_FAILED} at once unless the client is {@linkplain #isConnected
   * connected}; its {@link ClientEvent.SendFailed} then comes with the next connection change, as
   * in the seed crate.
   */
  public RequestSignal request(REQ request) {
    Objects.requireNonNull(request, "request == null");
    return driver.request(request);
  }

  /** The next event, or null if none is waiting; never blocks. */
  public ClientEvent<SM, RESP> next() {
    return driver.next();
  }

  /** The next event, waiting up to {@code timeout} for one; null if none came. */
  public ClientEvent<SM, RESP> poll(Duration timeout) throws InterruptedException {
    Objects.requireNonNull(timeout, "timeout == null");
    return driver.poll(timeout);
  }

  /**
   * Whether the client can send: the server accepted its current connection, the application has
   * consumed every {@link ClientReport.Connected} so far, and the client is not closed.
   */
  public boolean isConnected() {
    return driver.isConnected();
  }

  /** Whether {@link #close()} was called or the client died. */
  public boolean isClosed() {
    return driver.isClosed();
  }

  /**
   * Whether the client stopped for good. {@link ClientReport.IsDead} has then been queued: events
   * still waiting can be drained with {@link #next()}, and it is the last of them.
   */
  public boolean isDead() {
    return driver.isDead();
  }

  /**
   * Closes the client: queues {@link ClientReport.ClosedBySelf} before returning, then closes the
   * connection with {@code 1000 "client done"} in the background, after the messages and requests
   * already sent are written (waiting at most 2 s for them); {@link ClientReport.IsDead} follows.
   * Does nothing if already closed.
   */
  @Override
  public void close() {
    driver.close();
  }

  /** The id the client authenticates as. */
  public ClientId id() {
    return id;
  }

  /** The URL the client dials, including the connect query. */
  public URI url() {
    return driver.uri();
  }

  @Override
  public String toString() {
    return "Client{id=" + id + ", url=" + driver.uri() + "}";
  }

  /** Builds and starts a {@link Client}. Not thread-safe. */
  public static final class Builder<C, CM, REQ, SM, RESP> {
    private final ChannelSpec<C, CM, REQ, SM, RESP> spec;
    private URI url;
    private AuthRequest auth;
    private C connectMessage;
    private ClientConfig config = ClientConfig.DEFAULT;
    private Encoding encoding = Encoding.BINARY;
    private ClientTls tls;

    private Builder(ChannelSpec<C, CM, REQ, SM, RESP> spec) {
      this.spec = Objects.requireNonNull(spec, "spec == null");
    }

    /**
     * The server's endpoint, {@code ws://host:port/path} or {@code wss://...}, without query: the
     * client appends the protocol version and encoding. Required.
     */
    public Builder<C, CM, REQ, SM, RESP> url(URI url) {
      this.url = Objects.requireNonNull(url, "url == null");
      return this;
    }

    /** See {@link #url(URI)}. */
    public Builder<C, CM, REQ, SM, RESP> url(String url) {
      Objects.requireNonNull(url, "url == null");
      return url(URI.create(url));
    }

    /** The credentials sent on every connection; the client's id is theirs. Required. */
    public Builder<C, CM, REQ, SM, RESP> auth(AuthRequest auth) {
      this.auth = Objects.requireNonNull(auth, "auth == null");
      return this;
    }

    /** The message sent with the credentials on every connection. Required. */
    public Builder<C, CM, REQ, SM, RESP> connectMessage(C connectMessage) {
      this.connectMessage = Objects.requireNonNull(connectMessage, "connectMessage == null");
      return this;
    }

    /** Reconnect and heartbeat settings; {@link ClientConfig#DEFAULT} if unset. */
    public Builder<C, CM, REQ, SM, RESP> config(ClientConfig config) {
      this.config = Objects.requireNonNull(config, "config == null");
      return this;
    }

    /** How frames are encoded; {@link Encoding#BINARY} if unset. */
    public Builder<C, CM, REQ, SM, RESP> encoding(Encoding encoding) {
      this.encoding = Objects.requireNonNull(encoding, "encoding == null");
      return this;
    }

    /**
     * TLS settings for a {@code wss://} URL; {@link ClientTls#systemDefault()} if unset. Setting
     * them for a {@code ws://} URL is an error at {@link #build()}.
     */
    public Builder<C, CM, REQ, SM, RESP> tls(ClientTls tls) {
      this.tls = Objects.requireNonNull(tls, "tls == null");
      return this;
    }

    /**
     * Starts the client, which connects in the background, and returns it at once.
     *
     * @throws IllegalStateException if the URL, auth or connect message is unset, or TLS settings
     *     were given for a {@code ws://} URL
     * @throws IllegalArgumentException if the URL is not a {@code ws://} or {@code wss://} URL
     *     without query, or the connect message cannot be encoded
     */
    public Client<C, CM, REQ, SM, RESP> build() {
      if (url == null) {
        throw new IllegalStateException("url not set");
      }
      if (auth == null) {
        throw new IllegalStateException("auth not set");
      }
      if (connectMessage == null) {
        throw new IllegalStateException("connectMessage not set");
      }
      boolean secure = "wss".equalsIgnoreCase(url.getScheme());
      if (tls != null && !secure) {
        throw new IllegalStateException("tls set for a URL that is not wss://: " + url);
      }
      ClientTls effectiveTls = secure && tls == null ? ClientTls.systemDefault() : tls;
      return new Client<>(
          auth.clientId(),
          new ClientDriver<>(spec, url, auth, connectMessage, config, encoding, effectiveTls)
              .start());
    }
  }
}

package io.simplenet.internal.wire;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import io.simplenet.ChannelSpec;
import io.simplenet.ClientId;
import io.simplenet.auth.AuthRequest;
import io.simplenet.auth.AuthSecret;
import io.simplenet.auth.AuthToken;
import io.simplenet.codec.CodecException;
import io.simplenet.codec.MessageCodec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Frames in protobuf binary, exactly as {@code simplenet.wire} in docs/protocol.md. Payload {@code
 * bytes} fields hold the channel codec's encoding. Unknown fields are skipped; a frame (or auth
 * request) with no member of its oneof set, or more than one, is malformed. Thread-safe.
 */
final class BinaryFrames<C, CM, REQ, SM, RESP> {
  // ClientFrame
  private static final int CLIENT_HELLO = 1;
  private static final int CLIENT_MESSAGE = 2;
  private static final int CLIENT_REQUEST = 3;
  // Hello
  private static final int HELLO_AUTH = 1;
  private static final int HELLO_CONNECT = 2;
  // AuthRequest
  private static final int AUTH_NONE = 1;
  private static final int AUTH_SECRET = 2;
  private static final int AUTH_TOKEN = 3;
  // NoAuth, SecretAuth, TokenAuth, Accepted
  private static final int CLIENT_ID = 1;
  private static final int SECRET = 2;
  private static final int TOKEN = 1;
  // RequestFrame, ResponseFrame
  private static final int ID = 1;
  private static final int PAYLOAD = 2;
  // ServerFrame
  private static final int SERVER_ACCEPTED = 1;
  private static final int SERVER_MESSAGE = 2;
  private static final int SERVER_RESPONSE = 3;
  private static final int SERVER_ACK = 4;
  private static final int SERVER_REJECT = 5;
  // Accepted
  private static final int MAX_MESSAGE_SIZE = 2;

  private static final byte[] EMPTY = new byte[0];

  /** A tag is the field number shifted left by this, then or-ed with the wire type. */
  private static final int TAG_TYPE_BITS = 3;

  private final ChannelSpec<C, CM, REQ, SM, RESP> spec;

  BinaryFrames(ChannelSpec<C, CM, REQ, SM, RESP> spec) {
    this.spec = spec;
  }

  byte[] encodeClientFrame(ClientFrame<C, CM, REQ> frame) throws IOException {
    if (frame instanceof ClientFrame.Message<C, CM, REQ> message) {
      return encodeMessage(CLIENT_MESSAGE, spec.clientMessage(), message.message());
    }
    if (frame instanceof ClientFrame.Request<C, CM, REQ> request) {
      return encodeIdAndPayload(CLIENT_REQUEST, request.id(), spec.request(), request.request());
    }
    ClientFrame.Hello<C, CM, REQ> hello = (ClientFrame.Hello<C, CM, REQ>) frame;
    // Sent once per connection, so clarity beats avoiding the copy of the auth request.
    byte[] auth = encodeAuth(hello.auth());
    MessageCodec<C> codec = spec.connect();
    int connectSize = codec.serializedSize(hello.connect());
    int size = nestedSize(HELLO_AUTH, auth.length) + optionalPayloadSize(connectSize);
    return write(
        nestedSize(CLIENT_HELLO, size),
        out -> {
          writeHeader(out, CLIENT_HELLO, size);
          out.writeByteArray(HELLO_AUTH, auth);
          writeOptionalPayload(out, codec, hello.connect(), connectSize);
        });
  }

  byte[] encodeServerFrame(ServerFrame<SM, RESP> frame) throws IOException {
    if (frame instanceof ServerFrame.Message<SM, RESP> message) {
      return encodeMessage(SERVER_MESSAGE, spec.serverMessage(), message.message());
    }
    if (frame instanceof ServerFrame.Response<SM, RESP> response) {
      return encodeIdAndPayload(
          SERVER_RESPONSE, response.id(), spec.response(), response.response());
    }
    if (frame instanceof ServerFrame.Ack<SM, RESP> ack) {
      return encodeId(SERVER_ACK, ack.id());
    }
    if (frame instanceof ServerFrame.Reject<SM, RESP> reject) {
      return encodeId(SERVER_REJECT, reject.id());
    }
    ServerFrame.Accepted<SM, RESP> accepted = (ServerFrame.Accepted<SM, RESP>) frame;
    String clientId = accepted.clientId().toString();
    int maxMessageSize = accepted.maxMessageSize();
    int size = CodedOutputStream.computeStringSize(CLIENT_ID, clientId)
        + (maxMessageSize == 0 ? 0 : CodedOutputStream.computeUInt32Size(MAX_MESSAGE_SIZE, maxMessageSize));
    return write(
        nestedSize(SERVER_ACCEPTED, size),
        out -> {
          writeHeader(out, SERVER_ACCEPTED, size);
          out.writeString(CLIENT_ID, clientId);
          if (maxMessageSize != 0) {
            out.writeUInt32(MAX_MESSAGE_SIZE, maxMessageSize);
          }
        });
  }

  /** A frame whose member is a payload: {@code ClientFrame.message}, {@code ServerFrame.message}. */
  private static <T> byte[] encodeMessage(int field, MessageCodec<T> codec, T value)
      throws IOException {
    int size = codec.serializedSize(value);
    return write(
        nestedSize(field, size),
        out -> {
          writeHeader(out, field, size);
          codec.writeTo(value, out);
        });
  }

  /** A frame whose member is a RequestFrame or ResponseFrame. */
  private static <T> byte[] encodeIdAndPayload(int field, long id, MessageCodec<T> codec, T value)
      throws IOException {
    int payloadSize = codec.serializedSize(value);
    int size = (id == 0 ? 0 : CodedOutputStream.computeUInt64Size(ID, id))
        + optionalPayloadSize(payloadSize);
    return write(
        nestedSize(field, size),
        out -> {
          writeHeader(out, field, size);
          if (id != 0) {
            out.writeUInt64(ID, id); // proto3 leaves out a non-oneof field at its default
          }
          writeOptionalPayload(out, codec, value, payloadSize);
        });
  }

  ClientFrame<C, CM, REQ> decodeClientFrame(byte[] bytes) throws IOException {
    return readClientFrame(CodedInputStream.newInstance(bytes), true);
  }

  /** A frame that ends at the stream's limit; a batch only if {@code batchAllowed}. */
  private ClientFrame<C, CM, REQ> readClientFrame(CodedInputStream in, boolean batchAllowed)
      throws IOException {
    ClientFrame<C, CM, REQ> frame = null;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      ClientFrame<C, CM, REQ> next;
      if (tag == nestedTag(Batches.BATCH_FIELD)) {
        if (!batchAllowed) {
          throw new CodecException("a batch inside a batch");
        }
        next = new ClientFrame.Batch<>(readBatch(in, nested -> readClientFrame(nested, false)));
      } else if (tag == nestedTag(CLIENT_HELLO)) {
        next = readHello(in);
      } else if (tag == nestedTag(CLIENT_MESSAGE)) {
        next = new ClientFrame.Message<>(readNested(in, spec.clientMessage(), 1));
      } else if (tag == nestedTag(CLIENT_REQUEST)) {
        Frames.IdAndPayload<REQ> request = readIdAndPayload(in, spec.request());
        next = new ClientFrame.Request<>(request.id(), request.payload());
      } else {
        in.skipField(tag);
        continue;
      }
      frame = Frames.onlyMember(frame, next, "ClientFrame");
    }
    return Frames.required(frame, "ClientFrame has no frame field set");
  }

  ServerFrame<SM, RESP> decodeServerFrame(byte[] bytes) throws IOException {
    return readServerFrame(CodedInputStream.newInstance(bytes), true);
  }

  /** A frame that ends at the stream's limit; a batch only if {@code batchAllowed}. */
  private ServerFrame<SM, RESP> readServerFrame(CodedInputStream in, boolean batchAllowed)
      throws IOException {
    ServerFrame<SM, RESP> frame = null;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      ServerFrame<SM, RESP> next;
      if (tag == nestedTag(Batches.BATCH_FIELD)) {
        if (!batchAllowed) {
          throw new CodecException("a batch inside a batch");
        }
        next = new ServerFrame.Batch<>(readBatch(in, nested -> readServerFrame(nested, false)));
      } else if (tag == nestedTag(SERVER_ACCEPTED)) {
        next = readAccepted(in);
      } else if (tag == nestedTag(SERVER_MESSAGE)) {
        next = new ServerFrame.Message<>(readNested(in, spec.serverMessage(), 1));
      } else if (tag == nestedTag(SERVER_RESPONSE)) {
        Frames.IdAndPayload<RESP> response = readIdAndPayload(in, spec.response());
        next = new ServerFrame.Response<>(response.id(), response.payload());
      } else if (tag == varintTag(SERVER_ACK)) {
        next = new ServerFrame.Ack<>(in.readUInt64());
      } else if (tag == varintTag(SERVER_REJECT)) {
        next = new ServerFrame.Reject<>(in.readUInt64());
      } else {
        in.skipField(tag);
        continue;
      }
      frame = Frames.onlyMember(frame, next, "ServerFrame");
    }
    return Frames.required(frame, "ServerFrame has no frame field set");
  }

  /** A ClientBatch or ServerBatch: its {@code frames}, each read by {@code member}. */
  private static <F> List<F> readBatch(CodedInputStream in, FrameReader<F> member)
      throws IOException {
    int oldLimit = in.pushLimit(in.readRawVarint32());
    List<F> frames = new ArrayList<>();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (tag == nestedTag(Batches.FRAMES_FIELD)) {
        int frameLimit = in.pushLimit(in.readRawVarint32());
        frames.add(member.read(in));
        in.popLimit(frameLimit);
      } else {
        in.skipField(tag);
      }
    }
    in.popLimit(oldLimit);
    return frames;
  }

  private interface FrameReader<F> {
    F read(CodedInputStream in) throws IOException;
  }

  private ClientFrame<C, CM, REQ> readHello(CodedInputStream in) throws IOException {
    int oldLimit = in.pushLimit(in.readRawVarint32());
    AuthRequest auth = null;
    C connect = null;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (tag == nestedTag(HELLO_AUTH)) {
        auth = readAuth(in);
      } else if (tag == nestedTag(HELLO_CONNECT)) {
        connect = readNested(in, spec.connect(), 2);
      } else {
        in.skipField(tag);
      }
    }
    in.popLimit(oldLimit);
    if (connect == null) {
      connect = readEmpty(spec.connect(), 2);
    }
    return new ClientFrame.Hello<>(Frames.required(auth, "Hello has no auth"), connect);
  }

  private static AuthRequest readAuth(CodedInputStream in) throws IOException {
    int oldLimit = in.pushLimit(in.readRawVarint32());
    AuthRequest auth = null;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      AuthRequest next;
      if (tag == nestedTag(AUTH_NONE)) {
        next = readNoneOrSecret(in, false);
      } else if (tag == nestedTag(AUTH_SECRET)) {
        next = readNoneOrSecret(in, true);
      } else if (tag == nestedTag(AUTH_TOKEN)) {
        next = readToken(in);
      } else {
        in.skipField(tag);
        continue;
      }
      auth = Frames.onlyMember(auth, next, "AuthRequest");
    }
    in.popLimit(oldLimit);
    return Frames.required(auth, "AuthRequest has no kind set");
  }

  /** NoAuth and SecretAuth share field 1; NoAuth has no field 2, so a stray one is skipped. */
  private static AuthRequest readNoneOrSecret(CodedInputStream in, boolean isSecret)
      throws IOException {
    int oldLimit = in.pushLimit(in.readRawVarint32());
    String clientId = null;
    byte[] secret = EMPTY;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (tag == nestedTag(CLIENT_ID)) {
        clientId = in.readStringRequireUtf8();
      } else if (isSecret && tag == nestedTag(SECRET)) {
        secret = in.readByteArray();
      } else {
        in.skipField(tag);
      }
    }
    in.popLimit(oldLimit);
    ClientId id = Frames.clientId(clientId);
    return isSecret ? new AuthRequest.Secret(id, AuthSecret.of(secret)) : new AuthRequest.None(id);
  }

  private static AuthRequest readToken(CodedInputStream in) throws IOException {
    int oldLimit = in.pushLimit(in.readRawVarint32());
    byte[] token = EMPTY;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (tag == nestedTag(TOKEN)) {
        token = in.readByteArray();
      } else {
        in.skipField(tag);
      }
    }
    in.popLimit(oldLimit);
    return new AuthRequest.Token(AuthToken.fromBytes(token));
  }

  /** A RequestFrame or ResponseFrame: an id and a payload of {@code codec}'s type. */
  private static <T> Frames.IdAndPayload<T> readIdAndPayload(CodedInputStream in, MessageCodec<T> codec)
      throws IOException {
    int oldLimit = in.pushLimit(in.readRawVarint32());
    long id = 0;
    T payload = null;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (tag == varintTag(ID)) {
        id = in.readUInt64();
      } else if (tag == nestedTag(PAYLOAD)) {
        payload = readNested(in, codec, 2);
      } else {
        in.skipField(tag);
      }
    }
    in.popLimit(oldLimit);
    return new Frames.IdAndPayload<>(id, payload != null ? payload : readEmpty(codec, 2));
  }

  private static <SM, RESP> ServerFrame<SM, RESP> readAccepted(CodedInputStream in)
      throws IOException {
    int oldLimit = in.pushLimit(in.readRawVarint32());
    String clientId = null;
    int maxMessageSize = 0;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (tag == nestedTag(CLIENT_ID)) {
        clientId = in.readStringRequireUtf8();
      } else if (tag == varintTag(MAX_MESSAGE_SIZE)) {
        maxMessageSize = Frames.maxMessageSize(in.readUInt32());
      } else {
        in.skipField(tag);
      }
    }
    in.popLimit(oldLimit);
    return new ServerFrame.Accepted<>(Frames.clientId(clientId), maxMessageSize);
  }

  /** Reads a length-delimited payload with {@code codec}, which must consume all of it. */
  private static <T> T readNested(CodedInputStream in, MessageCodec<T> codec, int depth)
      throws IOException {
    int oldLimit = in.pushLimit(in.readRawVarint32());
    T value = codec.readFrom(in, depth);
    if (!in.isAtEnd()) {
      throw new CodecException(codec.protoName() + " did not consume its bytes");
    }
    in.popLimit(oldLimit);
    return value;
  }

  /** An absent payload field: proto3's default, the message with every field at its default. */
  private static <T> T readEmpty(MessageCodec<T> codec, int depth) throws IOException {
    return codec.readFrom(CodedInputStream.newInstance(EMPTY), depth);
  }

  private static byte[] encodeAuth(AuthRequest auth) throws IOException {
    if (auth instanceof AuthRequest.Token token) {
      byte[] bytes = token.token().toBytes();
      int size = CodedOutputStream.computeByteArraySize(TOKEN, bytes);
      return write(
          nestedSize(AUTH_TOKEN, size),
          out -> {
            writeHeader(out, AUTH_TOKEN, size);
            out.writeByteArray(TOKEN, bytes);
          });
    }
    String clientId = auth.clientId().toString();
    byte[] secret =
        auth instanceof AuthRequest.Secret withSecret ? withSecret.secret().toBytes() : null;
    int member = secret != null ? AUTH_SECRET : AUTH_NONE;
    int size = CodedOutputStream.computeStringSize(CLIENT_ID, clientId)
        + (secret != null ? CodedOutputStream.computeByteArraySize(SECRET, secret) : 0);
    return write(
        nestedSize(member, size),
        out -> {
          writeHeader(out, member, size);
          out.writeString(CLIENT_ID, clientId);
          if (secret != null) {
            out.writeByteArray(SECRET, secret);
          }
        });
  }

  private static byte[] encodeId(int field, long id) throws IOException {
    // A oneof member: written even when 0.
    return write(CodedOutputStream.computeUInt64Size(field, id), out -> out.writeUInt64(field, id));
  }

  private static int nestedSize(int field, int size) {
    return CodedOutputStream.computeTagSize(field)
        + CodedOutputStream.computeUInt32SizeNoTag(size)
        + size;
  }

  /** A payload that is not a oneof member is left out when empty, as proto3 does. */
  private static int optionalPayloadSize(int size) {
    return size == 0 ? 0 : nestedSize(PAYLOAD, size);
  }

  private static void writeHeader(CodedOutputStream out, int field, int size) throws IOException {
    out.writeTag(field, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    out.writeUInt32NoTag(size);
  }

  private static <T> void writeOptionalPayload(
      CodedOutputStream out, MessageCodec<T> codec, T value, int size) throws IOException {
    if (size != 0) {
      writeHeader(out, PAYLOAD, size);
      codec.writeTo(value, out);
    }
  }

  /** Writes exactly {@code size} bytes; a mismatch is a bug in a size computation or codec. */
  private static byte[] write(int size, Writer writer) throws IOException {
    byte[] bytes = new byte[size];
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    writer.write(out);
    out.checkNoSpaceLeft();
    return bytes;
  }

  private interface Writer {
    void write(CodedOutputStream out) throws IOException;
  }

  private static int nestedTag(int field) {
    return field << TAG_TYPE_BITS | WireFormat.WIRETYPE_LENGTH_DELIMITED;
  }

  private static int varintTag(int field) {
    return field << TAG_TYPE_BITS | WireFormat.WIRETYPE_VARINT;
  }
}

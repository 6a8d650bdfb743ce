package io.simplenet.internal.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.simplenet.ChannelSpec;
import io.simplenet.ClientId;
import io.simplenet.auth.AuthRequest;
import io.simplenet.auth.AuthSecret;
import io.simplenet.auth.AuthToken;
import io.simplenet.codec.CodecException;
import io.simplenet.codec.Limits;
import io.simplenet.codec.MessageCodec;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Frames in protobuf canonical JSON, exactly as {@code simplenet.wire} in docs/protocol.md, except
 * that payload fields hold the channel codec's JSON object instead of base64 bytes. Writes JSON
 * names ({@code clientId}), reads JSON or proto names ({@code client_id}); 64-bit ids are written
 * as strings and read from strings or numbers; bytes are written as standard base64 and read from
 * standard or URL-safe base64. Unknown fields are skipped; {@code null} values are malformed. A
 * frame (or auth request) with no member of its oneof set, or more than one, is malformed.
 * Thread-safe.
 */
final class JsonFrames<C, CM, REQ, SM, RESP> {
  /** The levels a batch adds around its frames: the batch object, its array, the frame. */
  private static final int BATCH_NESTING = 3;

  /** Nesting as deep as payloads at every allowed depth can need, and no deeper. */
  private static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(2 * (Limits.MAX_DEPTH + 1) + BATCH_NESTING)
                  .build())
          .build();

  private static final String EMPTY_OBJECT = "{}";

  private final ChannelSpec<C, CM, REQ, SM, RESP> spec;

  JsonFrames(ChannelSpec<C, CM, REQ, SM, RESP> spec) {
    this.spec = spec;
  }

  String encodeClientFrame(ClientFrame<C, CM, REQ> frame) throws IOException {
    StringWriter text = new StringWriter();
    try (JsonGenerator out = JSON.createGenerator(text)) {
      out.writeStartObject();
      if (frame instanceof ClientFrame.Message<C, CM, REQ> message) {
        out.writeFieldName("message");
        spec.clientMessage().writeJson(message.message(), out);
      } else if (frame instanceof ClientFrame.Request<C, CM, REQ> request) {
        out.writeFieldName("request");
        writeIdAndPayload(out, request.id(), "request", spec.request(), request.request());
      } else {
        ClientFrame.Hello<C, CM, REQ> hello = (ClientFrame.Hello<C, CM, REQ>) frame;
        out.writeObjectFieldStart("hello");
        out.writeFieldName("auth");
        writeAuth(out, hello.auth());
        out.writeFieldName("connect");
        spec.connect().writeJson(hello.connect(), out);
        out.writeEndObject();
      }
      out.writeEndObject();
    }
    return text.toString();
  }

  String encodeServerFrame(ServerFrame<SM, RESP> frame) throws IOException {
    StringWriter text = new StringWriter();
    try (JsonGenerator out = JSON.createGenerator(text)) {
      out.writeStartObject();
      if (frame instanceof ServerFrame.Message<SM, RESP> message) {
        out.writeFieldName("message");
        spec.serverMessage().writeJson(message.message(), out);
      } else if (frame instanceof ServerFrame.Response<SM, RESP> response) {
        out.writeFieldName("response");
        writeIdAndPayload(out, response.id(), "response", spec.response(), response.response());
      } else if (frame instanceof ServerFrame.Ack<SM, RESP> ack) {
        out.writeStringField("ack", Long.toUnsignedString(ack.id()));
      } else if (frame instanceof ServerFrame.Reject<SM, RESP> reject) {
        out.writeStringField("reject", Long.toUnsignedString(reject.id()));
      } else {
        ServerFrame.Accepted<SM, RESP> accepted = (ServerFrame.Accepted<SM, RESP>) frame;
        out.writeObjectFieldStart("accepted");
        out.writeStringField("clientId", accepted.clientId().toString());
        if (accepted.maxMessageSize() != 0) {
          out.writeNumberField("maxMessageSize", accepted.maxMessageSize());
        }
        out.writeEndObject();
      }
      out.writeEndObject();
    }
    return text.toString();
  }

  ClientFrame<C, CM, REQ> decodeClientFrame(String text) throws IOException {
    try (JsonParser in = JSON.createParser(text)) {
      ClientFrame<C, CM, REQ> frame = readClientFrame(in, in.nextToken(), true);
      expectEnd(in);
      return frame;
    }
  }

  /** The frame starting at {@code token}; a batch only if {@code batchAllowed}. */
  private ClientFrame<C, CM, REQ> readClientFrame(
      JsonParser in, JsonToken token, boolean batchAllowed) throws IOException {
    expectObject(in, token, "ClientFrame");
    ClientFrame<C, CM, REQ> frame = null;
    while (in.nextToken() == JsonToken.FIELD_NAME) {
      String name = in.currentName();
      JsonToken value = in.nextToken();
      ClientFrame<C, CM, REQ> next;
      switch (name) {
        case "batch":
          if (!batchAllowed) {
            throw error(in, "a batch inside a batch");
          }
          next = new ClientFrame.Batch<>(readBatch(in, value, (p, t) -> readClientFrame(p, t, false)));
          break;
        case "hello":
          next = readHello(in, value);
          break;
        case "message":
          next = new ClientFrame.Message<>(readPayload(in, value, spec.clientMessage(), 1));
          break;
        case "request":
          Frames.IdAndPayload<REQ> request =
              readIdAndPayload(in, value, "request", spec.request());
          next = new ClientFrame.Request<>(request.id(), request.payload());
          break;
        default:
          in.skipChildren();
          continue;
      }
      frame = Frames.onlyMember(frame, next, "ClientFrame");
    }
    return Frames.required(frame, "ClientFrame has no frame field set");
  }

  ServerFrame<SM, RESP> decodeServerFrame(String text) throws IOException {
    try (JsonParser in = JSON.createParser(text)) {
      ServerFrame<SM, RESP> frame = readServerFrame(in, in.nextToken(), true);
      expectEnd(in);
      return frame;
    }
  }

  /** The frame starting at {@code token}; a batch only if {@code batchAllowed}. */
  private ServerFrame<SM, RESP> readServerFrame(
      JsonParser in, JsonToken token, boolean batchAllowed) throws IOException {
    expectObject(in, token, "ServerFrame");
    ServerFrame<SM, RESP> frame = null;
    while (in.nextToken() == JsonToken.FIELD_NAME) {
      String name = in.currentName();
      JsonToken value = in.nextToken();
      ServerFrame<SM, RESP> next;
      switch (name) {
        case "batch":
          if (!batchAllowed) {
            throw error(in, "a batch inside a batch");
          }
          next = new ServerFrame.Batch<>(readBatch(in, value, (p, t) -> readServerFrame(p, t, false)));
          break;
        case "accepted":
          next = readAccepted(in, value);
          break;
        case "message":
          next = new ServerFrame.Message<>(readPayload(in, value, spec.serverMessage(), 1));
          break;
        case "response":
          Frames.IdAndPayload<RESP> response =
              readIdAndPayload(in, value, "response", spec.response());
          next = new ServerFrame.Response<>(response.id(), response.payload());
          break;
        case "ack":
          next = new ServerFrame.Ack<>(readUInt64(in, value));
          break;
        case "reject":
          next = new ServerFrame.Reject<>(readUInt64(in, value));
          break;
        default:
          in.skipChildren();
          continue;
      }
      frame = Frames.onlyMember(frame, next, "ServerFrame");
    }
    return Frames.required(frame, "ServerFrame has no frame field set");
  }

  /** A ClientBatch or ServerBatch object: its {@code frames} array, each read by {@code member}. */
  private static <F> List<F> readBatch(JsonParser in, JsonToken token, FrameReader<F> member)
      throws IOException {
    expectObject(in, token, "batch");
    List<F> frames = new ArrayList<>();
    while (in.nextToken() == JsonToken.FIELD_NAME) {
      String name = in.currentName();
      JsonToken value = in.nextToken();
      if (name.equals("frames")) {
        if (value != JsonToken.START_ARRAY) {
          throw error(in, "frames: expected an array, found " + value);
        }
        for (JsonToken item = in.nextToken(); item != JsonToken.END_ARRAY; item = in.nextToken()) {
          frames.add(member.read(in, item));
        }
      } else {
        in.skipChildren();
      }
    }
    return frames;
  }

  private interface FrameReader<F> {
    F read(JsonParser in, JsonToken token) throws IOException;
  }

  private static <T> void writeIdAndPayload(
      JsonGenerator out, long id, String payloadName, MessageCodec<T> codec, T value)
      throws IOException {
    out.writeStartObject();
    if (id != 0) {
      out.writeStringField("id", Long.toUnsignedString(id)); // proto3 leaves out defaults
    }
    out.writeFieldName(payloadName);
    codec.writeJson(value, out);
    out.writeEndObject();
  }

  private static void writeAuth(JsonGenerator out, AuthRequest auth) throws IOException {
    out.writeStartObject();
    if (auth instanceof AuthRequest.Token token) {
      out.writeObjectFieldStart("token");
      out.writeStringField("token", Base64.getEncoder().encodeToString(token.token().toBytes()));
    } else {
      out.writeObjectFieldStart(auth instanceof AuthRequest.Secret ? "secret" : "none");
      out.writeStringField("clientId", auth.clientId().toString());
      if (auth instanceof AuthRequest.Secret secret) {
        out.writeStringField(
            "secret", Base64.getEncoder().encodeToString(secret.secret().toBytes()));
      }
    }
    out.writeEndObject();
    out.writeEndObject();
  }

  private ClientFrame<C, CM, REQ> readHello(JsonParser in, JsonToken token) throws IOException {
    expectObject(in, token, "Hello");
    AuthRequest auth = null;
    C connect = null;
    while (in.nextToken() == JsonToken.FIELD_NAME) {
      String name = in.currentName();
      JsonToken value = in.nextToken();
      if (name.equals("auth")) {
        auth = readAuth(in, value);
      } else if (name.equals("connect")) {
        connect = readPayload(in, value, spec.connect(), 2);
      } else {
        in.skipChildren();
      }
    }
    if (connect == null) {
      connect = readEmpty(spec.connect(), 2);
    }
    return new ClientFrame.Hello<>(Frames.required(auth, "Hello has no auth"), connect);
  }

  private static AuthRequest readAuth(JsonParser in, JsonToken token) throws IOException {
    expectObject(in, token, "AuthRequest");
    AuthRequest auth = null;
    while (in.nextToken() == JsonToken.FIELD_NAME) {
      String name = in.currentName();
      JsonToken value = in.nextToken();
      AuthRequest next;
      switch (name) {
        case "none":
          next = readNoneOrSecret(in, value, false);
          break;
        case "secret":
          next = readNoneOrSecret(in, value, true);
          break;
        case "token":
          next = readToken(in, value);
          break;
        default:
          in.skipChildren();
          continue;
      }
      auth = Frames.onlyMember(auth, next, "AuthRequest");
    }
    return Frames.required(auth, "AuthRequest has no kind set");
  }

  private static AuthRequest readNoneOrSecret(JsonParser in, JsonToken token, boolean isSecret)
      throws IOException {
    expectObject(in, token, isSecret ? "SecretAuth" : "NoAuth");
    String clientId = null;
    byte[] secret = new byte[0];
    while (in.nextToken() == JsonToken.FIELD_NAME) {
      String name = in.currentName();
      JsonToken value = in.nextToken();
      if (name.equals("clientId") || name.equals("client_id")) {
        clientId = readString(in, value);
      } else if (isSecret && name.equals("secret")) {
        secret = readBytes(in, value);
      } else {
        in.skipChildren();
      }
    }
    ClientId id = Frames.clientId(clientId);
    return isSecret ? new AuthRequest.Secret(id, AuthSecret.of(secret)) : new AuthRequest.None(id);
  }

  private static AuthRequest readToken(JsonParser in, JsonToken token) throws IOException {
    expectObject(in, token, "TokenAuth");
    byte[] bytes = new byte[0];
    while (in.nextToken() == JsonToken.FIELD_NAME) {
      String name = in.currentName();
      JsonToken value = in.nextToken();
      if (name.equals("token")) {
        bytes = readBytes(in, value);
      } else {
        in.skipChildren();
      }
    }
    return new AuthRequest.Token(AuthToken.fromBytes(bytes));
  }

  /** A RequestFrame or ResponseFrame: an id and a payload named {@code payloadName}. */
  private static <T> Frames.IdAndPayload<T> readIdAndPayload(
      JsonParser in, JsonToken token, String payloadName, MessageCodec<T> codec)
      throws IOException {
    expectObject(in, token, payloadName + " frame");
    long id = 0;
    T payload = null;
    while (in.nextToken() == JsonToken.FIELD_NAME) {
      String name = in.currentName();
      JsonToken value = in.nextToken();
      if (name.equals("id")) {
        id = readUInt64(in, value);
      } else if (name.equals(payloadName)) {
        payload = readPayload(in, value, codec, 2);
      } else {
        in.skipChildren();
      }
    }
    return new Frames.IdAndPayload<>(id, payload != null ? payload : readEmpty(codec, 2));
  }

  private static <SM, RESP> ServerFrame<SM, RESP> readAccepted(JsonParser in, JsonToken token)
      throws IOException {
    expectObject(in, token, "Accepted");
    String clientId = null;
    int maxMessageSize = 0;
    while (in.nextToken() == JsonToken.FIELD_NAME) {
      String name = in.currentName();
      JsonToken value = in.nextToken();
      if (name.equals("clientId") || name.equals("client_id")) {
        clientId = readString(in, value);
      } else if (name.equals("maxMessageSize") || name.equals("max_message_size")) {
        maxMessageSize = Frames.maxMessageSize(readUInt32(in, value));
      } else {
        in.skipChildren();
      }
    }
    return new ServerFrame.Accepted<>(Frames.clientId(clientId), maxMessageSize);
  }

  private static <T> T readPayload(JsonParser in, JsonToken token, MessageCodec<T> codec, int depth)
      throws IOException {
    expectObject(in, token, codec.protoName());
    return codec.readJson(in, depth);
  }

  /** An absent payload field: proto3's default, the message with every field at its default. */
  private static <T> T readEmpty(MessageCodec<T> codec, int depth) throws IOException {
    try (JsonParser in = JSON.createParser(EMPTY_OBJECT)) {
      in.nextToken();
      return codec.readJson(in, depth);
    }
  }

  private static String readString(JsonParser in, JsonToken token) throws IOException {
    if (token != JsonToken.VALUE_STRING) {
      throw error(in, "expected a string, found " + token);
    }
    return in.getText();
  }

  private static byte[] readBytes(JsonParser in, JsonToken token) throws IOException {
    String text = readString(in, token);
    try {
      // Protobuf's JSON accepts both alphabets, with or without padding.
      return Base64.getDecoder().decode(text.replace('-', '+').replace('_', '/'));
    } catch (IllegalArgumentException e) {
      throw error(in, "bytes are not base64");
    }
  }

  /** A uint64 from a string or a number, as protobuf's JSON reads it (exponents aside). */
  private static long readUInt64(JsonParser in, JsonToken token) throws IOException {
    if (token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NUMBER_INT) {
      throw error(in, "expected a uint64, found " + token);
    }
    String text = in.getText();
    if (text.isEmpty() || text.length() > 20 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw error(in, "not a uint64: \"" + text + "\"");
    }
    try {
      return Long.parseUnsignedLong(text);
    } catch (NumberFormatException e) {
      throw error(in, "uint64 out of range: " + text);
    }
  }

  /** A uint32 from a number or a string, as protobuf's JSON reads it. */
  private static long readUInt32(JsonParser in, JsonToken token) throws IOException {
    long value = readUInt64(in, token);
    if (value < 0 || value > 0xFFFF_FFFFL) {
      throw error(in, "uint32 out of range: " + Long.toUnsignedString(value));
    }
    return value;
  }

  private static void expectObject(JsonParser in, JsonToken token, String what) {
    if (token != JsonToken.START_OBJECT) {
      throw error(in, what + ": expected an object, found " + token);
    }
  }

  private static void expectEnd(JsonParser in) throws IOException {
    if (in.nextToken() != null) {
      throw error(in, "trailing content after the frame");
    }
  }

  private static CodecException error(JsonParser in, String message) {
    return new CodecException(message + " at " + in.currentLocation().offsetDescription());
  }
}

package io.simplenet.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.DynamicMessage;
import io.simplenet.ClientId;
import io.simplenet.Encoding;
import io.simplenet.auth.AuthKeys;
import io.simplenet.auth.AuthRequest;
import io.simplenet.auth.AuthSecret;
import io.simplenet.auth.AuthToken;
import io.simplenet.auth.AuthTokens;
import io.simplenet.codec.CodecException;
import io.simplenet.codec.MessageCodec;
import io.simplenet.testing.TestChannel;
import io.simplenet.testing.TestMessages.TestClientMsg;
import io.simplenet.testing.TestMessages.TestConnect;
import io.simplenet.testing.TestMessages.TestRequest;
import io.simplenet.testing.TestMessages.TestResponse;
import io.simplenet.testing.TestMessages.TestServerMsg;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Frames in both encodings: round trips, protobuf's own view of our bytes, malformed input. */
class FrameCodecTest {
  private static final FrameCodec<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse>
      CODEC = new FrameCodec<>(TestChannel.SPEC);
  private static final ClientId BIG_ID = ClientId.of(BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE));
  private static final AuthSecret SECRET = AuthSecret.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
  private static final AuthToken TOKEN =
      AuthTokens.fromExpiry(AuthKeys.generate().privateSeed(), 1_700_000_000L, ClientId.of(9));

  private static List<ClientFrame<TestConnect, TestClientMsg, TestRequest>> clientFrames() {
    return List.of(
        new ClientFrame.Hello<>(new AuthRequest.None(ClientId.of(0)), new TestConnect("hello")),
        new ClientFrame.Hello<>(new AuthRequest.None(BIG_ID), new TestConnect("")),
        new ClientFrame.Hello<>(new AuthRequest.Secret(ClientId.of(44718), SECRET), new TestConnect("é€😀")),
        new ClientFrame.Hello<>(new AuthRequest.Token(TOKEN), new TestConnect("t")),
        new ClientFrame.Message<>(new TestClientMsg(42)),
        new ClientFrame.Message<>(new TestClientMsg(0)),
        new ClientFrame.Message<>(new TestClientMsg(-1)),
        new ClientFrame.Request<>(0, new TestRequest(24)),
        new ClientFrame.Batch<>(List.of(new ClientFrame.Message<>(new TestClientMsg(42)))),
        new ClientFrame.Batch<>(
            List.of(
                new ClientFrame.Hello<>(new AuthRequest.None(ClientId.of(3)), new TestConnect("b")),
                new ClientFrame.Message<>(new TestClientMsg(0)),
                new ClientFrame.Request<>(-1, new TestRequest(7)),
                new ClientFrame.Message<>(new TestClientMsg(-1)))),
        new ClientFrame.Request<>(300, new TestRequest(0)),
        new ClientFrame.Request<>(-1, new TestRequest(-1)));
  }

  private static List<ServerFrame<TestServerMsg, TestResponse>> serverFrames() {
    return List.of(
        new ServerFrame.Accepted<>(ClientId.of(0), 0),
        new ServerFrame.Accepted<>(BIG_ID, Integer.MAX_VALUE),
        new ServerFrame.Message<>(new TestServerMsg(111)),
        new ServerFrame.Message<>(new TestServerMsg(0)),
        new ServerFrame.Response<>(5, new TestResponse(1)),
        new ServerFrame.Response<>(0, new TestResponse(0)),
        new ServerFrame.Response<>(-1, new TestResponse(-1)),
        new ServerFrame.Ack<>(0),
        new ServerFrame.Ack<>(5),
        new ServerFrame.Reject<>(-1),
        new ServerFrame.Batch<>(
            List.of(
                new ServerFrame.Accepted<>(ClientId.of(5), 1_000),
                new ServerFrame.Message<>(new TestServerMsg(0)),
                new ServerFrame.Response<>(0, new TestResponse(0)),
                new ServerFrame.Ack<>(0),
                new ServerFrame.Reject<>(-1))));
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void everyFrameRoundTrips(Encoding encoding) {
    for (ClientFrame<TestConnect, TestClientMsg, TestRequest> frame : clientFrames()) {
      WireMessage wire = CODEC.encodeClientFrame(frame, encoding);
      assertEquals(encoding == Encoding.BINARY, wire instanceof WireMessage.Binary, frame.toString());
      assertEquals(frame, CODEC.decodeClientFrame(wire), frame.toString());
    }
    for (ServerFrame<TestServerMsg, TestResponse> frame : serverFrames()) {
      WireMessage wire = CODEC.encodeServerFrame(frame, encoding);
      assertEquals(frame, CODEC.decodeServerFrame(wire), frame.toString());
    }
  }

  @Test
  void binaryFramesAreWhatProtobufWritesForTheContractsProto() throws Exception {
    for (ClientFrame<TestConnect, TestClientMsg, TestRequest> frame : clientFrames()) {
      byte[] ours = binary(CODEC.encodeClientFrame(frame, Encoding.BINARY));
      DynamicMessage parsed = DynamicMessage.parseFrom(WireSchema.type("ClientFrame"), ours);
      assertArrayEquals(parsed.toByteArray(), ours, frame.toString());
      assertEquals(frame, CODEC.decodeClientFrame(new WireMessage.Binary(parsed.toByteArray())));
    }
    for (ServerFrame<TestServerMsg, TestResponse> frame : serverFrames()) {
      byte[] ours = binary(CODEC.encodeServerFrame(frame, Encoding.BINARY));
      DynamicMessage parsed = DynamicMessage.parseFrom(WireSchema.type("ServerFrame"), ours);
      assertArrayEquals(parsed.toByteArray(), ours, frame.toString());
    }
  }

  @Test
  void binaryFieldsHoldTheDocumentedValues() throws Exception {
    DynamicMessage hello =
        field(
            parse("ClientFrame", CODEC.encodeClientFrame(
                new ClientFrame.Hello<>(new AuthRequest.Secret(ClientId.of(7), SECRET), new TestConnect("hi")),
                Encoding.BINARY)),
            "hello");
    DynamicMessage secret = field(field(hello, "auth"), "secret");
    assertEquals("7", secret.getField(secret.getDescriptorForType().findFieldByName("client_id")));
    assertEquals(ByteString.copyFrom(SECRET.toBytes()), secret.getField(secret.getDescriptorForType().findFieldByName("secret")));
    assertEquals(ByteString.copyFrom(bytes(TestChannel.CONNECT, new TestConnect("hi"))), hello.getField(hello.getDescriptorForType().findFieldByName("connect")));

    DynamicMessage token =
        field(field(field(parse("ClientFrame", CODEC.encodeClientFrame(
            new ClientFrame.Hello<>(new AuthRequest.Token(TOKEN), new TestConnect("")), Encoding.BINARY)), "hello"), "auth"), "token");
    assertEquals(ByteString.copyFrom(TOKEN.toBytes()), token.getField(token.getDescriptorForType().findFieldByName("token")));

    DynamicMessage request = field(parse("ClientFrame", CODEC.encodeClientFrame(
        new ClientFrame.Request<>(300, new TestRequest(24)), Encoding.BINARY)), "request");
    assertEquals(300L, request.getField(request.getDescriptorForType().findFieldByName("id")));
    assertEquals(ByteString.copyFrom(bytes(TestChannel.REQUEST, new TestRequest(24))), request.getField(request.getDescriptorForType().findFieldByName("request")));

    DynamicMessage ack = parse("ServerFrame", CODEC.encodeServerFrame(new ServerFrame.Ack<>(0), Encoding.BINARY));
    assertTrue(ack.hasField(ack.getDescriptorForType().findFieldByName("ack")), "a oneof member is written even when 0");
  }

  @Test
  void binaryGoldenBytes() {
    assertEquals("1202082a", hex(CODEC.encodeClientFrame(new ClientFrame.Message<>(new TestClientMsg(42)), Encoding.BINARY)));
    assertEquals("1200", hex(CODEC.encodeClientFrame(new ClientFrame.Message<>(new TestClientMsg(0)), Encoding.BINARY)));
    assertEquals("1a0708ac0212020818", hex(CODEC.encodeClientFrame(new ClientFrame.Request<>(300, new TestRequest(24)), Encoding.BINARY)));
    assertEquals("0a030a0135", hex(CODEC.encodeServerFrame(new ServerFrame.Accepted<>(ClientId.of(5), 0), Encoding.BINARY)));
    assertEquals("2005", hex(CODEC.encodeServerFrame(new ServerFrame.Ack<>(5), Encoding.BINARY)));
    assertEquals("2805", hex(CODEC.encodeServerFrame(new ServerFrame.Reject<>(5), Encoding.BINARY)));
    assertEquals("1a00", hex(CODEC.encodeServerFrame(new ServerFrame.Response<>(0, new TestResponse(0)), Encoding.BINARY)));
  }

  @Test
  void jsonGoldenText() {
    assertEquals(
        "{\"hello\":{\"auth\":{\"none\":{\"clientId\":\"7\"}},\"connect\":{\"text\":\"hi\"}}}",
        text(CODEC.encodeClientFrame(new ClientFrame.Hello<>(new AuthRequest.None(ClientId.of(7)), new TestConnect("hi")), Encoding.JSON)));
    assertEquals(
        "{\"hello\":{\"auth\":{\"secret\":{\"clientId\":\"7\",\"secret\":\"" + Base64.getEncoder().encodeToString(SECRET.toBytes()) + "\"}},\"connect\":{}}}",
        text(CODEC.encodeClientFrame(new ClientFrame.Hello<>(new AuthRequest.Secret(ClientId.of(7), SECRET), new TestConnect("")), Encoding.JSON)));
    assertEquals(
        "{\"hello\":{\"auth\":{\"token\":{\"token\":\"" + Base64.getEncoder().encodeToString(TOKEN.toBytes()) + "\"}},\"connect\":{}}}",
        text(CODEC.encodeClientFrame(new ClientFrame.Hello<>(new AuthRequest.Token(TOKEN), new TestConnect("")), Encoding.JSON)));
    assertEquals("{\"message\":{\"value\":\"42\"}}", text(CODEC.encodeClientFrame(new ClientFrame.Message<>(new TestClientMsg(42)), Encoding.JSON)));
    assertEquals("{\"request\":{\"id\":\"18446744073709551615\",\"request\":{}}}", text(CODEC.encodeClientFrame(new ClientFrame.Request<>(-1, new TestRequest(0)), Encoding.JSON)));
    assertEquals("{\"request\":{\"request\":{\"value\":\"3\"}}}", text(CODEC.encodeClientFrame(new ClientFrame.Request<>(0, new TestRequest(3)), Encoding.JSON)));
    assertEquals("{\"accepted\":{\"clientId\":\"5\"}}", text(CODEC.encodeServerFrame(new ServerFrame.Accepted<>(ClientId.of(5), 0), Encoding.JSON)));
    assertEquals("{\"message\":{\"value\":\"111\"}}", text(CODEC.encodeServerFrame(new ServerFrame.Message<>(new TestServerMsg(111)), Encoding.JSON)));
    assertEquals("{\"response\":{\"id\":\"5\",\"response\":{\"value\":\"1\"}}}", text(CODEC.encodeServerFrame(new ServerFrame.Response<>(5, new TestResponse(1)), Encoding.JSON)));
    assertEquals("{\"ack\":\"0\"}", text(CODEC.encodeServerFrame(new ServerFrame.Ack<>(0), Encoding.JSON)));
    assertEquals("{\"reject\":\"5\"}", text(CODEC.encodeServerFrame(new ServerFrame.Reject<>(5), Encoding.JSON)));
  }

  @Test
  void jsonReadsProtoNamesNumbersUrlSafeBase64AndSkipsUnknownFields() {
    assertEquals(
        new ClientFrame.Hello<>(new AuthRequest.Secret(ClientId.of(7), SECRET), new TestConnect("")),
        CODEC.decodeClientFrame(new WireMessage.Text(
            "{\"x\":[1,{\"y\":null}],\"hello\":{\"auth\":{\"secret\":{\"client_id\":\"7\",\"secret\":\""
                + Base64.getUrlEncoder().withoutPadding().encodeToString(SECRET.toBytes()) + "\"}}}}")));
    assertEquals(new ClientFrame.Request<>(12, new TestRequest(0)),
        CODEC.decodeClientFrame(new WireMessage.Text("{\"request\":{\"id\":12}}")));
    assertEquals(new ServerFrame.Ack<>(-1),
        CODEC.decodeServerFrame(new WireMessage.Text("{\"ack\":18446744073709551615}")));
    assertEquals(new ServerFrame.Accepted<>(ClientId.of(3), 0),
        CODEC.decodeServerFrame(new WireMessage.Text(" {\"accepted\":{\"client_id\":\"3\"}} ")));
  }

  @Test
  void binarySkipsUnknownFieldsAndReadsAbsentPayloadsAsDefaults() {
    // field 15 varint 1, then hello{auth{none{client_id "1"}}} with no connect
    byte[] frame = HexFormat.of().parseHex("7801" + "0a07" + "0a05" + "0a03" + "0a0131");
    assertEquals(
        new ClientFrame.Hello<>(new AuthRequest.None(ClientId.of(1)), new TestConnect("")),
        CODEC.decodeClientFrame(new WireMessage.Binary(frame)));
    assertEquals(new ClientFrame.Request<>(0, new TestRequest(0)),
        CODEC.decodeClientFrame(new WireMessage.Binary(HexFormat.of().parseHex("1a00"))));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", // no member set
        "7801", // only an unknown field
        "1200" + "1200", // two members
        "12020801" + "1a00", // two different members
        "12", // truncated length
        "1205", // length beyond the end
        "120308", // payload truncated inside the codec
        "ffffffffffffffffffff01", // a malformed varint tag
        "0a00", // hello without auth
        "0a020a00", // auth without a kind
        "0a040a020a00", // none without client_id
        "0a070a050a030a012d", // client_id "-"
        "0a070a050a030a0141", // client_id "A"
        "0a060a0412020a00", // secret with client_id ""
        "0a040a021a00", // token of 0 bytes
        "0a020a020a00", // hello auth length mismatch
      })
  void malformedBinaryClientFramesAreRefused(String hex) {
    byte[] bytes = HexFormat.of().parseHex(hex);
    assertThrows(CodecException.class, () -> CODEC.decodeClientFrame(new WireMessage.Binary(bytes)), hex);
  }

  @Test
  void secretOfTheWrongLengthIsRefused() {
    byte[] frame = HexFormat.of().parseHex("0a0e" + "0a0c" + "120a" + "0a0131" + "1205" + "0102030405");
    CodecException e = assertThrows(CodecException.class, () -> CODEC.decodeClientFrame(new WireMessage.Binary(frame)));
    assertTrue(e.getMessage().contains("secret.length != 16"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not json",
        "[]",
        "{}",
        "{\"other\":1}",
        "{\"message\":{}}{}",
        "{\"message\":{},\"request\":{}}",
        "{\"message\":{},\"message\":{}}",
        "{\"message\":null}",
        "{\"message\":\"CgA=\"}",
        "{\"message\":{\"value\":\"-1\"}}",
        "{\"message\":{\"value\":\"18446744073709551616\"}}",
        "{\"request\":{\"id\":\"-1\"}}",
        "{\"request\":{\"id\":\"1.5\"}}",
        "{\"request\":{\"id\":1.5}}",
        "{\"request\":{\"id\":\"18446744073709551616\"}}",
        "{\"request\":{\"id\":null}}",
        "{\"hello\":{}}",
        "{\"hello\":{\"auth\":{}}}",
        "{\"hello\":{\"auth\":{\"none\":{}}}}",
        "{\"hello\":{\"auth\":{\"none\":{\"clientId\":7}}}}",
        "{\"hello\":{\"auth\":{\"none\":{\"clientId\":\"x\"}}}}",
        "{\"hello\":{\"auth\":{\"none\":{\"clientId\":\"1\"},\"token\":{}}}}",
        "{\"hello\":{\"auth\":{\"secret\":{\"clientId\":\"1\",\"secret\":\"AAEC\"}}}}",
        "{\"hello\":{\"auth\":{\"secret\":{\"clientId\":\"1\",\"secret\":\"!!!!\"}}}}",
        "{\"hello\":{\"auth\":{\"token\":{\"token\":\"AAAA\"}}}}",
        "{\"hello\":{\"auth\":{\"none\":{\"clientId\":\"1\"}},\"connect\":[]}}",
        "{\"message\":{}",
      })
  void malformedJsonClientFramesAreRefused(String text) {
    assertThrows(CodecException.class, () -> CODEC.decodeClientFrame(new WireMessage.Text(text)), text);
  }

  @Test
  void deeplyNestedJsonIsRefusedWithoutOverflowingTheStack() {
    String deep = "{\"x\":".repeat(100_000) + "1" + "}".repeat(100_000);
    assertThrows(CodecException.class, () -> CODEC.decodeClientFrame(new WireMessage.Text("{\"message\":" + deep + "}")));
  }

  @Test
  void deeplyNestedBinaryUnknownGroupsAreRefused() {
    byte[] deep = new byte[200_000];
    for (int i = 0; i < deep.length; i++) {
      deep[i] = 0x7b; // start group 15, never ended
    }
    assertThrows(CodecException.class, () -> CODEC.decodeClientFrame(new WireMessage.Binary(deep)));
  }

  @Test
  void malformedServerFramesAreRefused() {
    for (String hex : List.of("", "2005" + "2805", "0a00", "0a020a00", "2205")) {
      assertThrows(CodecException.class, () -> CODEC.decodeServerFrame(new WireMessage.Binary(HexFormat.of().parseHex(hex))), hex);
    }
    for (String text : List.of("{}", "{\"ack\":\"1\",\"reject\":\"1\"}", "{\"accepted\":{}}", "{\"ack\":true}", "{\"response\":[]}")) {
      assertThrows(CodecException.class, () -> CODEC.decodeServerFrame(new WireMessage.Text(text)), text);
    }
  }

  @Test
  void batchGoldenForms() {
    ClientFrame.Batch<TestConnect, TestClientMsg, TestRequest> batch =
        new ClientFrame.Batch<>(
            List.of(new ClientFrame.Message<>(new TestClientMsg(42)), new ClientFrame.Message<>(new TestClientMsg(0))));
    // batch = 15 (7a), 10 bytes: frames = 1 (0a) of 4 bytes, then frames = 1 of 2 bytes.
    assertEquals("7a0a0a041202082a0a021200", hex(CODEC.encodeClientFrame(batch, Encoding.BINARY)));
    assertEquals(
        "{\"batch\":{\"frames\":[{\"message\":{\"value\":\"42\"}},{\"message\":{}}]}}",
        text(CODEC.encodeClientFrame(batch, Encoding.JSON)));
    assertEquals(
        "0a070a0135109aa73b",
        hex(CODEC.encodeServerFrame(new ServerFrame.Accepted<>(ClientId.of(5), 971_674), Encoding.BINARY)));
    assertEquals(
        "{\"accepted\":{\"clientId\":\"5\",\"maxMessageSize\":1000}}",
        text(CODEC.encodeServerFrame(new ServerFrame.Accepted<>(ClientId.of(5), 1_000), Encoding.JSON)));
  }

  @Test
  void batchesAreEncodedFromTheirFramesEncodings() {
    List<ServerFrame<TestServerMsg, TestResponse>> frames = List.of(new ServerFrame.Ack<>(1), new ServerFrame.Message<>(new TestServerMsg(2)));
    for (Encoding encoding : Encoding.values()) {
      assertEquals(
          CODEC.encodeServerFrame(new ServerFrame.Batch<>(frames), encoding).sizeBytes(),
          Batches.combine(frames.stream().map(frame -> CODEC.encodeServerFrame(frame, encoding)).toList()).sizeBytes());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "7a00", // no frames
      "7a040a027a00", // a batch inside a batch: frames = 1 holding batch = 15
      "7a0a0a041202082a0a0212001202082a", // a batch and a message
      "7a030a0112", // a member frame cut short
  })
  void malformedBinaryBatchesAreRefused(String hex) {
    byte[] bytes = HexFormat.of().parseHex(hex);
    assertThrows(CodecException.class, () -> CODEC.decodeClientFrame(new WireMessage.Binary(bytes)));
    assertThrows(CodecException.class, () -> CODEC.decodeServerFrame(new WireMessage.Binary(bytes)));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"batch\":{\"frames\":[]}}",
      "{\"batch\":{}}",
      "{\"batch\":{\"frames\":{}}}",
      "{\"batch\":{\"frames\":[{\"batch\":{\"frames\":[{\"ack\":\"1\"}]}}]}}",
      "{\"batch\":{\"frames\":[{}]}}",
      "{\"batch\":{\"frames\":[{\"ack\":\"1\"}]},\"ack\":\"1\"}",
      "{\"batch\":{\"frames\":[{\"message\":{}}]}} []",
  })
  void malformedJsonBatchesAreRefused(String text) {
    assertThrows(CodecException.class, () -> CODEC.decodeClientFrame(new WireMessage.Text(text)));
    assertThrows(CodecException.class, () -> CODEC.decodeServerFrame(new WireMessage.Text(text)));
  }

  @Test
  void textSizeIsUtf8Bytes() {
    assertEquals(1 + 2 + 3 + 4, new WireMessage.Text("aé€😀").sizeBytes());
  }

  private static DynamicMessage parse(String type, WireMessage wire) throws IOException {
    return DynamicMessage.parseFrom(WireSchema.type(type), binary(wire));
  }

  private static DynamicMessage field(DynamicMessage message, String name) {
    return (DynamicMessage) message.getField(message.getDescriptorForType().findFieldByName(name));
  }

  private static <T> byte[] bytes(MessageCodec<T> codec, T value) throws IOException {
    byte[] bytes = new byte[codec.serializedSize(value)];
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    codec.writeTo(value, out);
    out.checkNoSpaceLeft();
    return bytes;
  }

  private static byte[] binary(WireMessage wire) {
    return ((WireMessage.Binary) wire).bytes();
  }

  private static String hex(WireMessage wire) {
    return HexFormat.of().formatHex(binary(wire));
  }

  private static String text(WireMessage wire) {
    return ((WireMessage.Text) wire).text();
  }
}

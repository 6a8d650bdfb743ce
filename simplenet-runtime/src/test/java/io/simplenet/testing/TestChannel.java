package io.simplenet.testing;

import io.simplenet.ChannelSpec;
import io.simplenet.codec.MessageCodec;
import io.simplenet.testing.TestMessages.TestClientMsg;
import io.simplenet.testing.TestMessages.TestConnect;
import io.simplenet.testing.TestMessages.TestRequest;
import io.simplenet.testing.TestMessages.TestResponse;
import io.simplenet.testing.TestMessages.TestServerMsg;
import java.util.function.BiPredicate;

/**
 * A tiny channel for runtime tests, the seed crate's test channel: a text connect message and
 * records holding one uint64 for every other role, with hand-written codecs.
 *
 * <pre>
 * channel Test {
 *   version "test";
 *   connect TestConnect;
 *   client   { TestClientMsg = 1; }
 *   server   { TestServerMsg = 1; }
 *   requests { TestRequest returns TestResponse = 1; }
 * }
 * </pre>
 */
public final class TestChannel {
  private TestChannel() {}

  public static final String NAME = "Test";
  public static final String VERSION = "test";

  public static final MessageCodec<TestConnect> CONNECT =
      SingleFieldCodec.string(
          "simplenet.test.TestConnect", TestConnect.class, TestConnect::new, TestConnect::text);
  public static final MessageCodec<TestClientMsg> CLIENT_MESSAGE =
      SingleFieldCodec.uint64(
          "simplenet.test.TestClientMsg",
          TestClientMsg.class,
          TestClientMsg::new,
          TestClientMsg::value);
  public static final MessageCodec<TestRequest> REQUEST =
      SingleFieldCodec.uint64(
          "simplenet.test.TestRequest", TestRequest.class, TestRequest::new, TestRequest::value);
  public static final MessageCodec<TestServerMsg> SERVER_MESSAGE =
      SingleFieldCodec.uint64(
          "simplenet.test.TestServerMsg",
          TestServerMsg.class,
          TestServerMsg::new,
          TestServerMsg::value);
  public static final MessageCodec<TestResponse> RESPONSE =
      SingleFieldCodec.uint64(
          "simplenet.test.TestResponse",
          TestResponse.class,
          TestResponse::new,
          TestResponse::value);

  /** The channel, version {@value #VERSION}; every response answers every request. */
  public static final ChannelSpec<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse>
      SPEC = spec(VERSION, (request, response) -> true);

  /** The channel with another version or another rule for which responses answer which requests. */
  public static ChannelSpec<TestConnect, TestClientMsg, TestRequest, TestServerMsg, TestResponse>
      spec(String version, BiPredicate<TestRequest, TestResponse> answers) {
    return ChannelSpec.of(
        NAME, version, CONNECT, CLIENT_MESSAGE, REQUEST, SERVER_MESSAGE, RESPONSE, answers);
  }
}

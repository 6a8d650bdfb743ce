package io.simplenet.compiler.internal.gen;

import static io.simplenet.compiler.testing.AllTypesFixture.build;
import static io.simplenet.compiler.testing.AllTypesFixture.codec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.simplenet.compiler.testing.AllTypesFixture;
import io.simplenet.compiler.testing.Reflect;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The generated {@code <Channel>Channel} classes of {@code alltypes.channel}, run. */
class ChannelClassTest {
  private static Class<?> channel(String name) {
    return AllTypesFixture.type(name + "Channel");
  }

  @Test
  void constantsDescribeTheChannel() {
    Class<?> studio = channel("Studio");
    assertEquals("Studio", Reflect.staticField(studio, "NAME"));
    assertEquals("1.2.3-test", Reflect.staticField(studio, "VERSION"));
    assertEquals(
        "META-INF/simplenet/alltypes.proto", Reflect.staticField(studio, "PROTO_RESOURCE"));
    assertEquals(
        "META-INF/simplenet/alltypes.desc", Reflect.staticField(studio, "DESCRIPTOR_SET_RESOURCE"));
    assertEquals("0", Reflect.staticField(channel("Quiet"), "VERSION"));
  }

  @Test
  void codecsAreTheGeneratedInstances() {
    Class<?> studio = channel("Studio");
    assertSame(codec("Hello"), Reflect.staticField(studio, "CONNECT"));
    List<String> roles = List.of("ClientMessage", "ServerMessage", "Request", "Response");
    List<String> fields = List.of("CLIENT_MESSAGE", "SERVER_MESSAGE", "REQUEST", "RESPONSE");
    for (int i = 0; i < roles.size(); i++) {
      assertSame(codec("Studio" + roles.get(i)), Reflect.staticField(studio, fields.get(i)));
    }
    assertSame(codec("Empty"), Reflect.staticField(channel("Quiet"), "CONNECT"));
  }

  @ParameterizedTest
  @CsvSource({
    "Draw, Drawn, true",
    "Draw, Empty, false",
    "Erase, Empty, true",
    "Erase, Drawn, false",
    "Legacy, Empty, true",
    "Legacy, Drawn, false"
  })
  void answersPairsEachRequestKindWithItsResponseType(
      String request, String response, boolean answers) {
    Object requestValue =
        request.equals("Draw")
            ? build("Draw", "drawing", build("Drawing", "shape", build("Circle")))
            : build(request);
    assertEquals(
        answers, Reflect.callStatic(channel("Studio"), "answers", requestValue, build(response)));
  }

  @Test
  void answersRejectsNull() {
    Object draw = build("Draw", "drawing", build("Drawing", "shape", build("Rect")));
    NullPointerException request =
        assertThrows(
            NullPointerException.class,
            () -> Reflect.callStatic(channel("Studio"), "answers", null, build("Drawn")));
    assertEquals("request == null", request.getMessage());
    NullPointerException response =
        assertThrows(
            NullPointerException.class,
            () -> Reflect.callStatic(channel("Studio"), "answers", draw, null));
    assertEquals("response == null", response.getMessage());
    assertThrows(
        NullPointerException.class,
        () -> Reflect.callStatic(channel("Quiet"), "answers", null, null));
  }
}

package io.simplenet.compiler.internal.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.compiler.testing.AllTypesFixture;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The typed API of the fixture's channels compiles with every warning an error (the fixture
 * compiles all it generates so) and has the shape the contract promises.
 */
class TypedApiCompileTest {
  @Test
  void serverEventHasOneSealedRecordPerRequestKind() {
    Class<?> event = AllTypesFixture.type("StudioServerEvent");
    Class<?> request = AllTypesFixture.type("StudioServerEvent$Request");
    assertTrue(event.isSealed() && request.isSealed());
    assertEquals(
        Set.of("DrawRequest", "EraseRequest", "LegacyRequest"),
        Arrays.stream(request.getPermittedSubclasses())
            .map(Class::getSimpleName)
            .collect(Collectors.toSet()));
    assertEquals(
        Set.of("Connected", "Disconnected", "Msg", "Request"),
        Arrays.stream(event.getPermittedSubclasses())
            .map(Class::getSimpleName)
            .collect(Collectors.toSet()));
  }

  @Test
  void channelWithoutRequestKindsHasNoRequestEventAndNoRequestOverloads() throws Exception {
    assertEquals(
        Set.of("Connected", "Disconnected", "Msg"),
        Arrays.stream(AllTypesFixture.type("QuietServerEvent").getPermittedSubclasses())
            .map(Class::getSimpleName)
            .collect(Collectors.toSet()));
    assertTrue(
        Arrays.stream(AllTypesFixture.type("QuietClient").getMethods())
            .noneMatch(m -> m.getName().equals("request")));
  }

  @Test
  void clientHasOneRequestOverloadPerKindReturningItsResponseSignal() throws Exception {
    Class<?> client = AllTypesFixture.type("StudioClient");
    for (List<String> kind :
        List.of(List.of("Draw", "Drawn"), List.of("Erase", "Empty"), List.of("Legacy", "Empty"))) {
      Method request = client.getMethod("request", AllTypesFixture.type(kind.get(0)));
      assertEquals(AllTypesFixture.type("StudioRequestSignal"), request.getReturnType());
      assertEquals(
          "io.simplenet.fixture.alltypes.StudioRequestSignal<io.simplenet.fixture.alltypes."
              + kind.get(1)
              + ">",
          request.getGenericReturnType().getTypeName());
    }
  }

  @Test
  void everyHandlerMethodIsDefault() {
    Class<?> handler = AllTypesFixture.type("StudioServerHandler");
    Set<String> names =
        Arrays.stream(handler.getDeclaredMethods())
            .peek(m -> assertTrue(m.isDefault(), m + " is not default"))
            .map(Method::getName)
            .collect(Collectors.toSet());
    assertEquals(
        Set.of(
            "onConnected", "onDisconnected", "onPing", "onShape", "onDraw", "onErase", "onLegacy"),
        names);
  }

  @Test
  void serverAndClientAreFinalAndCloseable() {
    for (String name : List.of("StudioServer", "StudioClient", "QuietServer", "QuietClient")) {
      Class<?> type = AllTypesFixture.type(name);
      assertTrue(Modifier.isFinal(type.getModifiers()), name);
      assertTrue(AutoCloseable.class.isAssignableFrom(type), name);
    }
  }
}

package io.simplenet.compiler.internal.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.ClientId;
import io.simplenet.ClientReport;
import io.simplenet.RequestStatus;
import io.simplenet.auth.AuthRequest;
import io.simplenet.auth.Authenticator;
import io.simplenet.compiler.testing.AllTypesFixture;
import io.simplenet.compiler.testing.Reflect;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs the typed {@code StudioServer} and {@code StudioClient} generated from the fixture, compiled
 * in memory, against each other on 127.0.0.1 through the real runtime.
 */
@Timeout(60)
class TypedApiBehaviourTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void requestEventTokenAnswersOnlyWithItsKindsResponse() throws Exception {
    try (AutoCloseable server = polledServer();
        AutoCloseable client = client(server, 1)) {
      assertInstance("StudioServerEvent$Connected", poll(server));
      awaitConnected(client);

      Object ping = AllTypesFixture.build("Ping", "nonce", 5L);
      Reflect.call(client, "send", ping);
      Object msg = assertInstance("StudioServerEvent$Msg", poll(server));
      assertEquals(ping, Reflect.call(msg, "message"));

      Object draw =
          AllTypesFixture.build(
              "Draw",
              "drawing",
              AllTypesFixture.build("Drawing", "shape", AllTypesFixture.build("Circle", "radius", 1.0)));
      Object signal = request(client, draw);
      assertEquals(AllTypesFixture.type("Drawn"), Reflect.call(signal, "responseType"));
      Object event = assertInstance("StudioServerEvent$DrawRequest", poll(server));
      assertEquals(draw, Reflect.call(event, "request"));
      Object token = Reflect.call(event, "token");
      assertEquals(Reflect.call(signal, "id"), Reflect.call(token, "requestId"));
      // Generics are erased: a raw caller can pass another response, which the runtime refuses.
      assertThrows(
          IllegalArgumentException.class,
          () -> Reflect.call(token, "respond", AllTypesFixture.defaultOf("Empty")));
      assertFalse((Boolean) Reflect.call(token, "isAnswered"));
      Object drawn = AllTypesFixture.build("Drawn", "id", 9L);
      assertTrue((Boolean) Reflect.call(token, "respond", drawn));

      Object response = assertInstance("StudioClientEvent$Response", poll(client));
      assertEquals(drawn, Reflect.call(response, "response"));
      assertEquals(Reflect.call(signal, "id"), Reflect.call(response, "requestId"));
      assertEquals(RequestStatus.RESPONDED, Reflect.call(signal, "status"));
    }
  }

  @Test
  void handlerImplementingNothingRejectsEveryRequestKind() throws Exception {
    BlockingQueue<String> calls = new LinkedBlockingQueue<>();
    Class<?> handlerType = AllTypesFixture.type("StudioServerHandler");
    InvocationHandler defaults =
        (proxy, method, args) -> {
          calls.add(method.getName());
          return InvocationHandler.invokeDefault(proxy, method, args);
        };
    Object handler =
        Proxy.newProxyInstance(handlerType.getClassLoader(), new Class<?>[] {handlerType}, defaults);
    ExecutorService executor = Executors.newSingleThreadExecutor();
    Object builder = Reflect.callStatic(AllTypesFixture.type("StudioServer"), "builder");
    Reflect.call(builder, "authenticator", new Authenticator.None());
    Reflect.call(builder, "handler", handler, executor);
    try (AutoCloseable server = (AutoCloseable) Reflect.call(builder, "start");
        AutoCloseable client = client(server, 2)) {
      awaitConnected(client);
      assertEquals("onConnected", calls.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS));
      for (Object request :
          List.of(
              AllTypesFixture.build("Erase", "id", 3L), AllTypesFixture.defaultOf("Legacy"))) {
        Object signal = request(client, request);
        Object reject = assertInstance("StudioClientEvent$Reject", poll(client));
        assertEquals(Reflect.call(signal, "id"), Reflect.call(reject, "requestId"));
        assertEquals(RequestStatus.REJECTED, Reflect.call(signal, "status"));
      }
      assertEquals("onErase", calls.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS));
      assertEquals("onLegacy", calls.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    } finally {
      executor.shutdown();
      assertTrue(executor.awaitTermination(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    }
  }

  private static AutoCloseable polledServer() {
    Object builder = Reflect.callStatic(AllTypesFixture.type("StudioServer"), "builder");
    Reflect.call(builder, "authenticator", new Authenticator.None());
    return (AutoCloseable) Reflect.call(builder, "start");
  }

  private static AutoCloseable client(Object server, long id) throws Exception {
    Object builder = Reflect.callStatic(AllTypesFixture.type("StudioClient"), "builder");
    invoke(builder, "url", URI.class, Reflect.call(server, "url"));
    Reflect.call(builder, "auth", new AuthRequest.None(ClientId.of(id)));
    Reflect.call(builder, "connect", AllTypesFixture.build("Hello", "name", "ann"));
    return (AutoCloseable) Reflect.call(builder, "build");
  }

  /** {@code client.request(request)}, the overload of {@code request}'s kind. */
  private static Object request(Object client, Object request) throws Exception {
    return invoke(client, "request", request.getClass(), request);
  }

  private static Object invoke(Object target, String name, Class<?> parameter, Object arg)
      throws Exception {
    Method method = target.getClass().getMethod(name, parameter);
    try {
      return method.invoke(target, arg);
    } catch (InvocationTargetException e) {
      throw (Exception) e.getCause();
    }
  }

  /** The next event of a typed server or client, waiting up to {@link #WAIT}. */
  private static Object poll(Object serverOrClient) {
    Object event = Reflect.call(serverOrClient, "poll", WAIT);
    assertNotNull(event, "no event within " + WAIT);
    return event;
  }

  private static Object assertInstance(String nestedName, Object event) {
    Class<?> type = AllTypesFixture.type(nestedName);
    assertTrue(type.isInstance(event), () -> "expected " + type.getName() + ", got " + event);
    return event;
  }

  private static void awaitConnected(Object client) {
    Object report = assertInstance("StudioClientEvent$Report", poll(client));
    assertTrue(
        Reflect.call(report, "report") instanceof ClientReport.Connected,
        () -> "expected Connected, got " + report);
  }
}

package io.simplenet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientConfigTest {

  @Test
  void defaultsAreTheSeedCrates() {
    ClientConfig config = ClientConfig.DEFAULT;
    assertTrue(config.reconnectOnDisconnect());
    assertFalse(config.reconnectOnServerClose());
    assertEquals(Duration.ofSeconds(2), config.reconnectInterval());
    assertEquals(Integer.MAX_VALUE, config.maxInitialConnectAttempts());
    assertEquals(Integer.MAX_VALUE, config.maxReconnectAttempts());
    assertEquals(Duration.ofSeconds(5), config.heartbeatInterval());
    assertEquals(Duration.ofSeconds(10), config.keepaliveTimeout());
    assertEquals(Optional.empty(), config.backoff());
  }

  @Test
  void toBuilderKeepsEveryValue() {
    ClientConfig.Backoff backoff = ClientConfig.Backoff.DEFAULT;
    ClientConfig config =
        ClientConfig.builder()
            .reconnectOnDisconnect(false)
            .reconnectOnServerClose(true)
            .reconnectInterval(Duration.ofMillis(5))
            .maxInitialConnectAttempts(3)
            .maxReconnectAttempts(0)
            .heartbeatInterval(Duration.ofMillis(100))
            .keepaliveTimeout(Duration.ofMillis(300))
            .backoff(backoff)
            .build();
    assertEquals(config.toString(), config.toBuilder().build().toString());
    assertEquals(Optional.of(backoff), config.backoff());
    assertEquals(0, config.maxReconnectAttempts());
    assertEquals(Optional.empty(), config.toBuilder().backoff(null).build().backoff());
  }

  @Test
  void rejectsBrokenValuesNamingThem() {
    assertMessage(
        "maxInitialConnectAttempts < 1: 0",
        () -> ClientConfig.builder().maxInitialConnectAttempts(0));
    assertMessage(
        "maxReconnectAttempts < 0: -1", () -> ClientConfig.builder().maxReconnectAttempts(-1));
    assertMessage(
        "reconnectInterval < 0: PT-1S",
        () -> ClientConfig.builder().reconnectInterval(Duration.ofSeconds(-1)));
    assertMessage(
        "heartbeatInterval <= 0: PT0S",
        () -> ClientConfig.builder().heartbeatInterval(Duration.ZERO));
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> ClientConfig.builder().keepaliveTimeout(Duration.ofSeconds(1)).build());
    assertEquals("keepaliveTimeout < heartbeatInterval: PT1S < PT5S", e.getMessage());
  }

  @Test
  void backoffRejectsBrokenValuesNamingThem() {
    Duration second = Duration.ofSeconds(1);
    assertMessage("min <= 0: PT0S", () -> new ClientConfig.Backoff(Duration.ZERO, second, 2));
    assertMessage(
        "max < min: PT1S < PT2S",
        () -> new ClientConfig.Backoff(second.multipliedBy(2), second, 2));
    assertMessage(
        "multiplier not in [1, infinity): 0.5",
        () -> new ClientConfig.Backoff(second, second, 0.5));
    assertMessage(
        "multiplier not in [1, infinity): NaN",
        () -> new ClientConfig.Backoff(second, second, Double.NaN));
    assertMessage("retry < 0: -1", () -> ClientConfig.Backoff.DEFAULT.ceiling(-1));
  }

  private static void assertMessage(String expected, Runnable action) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
    assertEquals(expected, e.getMessage());
  }
}

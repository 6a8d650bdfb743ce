package com.example.pings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class PingTest {

  @Test
  void generatedTestTypeRoundTrips() {
    Ping ping = new Ping(42L, "from a test schema");

    assertEquals(ping, PingCodec.INSTANCE.fromBytes(PingCodec.INSTANCE.toBytes(ping)));
  }

  @Test
  void generatedTestResourcesAreOnTheTestClasspath() throws IOException {
    try (InputStream descriptor = getClass().getResourceAsStream("/META-INF/simplenet/ping.desc")) {
      assertNotNull(descriptor, "ping.desc is not a test resource");
    }
  }
}

package io.simplenet.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.CloseReason;
import io.simplenet.Encoding;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The connect query: what clients write, and every refusal in the documented order. */
class ConnectQueryTest {
  private static final String VERSION = "1.0 beta+1/ü";

  @Test
  void formatRoundTripsThroughCheck() {
    for (Encoding encoding : Encoding.values()) {
      String query = ConnectQuery.format(VERSION, encoding);
      assertEquals(new ConnectQuery.Accepted(encoding), ConnectQuery.check(query, VERSION));
    }
    assertEquals("v=1.0+beta%2B1%2F%C3%BC&enc=json", ConnectQuery.format(VERSION, Encoding.JSON));
  }

  @Test
  void connectUriAppendsTheQuery() {
    assertEquals(
        URI.create("ws://127.0.0.1:80/ws?v=test&enc=binary"),
        ConnectQuery.connectUri(URI.create("ws://127.0.0.1:80/ws"), "test", Encoding.BINARY));
    assertThrows(IllegalArgumentException.class,
        () -> ConnectQuery.connectUri(URI.create("ws://h/ws?a=b"), "test", Encoding.BINARY));
    assertThrows(IllegalArgumentException.class,
        () -> ConnectQuery.connectUri(URI.create("http://h/ws"), "test", Encoding.BINARY));
  }

  @Test
  void parameterOrderDoesNotMatter() {
    assertEquals(new ConnectQuery.Accepted(Encoding.BINARY), ConnectQuery.check("enc=binary&v=x", "x"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        "NULL | version missing",
        "'' | version missing",
        "enc=json | version missing",
        "v | invalid query: no '=' in \"v\"",
        "v=x&enc=json& | invalid query: no '=' in \"\"",
        "v=x&&enc=json | invalid query: no '=' in \"\"",
        "v=%zz&enc=json | invalid query: bad percent-encoding in \"v=%zz\"",
        "v=x&v=x&enc=json | invalid query: duplicate parameter \"v\"",
        "v=x&enc=json&enc=json | invalid query: duplicate parameter \"enc\"",
        "v=x&enc=json&t=0 | invalid query: unknown parameter \"t\"",
        "V=x&enc=json | invalid query: unknown parameter \"V\"",
        "t=0&v=y | invalid query: unknown parameter \"t\"",
        "v=y&enc=json | version mismatch: server speaks \"x\"",
        "v=&enc=json | version mismatch: server speaks \"x\"",
        "v=x | unknown encoding ''",
        "v=x&enc= | unknown encoding ''",
        "v=x&enc=JSON | unknown encoding 'JSON'",
        "v=x&enc=protobuf | unknown encoding 'protobuf'",
      })
  void refusals(String query, String reason) {
    assertEquals(new ConnectQuery.Refused(reason), ConnectQuery.check(query, "x"));
  }

  @Test
  void malformedComesBeforeVersionWhichComesBeforeEncoding() {
    assertEquals(new ConnectQuery.Refused("invalid query: unknown parameter \"z\""),
        ConnectQuery.check("v=wrong&enc=bad&z=1", "x"));
    assertEquals(new ConnectQuery.Refused("version mismatch: server speaks \"x\""),
        ConnectQuery.check("v=wrong&enc=bad", "x"));
  }

  @Test
  void refusalsQuoteLittleClientTextAndFitACloseFrame() {
    String longName = "n".repeat(10_000);
    ConnectQuery.Check check = ConnectQuery.check(longName + "=1", "x");
    String reason = ((ConnectQuery.Refused) check).reason();
    assertTrue(reason.length() < 80, reason);
    String longVersion = "€".repeat(200);
    String mismatch = ((ConnectQuery.Refused) ConnectQuery.check("v=1&enc=json", longVersion)).reason();
    assertTrue(mismatch.getBytes(StandardCharsets.UTF_8).length <= CloseCodes.MAX_REASON_BYTES, mismatch);
    new CloseReason(CloseCodes.REFUSED_BAD_REQUEST, mismatch);
  }

  @Test
  void closeReasonFitCutsAtCharacterBoundaries() {
    String emoji = "😀".repeat(40); // 160 bytes
    String fitted = CloseReason.fit(emoji);
    assertEquals(30, fitted.codePointCount(0, fitted.length()));
    assertEquals("short", CloseReason.fit("short"));
    assertThrows(IllegalArgumentException.class, () -> new CloseReason(1000, "x".repeat(124)));
    assertThrows(IllegalArgumentException.class, () -> new CloseReason(999, ""));
    assertThrows(IllegalArgumentException.class, () -> new CloseReason(5000, ""));
    assertEquals(new CloseReason(1000, "x".repeat(123)), CloseReason.normal("x".repeat(500)));
  }
}

package io.simplenet.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.simplenet.Encoding;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of the handshake query check (docs/testing.md): any query is accepted or
 * refused with a reason that fits a close frame, never an exception; and any text used as the
 * version round-trips through {@link ConnectQuery#format}. Plain test runs replay the corpus in
 * {@code ConnectQueryFuzzTestInputs}.
 */
class ConnectQueryFuzzTest {
  private static final String SERVER_VERSION = "v1.2";

  /** Corpus files are the raw query's UTF-8 text. */
  @FuzzTest
  void check(byte[] utf8) {
    String text = new String(utf8, StandardCharsets.UTF_8);
    ConnectQuery.Check check = ConnectQuery.check(text, SERVER_VERSION);
    if (check instanceof ConnectQuery.Refused refused) {
      assertFalse(refused.reason().isEmpty(), "empty refusal reason");
      assertTrue(
          refused.reason().getBytes(StandardCharsets.UTF_8).length <= CloseCodes.MAX_REASON_BYTES,
          () -> "refusal reason does not fit a close frame: " + refused.reason());
    } else {
      assertTrue(check instanceof ConnectQuery.Accepted, () -> "neither accepted nor refused: " + check);
    }

    for (Encoding encoding : Encoding.values()) {
      assertEquals(
          new ConnectQuery.Accepted(encoding),
          ConnectQuery.check(ConnectQuery.format(text, encoding), text),
          "the query format() writes for version \"" + text + "\"");
    }
  }
}

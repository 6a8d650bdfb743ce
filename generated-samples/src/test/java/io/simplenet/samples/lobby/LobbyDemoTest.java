package io.simplenet.samples.lobby;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The lobby demo: every scripted step must see what it caused, and the transcript shows it. */
class LobbyDemoTest {
  /** Lines the transcript must hold: events the demo waits for, and what only the lobby logs. */
  private static final List<String> EXPECTED = List.of(
      "ada | ticket 1 (about 30 s)",
      "cy | ticket 2 cancelled",
      "lobby | match 1: ada vs bob in EU_WEST",
      "bob | match 1 found in EU_WEST with [ada, bob]",
      "lobby | ada is ready for match 1",
      "lobby | bob is ready for match 1",
      "mallory | closed by the server: 1011 \"invalid auth: bad token signature\"",
      "dee | closed by the server: 1000 \"session expired\"",
      "dee | IsDead[pendingRequestIds=[]]",
      "done.");

  @Test
  @Timeout(60)
  void theScriptedDemoRunsToTheEndAndPrintsEachStep() throws Exception {
    ByteArrayOutputStream transcript = new ByteArrayOutputStream();
    PrintStream console = System.out;
    // Copies the transcript while still showing it in the test's output.
    System.setOut(new PrintStream(new OutputStream() {
      @Override
      public void write(int b) {
        console.write(b);
        transcript.write(b);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) {
        console.write(bytes, offset, length);
        transcript.write(bytes, offset, length);
      }
    }, true, StandardCharsets.UTF_8));
    try {
      // Each step waits, with a deadline, for the events it causes and throws if one is missing.
      LobbyDemo.main(new String[0]);
    } finally {
      System.setOut(console);
    }
    String text = transcript.toString(StandardCharsets.UTF_8);
    for (String line : EXPECTED) {
      assertTrue(text.contains(line), () -> "no '" + line + "' in the transcript:\n" + text);
    }
    // dee's expired token must stop it: no second connection after the server closed it.
    int closed = text.indexOf("dee | closed by the server");
    assertTrue(text.indexOf("dee | connected", closed) < 0, "dee reconnected:\n" + text);
  }
}

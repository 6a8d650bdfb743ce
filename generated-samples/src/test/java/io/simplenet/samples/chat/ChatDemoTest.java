package io.simplenet.samples.chat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The README's first command runs this demo: every scripted step must see what it caused. */
class ChatDemoTest {
  @Test
  @Timeout(60)
  void theScriptedDemoRunsToTheEnd() throws Exception {
    // Each step waits, with a deadline, for the events it causes and throws if one is missing.
    ChatDemo.main(new String[0]);
  }
}

package io.simplenet.samples.lobby;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The lobby demo: every scripted step must see what it caused. */
class LobbyDemoTest {
  @Test
  @Timeout(60)
  void theScriptedDemoRunsToTheEnd() throws Exception {
    // Each step waits, with a deadline, for the events it causes and throws if one is missing.
    LobbyDemo.main(new String[0]);
  }
}

package dev.reprokit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomerSyncDemoTest {
  @TempDir Path bundles;

  @Test
  void demoReproducesTheTurkishLocaleBugInStagingWithoutLeakingSecrets() throws Exception {
    StringWriter printed = new StringWriter();

    CustomerSyncDemo.Outcome outcome =
        new CustomerSyncDemo(bundles, new PrintWriter(printed, true)).run();

    assertThat(outcome.monday().consistent()).isTrue();
    assertThat(outcome.tuesday().skipped()).extracting(Customer::email).containsExactly(
        "martin.garcia@example.es", "loic.benoit@example.fr", "agustin.ruiz@example.ar");
    assertThat(outcome.failingBundle()).exists().startsWith(bundles);
    assertThat(outcome.reproduced()).as(printed.toString()).isTrue();
    assertThat(outcome.leakedSecrets()).isEmpty();
    assertThat(printed.toString())
        .contains("VERDICT: REPRODUCED")
        .contains("Which integration:", "Which environment:", "Which version:",
            "After which change:", "Which error:");
  }
}

package dev.reprokit.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reprokit.cli.ReproCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return ReproCli.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void everyVerbHasHelp() {
    for (String verb : new String[] {"inspect", "verify", "report", "diff", "replay",
        "replay http", "replay jdbc", "serve", "export", "redact"}) {
      String[] words = verb.split(" ");
      String[] args = java.util.Arrays.copyOf(words, words.length + 1);
      args[words.length] = "--help";
      assertThat(run(args)).as(verb).isEqualTo(ReproCli.OK);
      assertThat(out.toString()).contains("Usage: repro " + verb).contains("Exit codes:");
    }
    assertThat(run("--help")).isZero();
  }

  @Test
  void missingArgumentIsAUsageErrorInOneLine() {
    assertThat(run("report")).isEqualTo(ReproCli.USAGE);
    assertThat(err.toString().strip()).doesNotContain("\n")
        .startsWith("repro: Missing required parameter: 'BUNDLE'");
  }

  @Test
  void replayWithoutWhatToReplayIsAUsageError() {
    assertThat(run("replay")).isEqualTo(ReproCli.USAGE);
    assertThat(err.toString()).contains("'replay http' or 'replay jdbc'");
  }

  @Test
  void unknownVerbIsAUsageError() {
    assertThat(run("frobnicate")).isEqualTo(ReproCli.USAGE);
  }

  @Test
  void missingBundleIsUnreadableWithoutAStackTrace() {
    assertThat(run("inspect", dir.resolve("nope.repro.zip").toString()))
        .isEqualTo(ReproCli.INVALID_BUNDLE);
    assertThat(err.toString()).contains("no such file").doesNotContain("\tat ");
  }

  @Test
  void verboseAddsTheStackTrace() {
    assertThat(run("inspect", "--verbose", dir.resolve("nope.repro.zip").toString()))
        .isEqualTo(ReproCli.INVALID_BUNDLE);
    assertThat(err.toString()).contains("\tat ");
  }
}

package dev.reprokit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@link BundleWriteParts} runs and reports every part, so the evidence in
 * docs/performance.md can always be reproduced (a smoke test: it asserts no timing).
 */
class BundleWritePartsTest {

  @Test
  void reportsEveryPartAndTheFloorAgainstThePlainZip() throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      BundleWriteParts.main(new String[] {"1"});
    } finally {
      System.setOut(original);
    }
    String report = captured.toString(StandardCharsets.UTF_8);
    original.print(report);
    assertThat(report)
        .contains("2564 entries") // the benchmark's bundle: 2,560 bodies and 4 other entries
        .contains("plain zip of the entries", "JSON of the 10,000 event lines (Jackson)",
            "SHA-256 of every entry", "one ASCII word scan of every entry",
            "write + fsync of a file (wall time)")
        .containsPattern("floor \\(plain zip \\+ the parts\\): \\d+\\.\\d\\d x plain zip");
  }
}

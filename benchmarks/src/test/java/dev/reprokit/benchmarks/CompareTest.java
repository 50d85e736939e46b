package dev.reprokit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The regression guard reads JMH's JSON and judges the targets from the same run. */
class CompareTest {

  private static String run(String benchmark, String variant, double score, double alloc) {
    return """
        {"benchmark":"dev.reprokit.benchmarks.%s","mode":"avgt","threads":1,
         "params":{"variant":"%s"},
         "primaryMetric":{"score":%s,"scoreError":5.0,"scoreUnit":"ns/op"},
         "secondaryMetrics":{"gc.alloc.rate.norm":{"score":%s,"scoreError":"NaN",
           "scoreUnit":"B/op"}}}
        """.formatted(benchmark, variant, score, alloc);
  }

  private static List<Compare.Verdict> judge(Path dir, String... runs) throws Exception {
    Path json = dir.resolve("results.json");
    Files.writeString(json, "[" + String.join(",", runs) + "]");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    return Compare.report(Compare.read(json), new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @Test
  void jdbcFullCaptureWithinBudgetAndCheaperThanPeersIsMet(@TempDir Path dir) throws Exception {
    String h2 = "JdbcH2Benchmark.pointSelect";
    List<Compare.Verdict> verdicts = judge(dir,
        run(h2, "raw", 2000, 2000),
        run(h2, "reprokit", 2200, 2250),
        run(h2, "datasource-proxy", 3000, 4000),
        run(h2, "opentelemetry", 3100, 4500));
    assertThat(verdicts).isNotEmpty().allMatch(Compare.Verdict::met);
  }

  @Test
  void jdbcFullCaptureOverBudgetInTimeAndAllocationIsMissed(@TempDir Path dir) throws Exception {
    String h2 = "JdbcH2Benchmark.pointSelect";
    List<Compare.Verdict> verdicts = judge(dir,
        run(h2, "raw", 2000, 2000),
        run(h2, "reprokit", 2300, 2400),
        run(h2, "reprokit-noop", 2150, 2000));
    assertThat(verdicts).filteredOn(v -> !v.met()).extracting(Compare.Verdict::target)
        .containsExactlyInAnyOrder(
            "JdbcH2Benchmark.pointSelect: reprokit adds at most 250 ns/op",
            "JdbcH2Benchmark.pointSelect: reprokit allocates at most 300 B/op above raw",
            "JdbcH2Benchmark.pointSelect: reprokit-noop at most 1.05 × raw");
  }

  @Test
  void httpAllocationBudgetIsTheCapturedBodyPlusTwoKilobytes(@TempDir Path dir)
      throws Exception {
    String get64k = "HttpClassicBenchmark.get64k";
    List<Compare.Verdict> verdicts = judge(dir,
        run(get64k, "raw", 100_000, 28_000),
        run(get64k, "reprokit", 104_000, 28_000 + 65_536 + 2_000));
    assertThat(verdicts).hasSize(2).allMatch(Compare.Verdict::met);

    List<Compare.Verdict> over = judge(dir,
        run(get64k, "raw", 100_000, 28_000),
        run(get64k, "reprokit", 106_000, 28_000 + 2 * 65_536));
    assertThat(over).hasSize(2).noneMatch(Compare.Verdict::met);
  }

  @Test
  void aFileWithoutResultsReadsAsEmpty(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("empty.json");
    Files.writeString(json, "[]");
    assertThat(Compare.read(json)).isEmpty();
  }
}

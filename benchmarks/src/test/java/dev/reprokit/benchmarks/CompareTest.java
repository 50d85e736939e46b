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
    return run(benchmark, variant, score, 5.0, alloc);
  }

  private static String run(String benchmark, String variant, double score, double error,
      double alloc) {
    return run(benchmark, variant, score, Double.toString(error), alloc, "\"NaN\"");
  }

  /** Errors as JMH writes them: a number, or the string "NaN" when it has none. */
  private static String run(String benchmark, String variant, double score, String error,
      double alloc, String allocError) {
    return """
        {"benchmark":"dev.reprokit.benchmarks.%s","mode":"avgt","threads":1,
         "params":{"variant":"%s"},
         "primaryMetric":{"score":%s,"scoreError":%s,"scoreUnit":"ns/op"},
         "secondaryMetrics":{"gc.alloc.rate.norm":{"score":%s,"scoreError":%s,
           "scoreUnit":"B/op"}}}
        """.formatted(benchmark, variant, score, error, alloc, allocError);
  }

  private static Compare.Outcome outcomeOf(List<Compare.Verdict> verdicts, String target) {
    return verdicts.stream().filter(v -> v.target().equals(target)).findFirst()
        .orElseThrow(() -> new AssertionError("no verdict for " + target + " in " + verdicts))
        .outcome();
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
    assertThat(verdicts).isNotEmpty().allMatch(v -> v.outcome() == Compare.Outcome.MET);
  }

  @Test
  void jdbcFullCaptureOverBudgetInTimeAndAllocationIsMissed(@TempDir Path dir) throws Exception {
    String h2 = "JdbcH2Benchmark.pointSelect";
    List<Compare.Verdict> verdicts = judge(dir,
        run(h2, "raw", 2000, 2000),
        run(h2, "reprokit", 2300, 2400),
        run(h2, "reprokit-noop", 2150, 2000));
    assertThat(verdicts).filteredOn(v -> v.outcome() == Compare.Outcome.MISSED)
        .extracting(Compare.Verdict::target)
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
    assertThat(verdicts).hasSize(2).allMatch(v -> v.outcome() == Compare.Outcome.MET);

    List<Compare.Verdict> over = judge(dir,
        run(get64k, "raw", 100_000, 28_000),
        run(get64k, "reprokit", 106_000, 28_000 + 2 * 65_536));
    assertThat(over).hasSize(2).allMatch(v -> v.outcome() == Compare.Outcome.MISSED);
  }

  @Test
  void asyncGetAllocationIsJudgedStreamedWhenTheRunHasItAndBufferedOtherwise(@TempDir Path dir)
      throws Exception {
    String get1k = "HttpAsyncBenchmark.get1k";
    String get64k = "HttpAsyncBenchmark.get64k";
    String budget1k = ": reprokit allocates at most captured body bytes + 2 KB = 3072 B/op"
        + " above raw";
    String budget64k = ": reprokit allocates at most captured body bytes + 2 KB = 67584 B/op"
        + " above raw";
    // Buffered, both over the budget; streamed, both within it, with errors as JMH gives them.
    String[] buffered = {
        run(get1k, "raw", 150_000, 5.0, 30_000),
        run(get1k, "reprokit", 150_000, 5.0, 30_000 + 1_024 + 3_000),
        run(get64k, "raw", 200_000, 5.0, 280_000),
        run(get64k, "reprokit", 200_000, 5.0, 280_000 + 80_000)};
    String[] streamed = {
        run(get1k + "Streamed", "raw", 150_000, "5.0", 29_500, "250.0"),
        run(get1k + "Streamed", "reprokit", 150_000, "5.0", 29_500 + 1_024 + 1_400, "250.0"),
        run(get64k + "Streamed", "raw", 170_000, "5.0", 29_600, "250.0"),
        run(get64k + "Streamed", "reprokit", 170_000, "5.0", 29_600 + 65_536 + 1_400, "250.0")};

    List<Compare.Verdict> both = judge(dir, concat(buffered, streamed));
    assertThat(both).extracting(Compare.Verdict::target)
        .containsExactlyInAnyOrder(get1k + "Streamed" + budget1k, get64k + "Streamed" + budget64k);
    assertThat(both).allMatch(v -> v.outcome() == Compare.Outcome.MET);

    List<Compare.Verdict> bufferedOnly = judge(dir, buffered);
    assertThat(bufferedOnly).extracting(Compare.Verdict::target)
        .containsExactlyInAnyOrder(get1k + budget1k, get64k + budget64k);
    assertThat(bufferedOnly).allMatch(v -> v.outcome() == Compare.Outcome.MISSED);

    // A streamed run without ReproKit's row (say, -p variant=raw) judges nothing streamed: the
    // buffered GETs are judged instead of the target silently dropping out.
    List<Compare.Verdict> streamedRawOnly = judge(dir,
        concat(buffered, new String[] {streamed[0], streamed[2]}));
    assertThat(streamedRawOnly).extracting(Compare.Verdict::target)
        .containsExactlyInAnyOrder(get1k + budget1k, get64k + budget64k);

    // The classic client's GETs are never swapped for streamed ones.
    String classic = "HttpClassicBenchmark.get64k";
    List<Compare.Verdict> classicRun = judge(dir,
        run(classic, "raw", 90_000, 28_000), run(classic, "reprokit", 90_000, 28_000 + 66_000),
        run(classic + "Streamed", "raw", 90_000, 28_000),
        run(classic + "Streamed", "reprokit", 90_000, 28_000 + 66_000));
    assertThat(classicRun).extracting(Compare.Verdict::target)
        .contains(classic + budget64k).noneMatch(t -> t.startsWith(classic + "Streamed"));
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void anErrorIntervalThatStraddlesTheLimitIsUndecidedNotMetOrMissed(@TempDir Path dir)
      throws Exception {
    String h2 = "JdbcH2Benchmark.pointSelect";
    List<Compare.Verdict> verdicts = judge(dir,
        run(h2, "raw", 2000, 100, 2000),
        run(h2, "reprokit", 2200, 100, 2250), // +200 ± 141 against at most 250
        run(h2, "reprokit-noop", 2060, 100, 2000), // 1.03 ± 0.07
        run(h2, "datasource-proxy", 2250, 100, 4000), // 50 ± 141 dearer than ReproKit
        run(h2, "opentelemetry", 2900, 100, 4500));
    assertThat(outcomeOf(verdicts, h2 + ": reprokit adds at most 250 ns/op"))
        .isEqualTo(Compare.Outcome.UNDECIDED);
    assertThat(outcomeOf(verdicts, h2 + ": reprokit-noop at most 1.05 × raw"))
        .isEqualTo(Compare.Outcome.UNDECIDED);
    assertThat(outcomeOf(verdicts, h2 + ": reprokit adds less than datasource-proxy"))
        .isEqualTo(Compare.Outcome.UNDECIDED);
    assertThat(outcomeOf(verdicts, h2 + ": reprokit adds less than opentelemetry"))
        .isEqualTo(Compare.Outcome.MET);
    // allocation carries no error here: the numbers alone decide
    assertThat(outcomeOf(verdicts, h2 + ": reprokit allocates at most 300 B/op above raw"))
        .isEqualTo(Compare.Outcome.MET);
  }

  @Test
  void aPeerThatIsCheaperBeyondTheErrorMakesTheComparisonMissed(@TempDir Path dir)
      throws Exception {
    String h2 = "JdbcH2Benchmark.pointSelect";
    List<Compare.Verdict> verdicts = judge(dir,
        run(h2, "raw", 2000, 50, 2000),
        run(h2, "reprokit", 2800, 50, 2800),
        run(h2, "datasource-proxy", 2500, 50, 3500));
    assertThat(outcomeOf(verdicts, h2 + ": reprokit adds less than datasource-proxy"))
        .isEqualTo(Compare.Outcome.MISSED);
  }

  @Test
  void theReportCountsEachOutcomeAndSaysHowToDecide(@TempDir Path dir) throws Exception {
    String h2 = "JdbcH2Benchmark.pointSelect";
    Path json = dir.resolve("results.json");
    Files.writeString(json, "[" + String.join(",",
        run(h2, "raw", 2000, 100, 2000),
        run(h2, "reprokit", 2200, 100, 2600)) + "]");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Compare.report(Compare.read(json), new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("UNDECIDED JdbcH2Benchmark.pointSelect: reprokit adds at most 250 ns/op")
        .contains("MISSED    JdbcH2Benchmark.pointSelect: reprokit allocates at most 300 B/op")
        .contains("0 targets met, 1 missed, 1 undecided")
        .contains("run more forks");
  }

  @Test
  void anErrorOnOneSideOnlyStillCounts(@TempDir Path dir) throws Exception {
    String h2 = "JdbcH2Benchmark.pointSelect";
    List<Compare.Verdict> verdicts = judge(dir,
        run(h2, "raw", 2000, "\"NaN\"", 2000, "\"NaN\""),
        run(h2, "reprokit", 2200, "100.0", 2280, "40.0"));
    // +200 ± 100 against at most 250; +280 ± 40 against at most 300
    assertThat(outcomeOf(verdicts, h2 + ": reprokit adds at most 250 ns/op"))
        .isEqualTo(Compare.Outcome.UNDECIDED);
    assertThat(outcomeOf(verdicts, h2 + ": reprokit allocates at most 300 B/op above raw"))
        .isEqualTo(Compare.Outcome.UNDECIDED);
  }

  @Test
  void theRecorderMustTakeAtLeastFiveMillionEventsASecond(@TempDir Path dir) throws Exception {
    String rec = "RecorderBenchmark.record1Thread";
    String target = rec + ": at least 5,000,000 events/s from one thread";
    for (double[] scoreAndError : new double[][] {{6e6, 5e5}, {5.2e6, 5e5}, {4e6, 5e5}}) {
      Path json = dir.resolve("recorder.json");
      Files.writeString(json, """
          [{"benchmark":"dev.reprokit.benchmarks.%s","mode":"thrpt","threads":1,"params":{},
            "primaryMetric":{"score":%s,"scoreError":%s,"scoreUnit":"ops/s"},
            "secondaryMetrics":{}}]
          """.formatted(rec, scoreAndError[0], scoreAndError[1]));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      List<Compare.Verdict> verdicts = Compare.report(Compare.read(json),
          new PrintStream(out, true, StandardCharsets.UTF_8));
      Compare.Outcome expected = scoreAndError[0] == 6e6 ? Compare.Outcome.MET
          : scoreAndError[0] == 5.2e6 ? Compare.Outcome.UNDECIDED : Compare.Outcome.MISSED;
      assertThat(outcomeOf(verdicts, target)).as("%s", scoreAndError[0]).isEqualTo(expected);
    }
  }

  /** A paired benchmark's result as JMH writes it: counters with one array per fork. */
  private static String pairedRun(String benchmark, String variant, double[][] rawNanos,
      double[][] reprokitNanos, double[][] pairs) {
    return pairedRunWithParams(benchmark, "{\"variant\":\"%s\",\"maxEvents\":\"10000\"}"
        .formatted(variant), rawNanos, reprokitNanos, pairs);
  }

  /** The same, with the benchmark's parameters as JSON ({@code {}} for none). */
  private static String pairedRunWithParams(String benchmark, String params,
      double[][] rawNanos, double[][] reprokitNanos, double[][] pairs) {
    return """
        {"benchmark":"dev.reprokit.benchmarks.%s","mode":"avgt","threads":1,
          "params":%s,
          "primaryMetric":{"score":300.0,"scoreError":20.0,"scoreUnit":"us/op"},
          "secondaryMetrics":{
            "rawNanos":{"score":1.0,"scoreError":"NaN","scoreUnit":"#","rawData":%s},
            "reprokitNanos":{"score":1.0,"scoreError":"NaN","scoreUnit":"#","rawData":%s},
            "pairs":{"score":1.0,"scoreError":"NaN","scoreUnit":"#","rawData":%s}}}
        """.formatted(benchmark, params, java.util.Arrays.deepToString(rawNanos),
            java.util.Arrays.deepToString(reprokitNanos), java.util.Arrays.deepToString(pairs));
  }

  private static Compare.Outcome pairedOutcome(Path dir, double[][] raw, double[][] ours)
      throws Exception {
    double[][] pairs = {{1e4, 1e4, 1e4, 1e4}, {1e4, 1e4, 1e4, 1e4}};
    List<Compare.Verdict> verdicts = judge(dir, pairedRun(
        "JdbcPostgresPairedBenchmark.pointSelectPair", "reprokit", raw, ours, pairs));
    return outcomeOf(verdicts, "JdbcPostgresPairedBenchmark.pointSelectPair: reprokit at most"
        + " 1.02 × raw (paired on one connection)");
  }

  @Test
  void pairedHttpRunsAreJudgedOnTheirRatioAgainstTheirOwnTargets(@TempDir Path dir)
      throws Exception {
    double[][] pairs = {{1e4, 1e4, 1e4}, {1e4, 1e4, 1e4}};
    double[][] raw = {{0.8e9, 0.8e9, 0.8e9}, {1.0e9, 1.0e9, 1.0e9}};
    double[][] fourPercent = {{0.832e9, 0.833e9, 0.831e9}, {1.040e9, 1.041e9, 1.039e9}};
    String http = "HttpClassicPairedBenchmark.";
    List<Compare.Verdict> verdicts = judge(dir,
        pairedRunWithParams(http + "get1kPair", "{}", raw, fourPercent, pairs),
        pairedRunWithParams(http + "get64kPair", "{}", raw, fourPercent, pairs));
    // 4% misses the 3% of the 1 KiB GET and meets the 5% of the 64 KiB one
    assertThat(outcomeOf(verdicts, http + "get1kPair: reprokit at most 1.03 × raw (paired op by"
        + " op)")).isEqualTo(Compare.Outcome.MISSED);
    assertThat(outcomeOf(verdicts, http + "get64kPair: reprokit at most 1.05 × raw (paired op by"
        + " op)")).isEqualTo(Compare.Outcome.MET);
  }

  @Test
  void aPairedHttpRunIsJudgedOnDefaultCaptureNotOnTheVariantThatTakesItApart(@TempDir Path dir)
      throws Exception {
    double[][] pairs = {{1e4, 1e4, 1e4}, {1e4, 1e4, 1e4}};
    double[][] raw = {{0.8e9, 0.8e9, 0.8e9}, {1.0e9, 1.0e9, 1.0e9}};
    double[][] fourPercent = {{0.832e9, 0.833e9, 0.831e9}, {1.040e9, 1.041e9, 1.039e9}};
    double[][] tenPercent = {{0.880e9, 0.881e9, 0.879e9}, {1.100e9, 1.101e9, 1.099e9}};
    String get64k = "HttpClassicPairedBenchmark.get64kPair";
    List<Compare.Verdict> verdicts = judge(dir,
        pairedRunWithParams(get64k, "{\"variant\":\"reprokit-no-response-body\"}", raw,
            tenPercent, pairs),
        pairedRunWithParams(get64k, "{\"variant\":\"reprokit\"}", raw, fourPercent, pairs));
    assertThat(verdicts).filteredOn(v -> v.target().startsWith(get64k)).singleElement()
        .extracting(Compare.Verdict::outcome).isEqualTo(Compare.Outcome.MET);
  }

  @Test
  void aPairedBundleRunIsPrintedAsACrossCheckButNotJudged(@TempDir Path dir) throws Exception {
    double[][] pairs = {{6, 6, 6}, {6, 6, 6}};
    double[][] zip = {{0.80e9, 0.82e9, 0.81e9}, {0.90e9, 0.91e9, 0.89e9}};
    double[][] over = {{1.28e9, 1.31e9, 1.30e9}, {1.44e9, 1.45e9, 1.43e9}}; // ~1.60x
    String bundle = "BundleWritePairedBenchmark.writePair";
    Path json = dir.resolve("results.json");
    Files.writeString(json, "[" + pairedRunWithParams(bundle, "{}", zip, over, pairs) + "]");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<Compare.Verdict> verdicts = Compare.report(Compare.read(json),
        new PrintStream(out, true, StandardCharsets.UTF_8));

    assertThat(verdicts).noneMatch(v -> v.target().startsWith(bundle));
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("== " + bundle)
        .contains("× per fork");
  }

  @Test
  void withThreeForksOrMoreTheEvidenceSaysWhatTheForkMeansAloneWouldDecide(@TempDir Path dir)
      throws Exception {
    // every fork is steady inside, but the forks settle at +180, +200 and +235 ns: the pooled
    // interval meets +250, the three fork means alone cannot tell
    double[][] pairs = {{1e6, 1e6, 1e6}, {1e6, 1e6, 1e6}, {1e6, 1e6, 1e6}};
    double[][] raw = {{0.9e9, 0.9e9, 0.9e9}, {0.9e9, 0.9e9, 0.9e9}, {0.9e9, 0.9e9, 0.9e9}};
    double[][] ours = {{1.080e9, 1.081e9, 1.079e9}, {1.100e9, 1.101e9, 1.099e9},
        {1.135e9, 1.136e9, 1.134e9}};
    String h2 = "JdbcH2PairedBenchmark.pointSelectPair";
    Compare.Verdict verdict = judge(dir, pairedRun(h2, "reprokit", raw, ours, pairs)).stream()
        .filter(v -> v.target().startsWith(h2 + ": reprokit maxEvents")).findFirst()
        .orElseThrow();
    assertThat(verdict.outcome()).isEqualTo(Compare.Outcome.MET);
    assertThat(verdict.evidence()).contains("in 3 forks").contains("over the 3 fork means")
        .endsWith(": UNDECIDED)");
  }

  @Test
  void pairedTargetsAreJudgedAtTheRecordersDefaultRingCapacity() {
    assertThat(Integer.parseInt(JdbcPairedBenchmark.DEFAULT_MAX_EVENTS))
        .isEqualTo(dev.reprokit.RecorderConfig.builder().build().maxEvents());
  }

  @Test
  void aPairedH2RunIsJudgedOnTheTimeAddedPerOperationInEachIteration(@TempDir Path dir)
      throws Exception {
    String h2 = "JdbcH2PairedBenchmark.pointSelectPair";
    // one million pairs per iteration; raw's time drifts by half between forks
    double[][] pairs = {{1e6, 1e6, 1e6}, {1e6, 1e6, 1e6}};
    double[][] raw = {{0.9e9, 0.9e9, 0.9e9}, {1.35e9, 1.35e9, 1.35e9}};
    double[][] fullNanos = {{1.10e9, 1.11e9, 1.09e9}, {1.55e9, 1.56e9, 1.54e9}}; // +200 ± 10
    double[][] rowsOff = {{1.100e9, 1.101e9, 1.099e9}, {1.550e9, 1.551e9, 1.549e9}}; // +200
    List<Compare.Verdict> verdicts = judge(dir,
        pairedRun(h2, "reprokit", raw, fullNanos, pairs),
        pairedRun(h2, "reprokit-rows-off", raw, rowsOff, pairs));
    String full = h2 + ": reprokit maxEvents=10000 adds at most 250 ns (paired on one connection)";
    String rowsOffTarget =
        h2 + ": reprokit-rows-off maxEvents=10000 adds at most 150 ns (paired on one connection)";
    assertThat(outcomeOf(verdicts, full)).isEqualTo(Compare.Outcome.MET);
    assertThat(outcomeOf(verdicts, rowsOffTarget)).isEqualTo(Compare.Outcome.MISSED);

    double[][] straddling = {{1.05e9, 1.20e9, 1.10e9}, {1.45e9, 1.60e9, 1.55e9}};
    List<Compare.Verdict> wide = judge(dir, pairedRun(h2, "reprokit", raw, straddling, pairs));
    assertThat(outcomeOf(wide, full)).isEqualTo(Compare.Outcome.UNDECIDED);
  }

  @Test
  void aPairedRunIsJudgedOnItsRatioPerIterationNotOnTheSums(@TempDir Path dir)
      throws Exception {
    // raw's own time swings by a factor of two between forks; the ratio stays near 1.01
    double[][] raw = {{1.0e9, 1.0e9, 1.0e9, 1.0e9}, {2.0e9, 2.0e9, 2.0e9, 2.0e9}};
    double[][] steady = {{1.010e9, 1.011e9, 1.009e9, 1.010e9},
        {2.020e9, 2.022e9, 2.018e9, 2.020e9}};
    assertThat(pairedOutcome(dir, raw, steady)).isEqualTo(Compare.Outcome.MET);

    double[][] over = {{1.050e9, 1.051e9, 1.049e9, 1.050e9},
        {2.100e9, 2.102e9, 2.098e9, 2.100e9}};
    assertThat(pairedOutcome(dir, raw, over)).isEqualTo(Compare.Outcome.MISSED);

    double[][] scattered = {{0.95e9, 1.09e9, 0.97e9, 1.07e9},
        {1.90e9, 2.18e9, 1.94e9, 2.14e9}};
    assertThat(pairedOutcome(dir, raw, scattered)).isEqualTo(Compare.Outcome.UNDECIDED);
  }

  @Test
  void strictModeExitsOneOnAMissAndThreeWhenOnlyUndecided() {
    Compare.Verdict met = new Compare.Verdict("a", Compare.Outcome.MET, "");
    Compare.Verdict missed = new Compare.Verdict("b", Compare.Outcome.MISSED, "");
    Compare.Verdict undecided = new Compare.Verdict("c", Compare.Outcome.UNDECIDED, "");
    assertThat(Compare.strictExitStatus(List.of(met))).isZero();
    assertThat(Compare.strictExitStatus(List.of(met, undecided))).isEqualTo(3);
    assertThat(Compare.strictExitStatus(List.of(undecided, missed, met))).isEqualTo(1);
  }

  @Test
  void theOutcomeOfAValueAndItsErrorAgainstALimit() {
    assertThat(Compare.Outcome.atMost(90, 10, 100)).isEqualTo(Compare.Outcome.MET);
    assertThat(Compare.Outcome.atMost(95, 10, 100)).isEqualTo(Compare.Outcome.UNDECIDED);
    assertThat(Compare.Outcome.atMost(105, 10, 100)).isEqualTo(Compare.Outcome.UNDECIDED);
    assertThat(Compare.Outcome.atMost(110, 10, 100)).isEqualTo(Compare.Outcome.UNDECIDED);
    assertThat(Compare.Outcome.atMost(111, 10, 100)).isEqualTo(Compare.Outcome.MISSED);
    assertThat(Compare.Outcome.atMost(101, Double.NaN, 100)).isEqualTo(Compare.Outcome.MISSED);
    assertThat(Compare.Outcome.atMost(100, Double.NaN, 100)).isEqualTo(Compare.Outcome.MET);
    // "less than": touching the limit is not below it
    assertThat(Compare.Outcome.lessThan(-10, 10, 0)).isEqualTo(Compare.Outcome.UNDECIDED);
    assertThat(Compare.Outcome.lessThan(-11, 10, 0)).isEqualTo(Compare.Outcome.MET);
    assertThat(Compare.Outcome.lessThan(10, 10, 0)).isEqualTo(Compare.Outcome.MISSED);
    assertThat(Compare.Outcome.lessThan(0, Double.NaN, 0)).isEqualTo(Compare.Outcome.MISSED);
    assertThat(Compare.Outcome.atLeast(110, 10, 100)).isEqualTo(Compare.Outcome.MET);
    assertThat(Compare.Outcome.atLeast(105, 10, 100)).isEqualTo(Compare.Outcome.UNDECIDED);
    assertThat(Compare.Outcome.atLeast(89, 10, 100)).isEqualTo(Compare.Outcome.MISSED);
  }

  @Test
  void aFileWithoutResultsReadsAsEmpty(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("empty.json");
    Files.writeString(json, "[]");
    assertThat(Compare.read(json)).isEmpty();
  }
}

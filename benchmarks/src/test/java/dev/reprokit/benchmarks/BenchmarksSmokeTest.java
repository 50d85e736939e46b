package dev.reprokit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every benchmark once for a very short iteration, in this JVM, so the benchmarks
 * compile and run with every build and never rot. It proves that each benchmark and each
 * variant produces a result; it measures nothing (no warm-up, 100 ms, no fork).
 * The PostgreSQL benchmarks are left out, with a message, when the server does not answer.
 */
class BenchmarksSmokeTest {

  @Test
  void everyBenchmarkAndVariantRunsOnceAndProducesAResult() throws Exception {
    List<String> excludes = new ArrayList<>();
    String pgDown = Postgres.unavailableReason();
    if (pgDown != null) {
      System.out.println("SKIPPED in the smoke run: JdbcPostgresBenchmark and"
          + " JdbcPostgresPairedBenchmark, because " + Postgres.describe()
          + " is not reachable (" + pgDown + ")");
      excludes.add(JdbcPostgresBenchmark.class.getName());
      excludes.add(JdbcPostgresPairedBenchmark.class.getName());
    }
    SortedSet<BenchmarkListEntry> entries = BenchmarkList.defaultList().find(
        OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT),
        List.of(".*"), excludes);
    Set<String> expected = new TreeSet<>();
    for (BenchmarkListEntry entry : entries) {
      for (String variant : variants(entry)) {
        expected.add(entry.getUsername() + " " + variant);
      }
    }
    assertThat(expected).as("benchmarks found in META-INF/BenchmarkList").hasSizeGreaterThan(10);

    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(".*")
        .forks(0)
        .warmupIterations(0)
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(100))
        .shouldFailOnError(true)
        .output("target/jmh-smoke.log");
    for (String exclude : excludes) {
      options.exclude(exclude);
    }
    Collection<RunResult> results = new Runner(options.build()).run();

    Set<String> produced = new TreeSet<>();
    for (RunResult run : results) {
      Result<?> primary = run.getPrimaryResult();
      String variant = run.getParams().getParam("variant");
      String key = run.getParams().getBenchmark() + " " + (variant == null ? "-" : variant);
      assertThat(primary.getScore()).as("score of %s", key).isPositive().isFinite();
      produced.add(key);
    }
    assertThat(produced).isEqualTo(expected);
  }

  private static Collection<String> variants(BenchmarkListEntry entry) {
    Map<String, String[]> params = entry.getParams().orElse(Map.of());
    String[] variants = params.get("variant");
    return variants == null ? Collections.singletonList("-") : List.of(variants);
  }
}

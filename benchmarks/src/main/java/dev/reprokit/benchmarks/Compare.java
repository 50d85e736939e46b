package dev.reprokit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.util.ListStatistics;

/**
 * Reads JMH's JSON results ({@code -rf json}) and prints, per benchmark, every variant next
 * to the raw call: score with its error, the difference and the ratio to raw, allocated
 * bytes per operation ({@code -prof gc}) and their difference to raw; then ReproKit against
 * each peer; then the targets of the benchmarks issue, each MET, MISSED or UNDECIDED with the
 * numbers.
 *
 * <p>A verdict weighs JMH's score error (the half-width of its 99.9% confidence interval), not
 * only the score: a target is MET when the whole interval is within it, MISSED when the whole
 * interval is outside, and UNDECIDED when the interval straddles the limit (run more forks or
 * iterations, or on a quieter machine). The errors of two scores combine in quadrature, for a
 * difference absolutely and for a ratio relatively. JMH treats every iteration of every fork
 * as one sample, and forks on a noisy machine differ more than that assumes, so the 99.9% is
 * nominal: a verdict is much less likely to be chance than one on the scores alone, not
 * immune to it. An error JMH does not give (a single iteration) counts as none.
 *
 * <p>{@code java -cp benchmarks.jar dev.reprokit.benchmarks.Compare results.json [--strict]
 * [--markdown]} — with {@code --strict} the exit status is 1 when a target was missed and 3
 * when none was missed but some are undecided (for a release check), 2 when the file has no
 * results; {@code --markdown} prints the tables for
 * {@code docs/performance.md}. Variants named {@code raw} (or starting with
 * {@code raw}) are the baseline; variants starting with {@code reprokit} are ReproKit; the
 * others are peers.
 */
public final class Compare {
  private Compare() {}

  /**
   * One result row: a benchmark method with one variant. {@code paired} holds, for a paired
   * benchmark ({@link JdbcPairedBenchmark}), each iteration of each fork; it is empty for
   * every other benchmark.
   */
  record Row(String benchmark, String variant, String mode, double score, double error,
      String unit, double alloc, double allocError, List<PairedIteration> paired) {

    boolean hasAlloc() {
      return !Double.isNaN(alloc);
    }
  }

  /** One iteration of a paired benchmark: its fork, each variant's summed time, the pairs run. */
  record PairedIteration(int fork, double rawNanos, double reprokitNanos, double pairs) {
    /** ReproKit's time over raw's. */
    double ratio() {
      return reprokitNanos / rawNanos;
    }

    /** The nanoseconds ReproKit added to one operation. */
    double addedNanos() {
      return (reprokitNanos - rawNanos) / pairs;
    }
  }

  /**
   * What one run says about a target, for a measured {@code value ± error} (an error that is
   * not known, {@code NaN}, counts as none).
   */
  enum Outcome {
    MET, MISSED, UNDECIDED;

    /** The target {@code value <= limit}. */
    static Outcome atMost(double value, double error, double limit) {
      double e = known(error);
      if (value + e <= limit) {
        return MET;
      }
      return value - e > limit ? MISSED : UNDECIDED;
    }

    /** The target {@code value < limit}. */
    static Outcome lessThan(double value, double error, double limit) {
      double e = known(error);
      if (value + e < limit) {
        return MET;
      }
      return value - e >= limit ? MISSED : UNDECIDED;
    }

    /** The target {@code value >= limit}. */
    static Outcome atLeast(double value, double error, double limit) {
      double e = known(error);
      if (value - e >= limit) {
        return MET;
      }
      return value + e < limit ? MISSED : UNDECIDED;
    }
  }

  /** The exit status of {@code --strict}: 1 when a target was missed, 3 when one is undecided. */
  static int strictExitStatus(List<Verdict> verdicts) {
    if (count(verdicts, Outcome.MISSED) > 0) {
      return 1;
    }
    return count(verdicts, Outcome.UNDECIDED) > 0 ? 3 : 0;
  }

  /** A target's verdict. */
  record Verdict(String target, Outcome outcome, String evidence) {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: Compare results.json [--strict] [--markdown]");
      System.exit(64);
    }
    boolean strict = List.of(args).contains("--strict");
    List<Row> rows = read(Path.of(args[0]));
    if (rows.isEmpty()) {
      System.err.println("no benchmark results in " + args[0]);
      System.exit(2);
    }
    boolean markdown = List.of(args).contains("--markdown");
    List<Verdict> verdicts = report(rows, System.out, markdown);
    int status = strict ? strictExitStatus(verdicts) : 0;
    if (status != 0) {
      System.exit(status);
    }
  }

  static long count(List<Verdict> verdicts, Outcome outcome) {
    return verdicts.stream().filter(v -> v.outcome() == outcome).count();
  }

  static List<Row> read(Path json) throws IOException {
    JsonNode root = new ObjectMapper().readTree(Files.readAllBytes(json));
    List<Row> rows = new ArrayList<>();
    for (JsonNode run : root) {
      String benchmark = shortName(run.path("benchmark").asText());
      JsonNode params = run.path("params");
      StringBuilder variant = new StringBuilder(params.path("variant").asText("-"));
      params.fields().forEachRemaining(p -> {
        if (!p.getKey().equals("variant")) {
          variant.append(' ').append(p.getKey()).append('=').append(p.getValue().asText());
        }
      });
      String threads = run.path("threads").asText("1");
      JsonNode primary = run.path("primaryMetric");
      JsonNode alloc = run.path("secondaryMetrics").path("gc.alloc.rate.norm");
      rows.add(new Row(benchmark + (threads.equals("1") ? "" : " (" + threads + " threads)"),
          variant.toString(), run.path("mode").asText(),
          primary.path("score").asDouble(), number(primary.path("scoreError")),
          primary.path("scoreUnit").asText(),
          alloc.isMissingNode() ? Double.NaN : alloc.path("score").asDouble(),
          alloc.isMissingNode() ? Double.NaN : number(alloc.path("scoreError")),
          paired(run.path("secondaryMetrics"))));
    }
    return rows;
  }

  /**
   * The iterations of a paired benchmark, from its {@code rawNanos}, {@code reprokitNanos} and
   * {@code pairs} counters (JMH's {@code rawData}: one array of iterations per fork); empty
   * when the run has no such counters.
   */
  private static List<PairedIteration> paired(JsonNode secondary) {
    JsonNode ours = secondary.path("reprokitNanos").path("rawData");
    JsonNode raw = secondary.path("rawNanos").path("rawData");
    JsonNode pairs = secondary.path("pairs").path("rawData");
    List<PairedIteration> iterations = new ArrayList<>();
    for (int fork = 0; fork < Math.min(ours.size(), raw.size()); fork++) {
      JsonNode o = ours.get(fork);
      JsonNode r = raw.get(fork);
      JsonNode p = pairs.path(fork);
      for (int i = 0; i < Math.min(o.size(), r.size()); i++) {
        double n = p.path(i).asDouble(Double.NaN);
        if (r.get(i).asDouble() > 0) {
          iterations.add(new PairedIteration(fork, r.get(i).asDouble(), o.get(i).asDouble(), n));
        }
      }
    }
    return List.copyOf(iterations);
  }

  private static double number(JsonNode n) {
    return n.isNumber() ? n.asDouble() : Double.NaN; // JMH writes "NaN" as a string
  }

  private static String shortName(String benchmark) {
    String prefix = "dev.reprokit.benchmarks.";
    return benchmark.startsWith(prefix) ? benchmark.substring(prefix.length()) : benchmark;
  }

  static boolean isRaw(String variant) {
    return variant.equals("raw") || variant.startsWith("raw");
  }

  static boolean isReproKit(String variant) {
    return variant.startsWith("reprokit");
  }

  /** Prints the tables and the targets as plain text; returns the verdicts. */
  static List<Verdict> report(List<Row> rows, PrintStream out) {
    return report(rows, out, false);
  }

  /** Prints the tables and the targets, as Markdown when asked; returns the verdicts. */
  static List<Verdict> report(List<Row> rows, PrintStream out, boolean markdown) {
    Map<String, List<Row>> byBenchmark = new TreeMap<>();
    for (Row r : rows) {
      byBenchmark.computeIfAbsent(r.benchmark(), k -> new ArrayList<>()).add(r);
    }
    for (Map.Entry<String, List<Row>> e : byBenchmark.entrySet()) {
      printBenchmark(e.getKey(), e.getValue(), out, markdown);
    }
    List<Verdict> verdicts = targets(byBenchmark);
    String tally = String.format(Locale.ROOT, "%d targets met, %d missed, %d undecided",
        count(verdicts, Outcome.MET), count(verdicts, Outcome.MISSED),
        count(verdicts, Outcome.UNDECIDED));
    out.println();
    if (markdown) {
      out.println("#### Targets");
      out.println();
      out.println("| verdict | target | evidence |");
      out.println("| --- | --- | --- |");
      for (Verdict v : verdicts) {
        out.printf(Locale.ROOT, "| %s | %s | %s |%n", switch (v.outcome()) {
          case MET -> "met";
          case MISSED -> "**MISSED**";
          case UNDECIDED -> "undecided";
        }, v.target(), v.evidence());
      }
      out.printf(Locale.ROOT, "%n%s.%n", tally);
      return verdicts;
    }
    out.println("== Targets (benchmarks issue) ==");
    if (verdicts.isEmpty()) {
      out.println("(no results that a target applies to)");
    }
    for (Verdict v : verdicts) {
      out.printf(Locale.ROOT, "%-9s %s%n          %s%n", v.outcome(), v.target(), v.evidence());
    }
    out.printf(Locale.ROOT, "%n%s%n", tally);
    if (count(verdicts, Outcome.UNDECIDED) > 0) {
      out.println("UNDECIDED: the error interval straddles the limit; run more forks and"
          + " iterations, or on a quieter machine, to decide.");
    }
    return verdicts;
  }

  private static void printBenchmark(String name, List<Row> rows, PrintStream out,
      boolean markdown) {
    Row raw = rows.stream().filter(r -> isRaw(r.variant())).findFirst().orElse(null);
    Row first = rows.get(0);
    String[] header = {"variant", "score ± error", "Δ vs raw", "× raw", "alloc B/op", "Δ alloc"};
    out.println();
    if (markdown) {
      out.printf(Locale.ROOT, "#### %s (%s, %s)%n%n", name, first.mode(), first.unit());
      out.println("| " + String.join(" | ", header) + " |");
      out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
    } else {
      out.printf(Locale.ROOT, "== %s (%s, %s) ==%n", name, first.mode(), first.unit());
      out.printf(Locale.ROOT, "%-34s %22s %22s %8s %12s %12s%n", (Object[]) header);
    }
    for (Row r : rows) {
      String delta = "";
      String ratio = "";
      String allocDelta = "";
      if (raw != null && r != raw) {
        delta = fmt(r.score() - raw.score()) + " ± " + fmt(combined(r.error(), raw.error()));
        ratio = String.format(Locale.ROOT, "%.3f", r.score() / raw.score());
        if (r.hasAlloc() && raw.hasAlloc()) {
          allocDelta = String.format(Locale.ROOT, "%+.0f", r.alloc() - raw.alloc());
        }
      }
      String score = fmt(r.score()) + " ± " + fmt(r.error());
      String alloc = r.hasAlloc() ? String.format(Locale.ROOT, "%.0f", r.alloc()) : "";
      if (markdown) {
        out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", r.variant(), score, delta,
            ratio, alloc, allocDelta);
      } else {
        out.printf(Locale.ROOT, "%-34s %22s %22s %8s %12s %12s%n", r.variant(), score, delta,
            ratio, alloc, allocDelta);
      }
    }
    for (Row r : rows) {
      if (!r.paired().isEmpty()) {
        printPaired(r, out, markdown);
      }
    }
    if (raw == null) {
      return;
    }
    if (markdown) {
      out.println();
    }
    for (Row ours : rows) {
      if (!isReproKit(ours.variant()) || ours.variant().endsWith("noop")) {
        continue; // capture off is judged against raw only
      }
      for (Row peer : rows) {
        if (peer == raw || isReproKit(peer.variant()) || isRaw(peer.variant())) {
          continue;
        }
        double ourCost = ours.score() - raw.score();
        double peerCost = peer.score() - raw.score();
        out.printf(Locale.ROOT,
            "%s%s vs %s: overhead %s vs %s %s (point estimates: %s, %.2f× the peer's)",
            markdown ? "- " : "  ", ours.variant(), peer.variant(), fmt(ourCost), fmt(peerCost),
            ours.unit(), ourCost < peerCost ? "ReproKit cheaper" : "ReproKit NOT cheaper",
            ourCost / peerCost);
        if (ours.hasAlloc() && peer.hasAlloc() && raw.hasAlloc()) {
          out.printf(Locale.ROOT, "; allocation %+.0f vs %+.0f B/op",
              ours.alloc() - raw.alloc(), peer.alloc() - raw.alloc());
        }
        out.println();
      }
    }
  }

  /** A paired row: each variant's time per operation, and the difference and ratio. */
  private static void printPaired(Row r, PrintStream out, boolean markdown) {
    ListStatistics raw = pairedStatistics(r, i -> i.rawNanos() / i.pairs());
    PairedMeasure added = pairedMeasure(r, PairedIteration::addedNanos);
    PairedMeasure ratio = pairedMeasure(r, PairedIteration::ratio);
    // forks can differ more than iterations within a fork do: show their own means too
    Map<Integer, ListStatistics> byFork = new TreeMap<>();
    for (PairedIteration i : r.paired()) {
      byFork.computeIfAbsent(i.fork(), f -> new ListStatistics()).addValue(i.ratio());
    }
    StringBuilder forks = new StringBuilder();
    for (ListStatistics f : byFork.values()) {
      forks.append(forks.length() == 0 ? "" : ", ")
          .append(String.format(Locale.ROOT, "%.4f", f.getMean()));
    }
    out.printf(Locale.ROOT, "%s%s, paired: raw %s ns, reprokit %s ns per operation; added %s ± %s"
        + " ns, × %.4f ± %.4f (%d iterations in %d forks; × per fork: %s)%n",
        markdown ? "- " : "  ", r.variant(), fmt(raw.getMean()),
        fmt(raw.getMean() + added.mean()), fmt(added.mean()), fmt(added.error()),
        ratio.mean(), ratio.error(), ratio.iterations(), ratio.forks(), forks);
  }

  /** Two scores' errors in quadrature, for display: NaN (shown as "?") when either is unknown. */
  private static double combined(double a, double b) {
    return Math.sqrt(a * a + b * b);
  }

  /** Two scores' errors in quadrature, for a verdict: an unknown error counts as none. */
  private static double combinedKnown(double a, double b) {
    return combined(known(a), known(b));
  }

  private static double known(double error) {
    return Double.isNaN(error) ? 0 : error;
  }

  private static String fmtRatio(double v) {
    return Double.isNaN(v) ? "?" : String.format(Locale.ROOT, "%.4f", v);
  }

  private static String fmt(double v) {
    if (Double.isNaN(v)) {
      return "?";
    }
    double abs = Math.abs(v);
    if (abs >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (abs >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return String.format(Locale.ROOT, "%.3f", v);
  }

  // ---- the targets ---------------------------------------------------------------------------

  private static Row find(Map<String, List<Row>> all, String benchmark, String variant) {
    List<Row> rows = all.get(benchmark);
    if (rows == null) {
      return null;
    }
    return rows.stream().filter(r -> r.variant().equals(variant)).findFirst().orElse(null);
  }

  private static List<Verdict> targets(Map<String, List<Row>> all) {
    List<Verdict> v = new ArrayList<>();
    String h2 = "JdbcH2Benchmark.pointSelect";
    Row raw = find(all, h2, "raw");
    if (raw != null) {
      addedAtMost(v, h2, raw, find(all, h2, "reprokit"), 250);
      addedAtMost(v, h2, raw, find(all, h2, "reprokit-rows-off"), 150);
      ratioAtMost(v, h2, raw, find(all, h2, "reprokit-noop"), 1.05);
      allocAtMost(v, h2, raw, find(all, h2, "reprokit"), 300, "300 B/op");
      for (String peer : List.of("datasource-proxy", "opentelemetry")) {
        cheaperThan(v, h2, raw, find(all, h2, "reprokit"), find(all, h2, peer));
      }
    }
    String pg = "JdbcPostgresBenchmark.pointSelect";
    Row pgRaw = find(all, pg, "raw");
    if (pgRaw != null) {
      ratioAtMost(v, pg, pgRaw, find(all, pg, "reprokit"), 1.02);
    }
    // the targets hold for the default configuration: the ring at its default capacity
    String defaultRing = " maxEvents=" + JdbcPairedBenchmark.DEFAULT_MAX_EVENTS;
    String h2Paired = "JdbcH2PairedBenchmark.pointSelectPair";
    pairedAddedAtMost(v, h2Paired, find(all, h2Paired, "reprokit" + defaultRing), 250);
    pairedAddedAtMost(v, h2Paired, find(all, h2Paired, "reprokit-rows-off" + defaultRing), 150);
    String pgPaired = "JdbcPostgresPairedBenchmark.pointSelectPair";
    Row paired = find(all, pgPaired, "reprokit" + defaultRing);
    if (paired == null) {
      paired = find(all, pgPaired, "-"); // results from before the variant parameter
    }
    pairedRatioAtMost(v, pgPaired, paired, 1.02, "paired on one connection");
    String httpPaired = "HttpClassicPairedBenchmark.";
    pairedRatioAtMost(v, httpPaired + "get1kPair", pairedReproKit(all, httpPaired + "get1kPair"),
        1.03, "paired op by op");
    pairedRatioAtMost(v, httpPaired + "get64kPair",
        pairedReproKit(all, httpPaired + "get64kPair"), 1.05, "paired op by op");
    Map<String, Double> captured = new LinkedHashMap<>();
    captured.put("get1k", 1024.0);
    captured.put("get64k", 64 * 1024.0);
    captured.put("post4k", 4 * 1024.0 + 20); // request body + the small JSON answer
    Map<String, Double> maxRatio = Map.of("get1k", 1.03, "get64k", 1.05);
    for (String client : List.of("HttpClassicBenchmark", "HttpAsyncBenchmark")) {
      for (Map.Entry<String, Double> c : captured.entrySet()) {
        String name = client + "." + c.getKey();
        // The async GETs' allocation is judged streamed where the run has it: with the
        // client's buffering consumer, raw's own allocation moves by +-20 KB with the sizes in
        // which the body arrives (see HttpAsyncBenchmark); streamed, it does not.
        if (client.equals("HttpAsyncBenchmark") && c.getKey().startsWith("get")
            && bothAllocations(all, name + "Streamed")) {
          name += "Streamed";
        }
        Row httpRaw = find(all, name, "raw");
        Row ours = find(all, name, "reprokit");
        if (httpRaw == null) {
          continue;
        }
        if (client.equals("HttpClassicBenchmark") && maxRatio.containsKey(c.getKey())) {
          ratioAtMost(v, name, httpRaw, ours, maxRatio.get(c.getKey()));
        }
        allocAtMost(v, name, httpRaw, ours, c.getValue() + 2048,
            String.format(Locale.ROOT, "captured body bytes + 2 KB = %.0f B/op",
                c.getValue() + 2048));
      }
    }
    String rec = "RecorderBenchmark.record1Thread";
    Row recorder = find(all, rec, "-");
    if (recorder != null && recorder.unit().equals("ops/s")) {
      v.add(new Verdict(rec + ": at least 5,000,000 events/s from one thread",
          Outcome.atLeast(recorder.score(), recorder.error(), 5_000_000),
          String.format(Locale.ROOT, "%,.0f ± %,.0f events/s", recorder.score(),
              recorder.error())));
    }
    // Bundle writing is judged unpaired: interleaved with the bundle (which allocates 30 times
    // more), the plain zip slows by 3-5%, which flatters the paired ratio by about as much as
    // its error. BundleWritePairedBenchmark's ratio is printed above, as a cross-check.
    String bundle = "BundleWriteBenchmark.write";
    Row zip = find(all, bundle, "raw-zip");
    if (zip != null) {
      ratioAtMost(v, bundle, zip, find(all, bundle, "reprokit"), 1.5);
    }
    return v;
  }

  private static void addedAtMost(List<Verdict> v, String name, Row raw, Row ours, double max) {
    if (ours == null) {
      return;
    }
    double added = ours.score() - raw.score();
    v.add(new Verdict(String.format(Locale.ROOT, "%s: %s adds at most %.0f %s", name,
        ours.variant(), max, raw.unit()),
        Outcome.atMost(added, combinedKnown(ours.error(), raw.error()), max),
        String.format(Locale.ROOT, "%s - %s = %s ± %s %s", fmt(ours.score()), fmt(raw.score()),
            fmt(added), fmt(combined(ours.error(), raw.error())), raw.unit())));
  }

  private static void ratioAtMost(List<Verdict> v, String name, Row raw, Row ours, double max) {
    if (ours == null) {
      return;
    }
    double ratio = ours.score() / raw.score();
    // relative errors in quadrature, as the differences combine absolute ones
    double error = ratio * combinedKnown(known(ours.error()) / ours.score(),
        known(raw.error()) / raw.score());
    v.add(new Verdict(String.format(Locale.ROOT, "%s: %s at most %.2f × %s", name,
        ours.variant(), max, raw.variant()), Outcome.atMost(ratio, error, max),
        String.format(Locale.ROOT, "%s ± %s / %s ± %s %s = %.3f ± %.3f", fmt(ours.score()),
            fmt(ours.error()), fmt(raw.score()), fmt(raw.error()), raw.unit(), ratio, error)));
  }

  /**
   * What a paired run says about one measure (the per-iteration ratio or added time): its mean
   * with JMH's own 99.9% error over all iterations (Student's t, as for any JMH score), which
   * the verdict uses, and, with three forks or more, the same error over the forks' means.
   * Forks can differ more than the iterations inside one do (where the JIT and the scheduler
   * settled differs per JVM); the evidence then says what the forks alone would decide.
   */
  record PairedMeasure(double mean, double error, double forkError, long iterations,
      int forks, double min, double max) {
    static final int MIN_FORKS_FOR_FORK_ERROR = 3;

    /** The measure with its error and how it was reached, numbers formatted by {@code f}. */
    String describe(java.util.function.DoubleFunction<String> f, String unit, double limit) {
      String fork = "";
      if (!Double.isNaN(forkError)) {
        Outcome overForks = Outcome.atMost(mean, forkError, limit);
        fork = String.format(Locale.ROOT, "; over the %d fork means ± %s: %s", forks,
            f.apply(forkError), overForks == Outcome.atMost(mean, error, limit)
                ? "the same verdict" : overForks);
      }
      return String.format(Locale.ROOT, "%s ± %s%s over %d iterations in %d forks (iterations"
          + " %s to %s%s)", f.apply(mean), f.apply(error), unit, iterations, forks,
          f.apply(min), f.apply(max), fork);
    }
  }

  static PairedMeasure pairedMeasure(Row row,
      java.util.function.ToDoubleFunction<PairedIteration> measure) {
    ListStatistics pooled = new ListStatistics();
    Map<Integer, ListStatistics> byFork = new TreeMap<>();
    for (PairedIteration i : row.paired()) {
      double value = measure.applyAsDouble(i);
      if (!Double.isNaN(value)) {
        pooled.addValue(value);
        byFork.computeIfAbsent(i.fork(), f -> new ListStatistics()).addValue(value);
      }
    }
    double forkError = Double.NaN;
    if (byFork.size() >= PairedMeasure.MIN_FORKS_FOR_FORK_ERROR) {
      ListStatistics forkMeans = new ListStatistics();
      byFork.values().forEach(f -> forkMeans.addValue(f.getMean()));
      forkError = meanError(forkMeans);
    }
    return new PairedMeasure(pooled.getMean(), meanError(pooled), forkError, pooled.getN(),
        byFork.size(), pooled.getMin(), pooled.getMax());
  }

  /** A paired benchmark's ratio target, judged on the per-iteration ratios. */
  private static void pairedRatioAtMost(List<Verdict> v, String name, Row row, double max,
      String how) {
    if (row == null || row.paired().isEmpty()) {
      return;
    }
    PairedMeasure ratio = pairedMeasure(row, PairedIteration::ratio);
    v.add(new Verdict(String.format(Locale.ROOT, "%s: reprokit at most %.2f × raw (%s)", name,
        max, how), Outcome.atMost(ratio.mean(), ratio.error(), max),
        "reprokitNanos / rawNanos per iteration: " + ratio.describe(Compare::fmtRatio, "×", max)));
  }

  /** A paired benchmark's difference target, judged on the added nanoseconds per operation. */
  private static void pairedAddedAtMost(List<Verdict> v, String name, Row row, double max) {
    if (row == null || row.paired().isEmpty()) {
      return;
    }
    PairedMeasure added = pairedMeasure(row, PairedIteration::addedNanos);
    v.add(new Verdict(String.format(Locale.ROOT, "%s: %s adds at most %.0f ns (paired on one"
        + " connection)", name, row.variant(), max), Outcome.atMost(added.mean(), added.error(),
        max), "(reprokitNanos - rawNanos) / pairs per iteration: "
        + added.describe(Compare::fmt, " ns", max)));
  }

  private static ListStatistics pairedStatistics(Row row,
      java.util.function.ToDoubleFunction<PairedIteration> measure) {
    ListStatistics stats = new ListStatistics();
    for (PairedIteration i : row.paired()) {
      double value = measure.applyAsDouble(i);
      if (!Double.isNaN(value)) {
        stats.addValue(value);
      }
    }
    return stats;
  }

  private static double meanError(ListStatistics stats) {
    return stats.getN() > 1 ? stats.getMeanErrorAt(0.999) : Double.NaN;
  }

  /**
   * The default ReproKit row of a paired HTTP benchmark: {@code reprokit}, or {@code -} in
   * results from before its variant parameter. Other variants (capture without the response
   * body) take the cost apart and are printed, not judged.
   */
  private static Row pairedReproKit(Map<String, List<Row>> all, String benchmark) {
    Row row = find(all, benchmark, HttpVariant.REPROKIT);
    return row != null ? row : find(all, benchmark, "-");
  }

  /** Whether {@code benchmark} has raw and reprokit rows, both with allocation. */
  private static boolean bothAllocations(Map<String, List<Row>> all, String benchmark) {
    Row raw = find(all, benchmark, "raw");
    Row ours = find(all, benchmark, "reprokit");
    return raw != null && ours != null && raw.hasAlloc() && ours.hasAlloc();
  }

  private static void allocAtMost(List<Verdict> v, String name, Row raw, Row ours, double max,
      String what) {
    if (ours == null || !ours.hasAlloc() || !raw.hasAlloc()) {
      return;
    }
    double added = ours.alloc() - raw.alloc();
    double error = combinedKnown(ours.allocError(), raw.allocError());
    v.add(new Verdict(String.format(Locale.ROOT, "%s: %s allocates at most %s above raw", name,
        ours.variant(), what), Outcome.atMost(added, error, max),
        String.format(Locale.ROOT, "%.0f - %.0f = %+.0f ± %.0f B/op", ours.alloc(), raw.alloc(),
            added, error)));
  }

  private static void cheaperThan(List<Verdict> v, String name, Row raw, Row ours, Row peer) {
    if (ours == null || peer == null) {
      return;
    }
    double ourCost = ours.score() - raw.score();
    double peerCost = peer.score() - raw.score();
    // raw's own error cancels out of the comparison: ours - peer is what decides
    double error = combinedKnown(ours.error(), peer.error());
    v.add(new Verdict(String.format(Locale.ROOT, "%s: %s adds less than %s", name,
        ours.variant(), peer.variant()), Outcome.lessThan(ourCost - peerCost, error, 0),
        String.format(Locale.ROOT, "%s vs %s %s (difference %s ± %s)", fmt(ourCost),
            fmt(peerCost), raw.unit(), fmt(ourCost - peerCost), fmt(error))));
  }
}

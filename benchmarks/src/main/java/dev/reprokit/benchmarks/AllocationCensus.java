package dev.reprokit.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;
import org.h2.jdbcx.JdbcDataSource;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Which objects a JDBC variant allocates per H2 point select, class by class, against the raw
 * driver: the exact account behind {@code gc.alloc.rate.norm} of {@link JdbcH2Benchmark}.
 *
 * <p>Each variant runs in its own JVM with the Epsilon collector (which never frees anything),
 * so a class histogram of all objects taken before and after {@code ops} point selects holds
 * every object those selects allocated. Objects the JIT's escape analysis removed are not
 * allocated and do not appear, as in the benchmark. Counts are per operation; a class whose
 * difference to raw is under 0.05 objects and under 4 bytes per operation is left out.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.reprokit.benchmarks.AllocationCensus [variant] [warm-up ops] [measured ops]}
 * (defaults: {@code reprokit}, 300,000, 100,000). Not a timing: it counts objects.
 */
public final class AllocationCensus {
  private AllocationCensus() {}

  /** Objects and bytes of one class per operation. */
  record Count(double objects, double bytes) {}

  /** A variant's allocation per operation, by class name. */
  record Census(String variant, Map<String, Count> byClass) {
    double totalBytes() {
      return byClass.values().stream().mapToDouble(Count::bytes).sum();
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length >= 1 && args[0].equals("--child")) {
      child(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
      return;
    }
    String variant = args.length > 0 ? args[0] : JdbcVariant.REPROKIT;
    int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 300_000;
    int ops = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
    Census raw = run(JdbcVariant.RAW, warmUp, ops);
    Census other = run(variant, warmUp, ops);
    System.out.print(report(raw, other));
  }

  /** Runs one variant in a child JVM and reads its census. */
  static Census run(String variant, int warmUp, int ops) throws IOException, InterruptedException {
    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    // Epsilon never collects: the heap must hold everything the run allocates (about 3 KB
    // per select), with room to spare.
    long heapMb = Math.max(512, (warmUp + ops) * 8L / 1024);
    List<String> command = List.of(java.toString(), "-XX:+UnlockExperimentalVMOptions",
        "-XX:+UseEpsilonGC", "-Xms" + heapMb + "m", "-Xmx" + heapMb + "m",
        "-cp", System.getProperty("java.class.path"), AllocationCensus.class.getName(),
        "--child", variant, Integer.toString(warmUp), Integer.toString(ops));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    Map<String, Count> byClass = new HashMap<>();
    StringBuilder output = new StringBuilder();
    try (BufferedReader r = new BufferedReader(
        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        output.append(line).append('\n');
        String[] f = line.split("\t");
        if (f.length == 4 && f[0].equals("C")) {
          byClass.put(f[1], new Count(Double.parseDouble(f[2]), Double.parseDouble(f[3])));
        }
      }
    }
    if (p.waitFor() != 0 || byClass.isEmpty()) {
      throw new IllegalStateException("the census of " + variant + " failed (exit "
          + p.exitValue() + "):\n" + output);
    }
    return new Census(variant, byClass);
  }

  /** The per-class difference of {@code other} against {@code raw}, largest first. */
  static String report(Census raw, Census other) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%s: %.0f B/op; %s: %.0f B/op; difference %+.0f B/op%n",
        raw.variant(), raw.totalBytes(), other.variant(), other.totalBytes(),
        other.totalBytes() - raw.totalBytes()));
    out.append(String.format(Locale.ROOT, "%10s %9s  %s%n", "B/op", "objs/op", "class"));
    record Row(String name, double objects, double bytes) {}
    List<Row> rows = new ArrayList<>();
    TreeSet<String> names = new TreeSet<>(raw.byClass().keySet());
    names.addAll(other.byClass().keySet());
    Count none = new Count(0, 0);
    for (String name : names) {
      Count a = raw.byClass().getOrDefault(name, none);
      Count b = other.byClass().getOrDefault(name, none);
      double objects = b.objects() - a.objects();
      double bytes = b.bytes() - a.bytes();
      if (Math.abs(objects) >= 0.05 || Math.abs(bytes) >= 4) { // arrays can differ in length only
        rows.add(new Row(name, objects, bytes));
      }
    }
    rows.sort((x, y) -> Double.compare(Math.abs(y.bytes()), Math.abs(x.bytes())));
    for (Row row : rows) {
      out.append(String.format(Locale.ROOT, "%+10.1f %+9.2f  %s%n", row.bytes(), row.objects(),
          row.name()));
    }
    return out.toString();
  }

  /** In the child JVM: warm up, take a histogram, run the measured selects, take another. */
  private static void child(String variant, int warmUp, int ops) throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:reprokit-census;DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    try (Connection c = h2.getConnection()) {
      JdbcWorkload.createSchema(c);
    }
    Blackhole bh = new Blackhole("Today's password is swordfish. I understand instantiating "
        + "Blackholes directly is dangerous.");
    try (JdbcVariant jdbc = JdbcVariant.open(variant, h2);
        Connection c = jdbc.dataSource.getConnection()) {
      for (int i = 0; i < warmUp; i++) {
        JdbcWorkload.pointSelect(c, 1 + i % JdbcWorkload.ITEMS, bh);
      }
      Map<String, long[]> before = histogram();
      for (int i = 0; i < ops; i++) {
        JdbcWorkload.pointSelect(c, 1 + i % JdbcWorkload.ITEMS, bh);
      }
      Map<String, long[]> after = histogram();
      after.forEach((name, counts) -> {
        long[] was = before.getOrDefault(name, new long[2]);
        if (counts[0] == was[0]) {
          return; // nothing of this class was allocated during the measured selects
        }
        System.out.printf(Locale.ROOT, "C\t%s\t%.4f\t%.4f%n", name,
            (counts[0] - was[0]) / (double) ops, (counts[1] - was[1]) / (double) ops);
      });
    }
  }

  private static final Pattern HISTOGRAM_LINE =
      Pattern.compile("\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*");

  /** Instances and bytes by class of every object in the heap, reachable or not. */
  private static Map<String, long[]> histogram() throws Exception {
    String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
        new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
        new Object[] {new String[] {"-all"}}, new String[] {String[].class.getName()});
    Map<String, long[]> byClass = new HashMap<>();
    for (String line : text.split("\n")) {
      Matcher m = HISTOGRAM_LINE.matcher(line);
      if (m.matches()) {
        // Lambda classes carry an address in their name: the same class in another JVM has
        // another name, so it is counted under a name without it.
        String name = m.group(3).replaceAll("/0x[0-9a-f]+", "");
        long[] c = byClass.computeIfAbsent(name, k -> new long[2]);
        c[0] += Long.parseLong(m.group(1));
        c[1] += Long.parseLong(m.group(2));
      }
    }
    return byClass;
  }
}

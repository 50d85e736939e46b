package dev.reprokit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reprokit.testing.HostileBundles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code repro} verb on every hostile bundle of {@link HostileBundles}: exit code 3, one
 * sentence on standard error, no output file, nothing written beside the bundle. A verb that
 * accepted a hostile bundle and started serving or replaying would hit the per-run timeout.
 */
class HostileBundleCliTest {
  @TempDir static Path root;
  static Path genuine;
  static String closedPort;
  static ExecutorService runner;

  @BeforeAll
  static void setUp() throws IOException {
    genuine = HostileBundles.genuine(Files.createDirectories(root.resolve("genuine")));
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = "http://127.0.0.1:" + s.getLocalPort();
    }
    runner = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "repro-under-test");
      t.setDaemon(true);
      return t;
    });
  }

  @AfterAll
  static void tearDown() {
    runner.shutdownNow();
  }

  static Stream<HostileBundles.Case> cases() {
    return HostileBundles.all().stream();
  }

  /** Every verb that reads a bundle, with {@code B} for the bundle and {@code OUT} for output. */
  private static List<String[]> verbs(Path bundle, Path out) {
    String b = bundle.toString();
    String g = genuine.toString();
    String o = out.toString();
    return List.of(
        new String[] {"inspect", b},
        new String[] {"verify", b},
        new String[] {"report", b, "-o", o},
        new String[] {"report", b, "--format", "html", "-o", o},
        new String[] {"diff", b, g},
        new String[] {"diff", g, b},
        new String[] {"export", b, "--format", "har", "-o", o},
        new String[] {"export", b, "--format", "curl", "-o", o},
        new String[] {"export", b, "--format", "wiremock", "-o", o},
        new String[] {"redact", b, "-o", o, "--rule", "header:X-Tenant"},
        new String[] {"replay", "http", b, "--target", closedPort},
        new String[] {"replay", "jdbc", b, "--url", "jdbc:h2:mem:hostile"},
        new String[] {"serve", b, "--port", "0"});
  }

  record Run(int exit, String out, String err) {}

  private static Run run(String... args) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Future<Integer> exit = runner.submit(() -> ReproCli.run(new PrintWriter(out, true),
        new PrintWriter(err, true), args));
    return new Run(exit.get(60, TimeUnit.SECONDS), out.toString(), err.toString());
  }

  @Test
  void genuineBundleIsAcceptedByVerify() throws Exception {
    assertThat(run("verify", genuine.toString()).exit()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyVerbRefusesTheHostileBundleWithExitCodeThree(HostileBundles.Case hostile)
      throws Exception {
    Path dir = Files.createDirectories(root.resolve(hostile.name()));
    Path bundle = hostile.create(dir);
    Path out = dir.resolve("out");
    Map<String, Long> before = listing(root);
    List<String> problems = new ArrayList<>();
    try {
      for (String[] args : verbs(bundle, out)) {
        Run r = run(args);
        String verb = String.join(" ", args).replace(root.toString(), "…");
        String err = r.err().strip();
        if (r.exit() != ReproCli.INVALID_BUNDLE) {
          problems.add(verb + ": exit " + r.exit() + ", stderr " + err);
        }
        if (!err.startsWith("repro:") || err.contains("\n") || err.length() > 700) {
          problems.add(verb + ": not one line on stderr: " + err);
        }
        if (Files.exists(out)) {
          problems.add(verb + ": wrote " + out);
          Files.delete(out);
        }
      }
    } finally {
      Files.deleteIfExists(bundle);
    }
    Map<String, Long> after = listing(root);
    before.remove(root.relativize(bundle).toString());
    assertThat(problems).as(hostile.attack()).isEmpty();
    assertThat(after).as("nothing written beside the bundle").isEqualTo(before);
  }

  private static Map<String, Long> listing(Path dir) throws IOException {
    Map<String, Long> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(dir)) {
      all.forEach(p -> files.put(dir.relativize(p).toString(), p.toFile().length()));
    }
    return files;
  }
}

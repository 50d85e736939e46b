package dev.reprokit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reprokit.CaptureResult;
import dev.reprokit.Recorder;
import dev.reprokit.RecorderConfig;
import dev.reprokit.bundle.Bundle;
import dev.reprokit.bundle.BundleReader;
import dev.reprokit.bundle.BundleWriter;
import dev.reprokit.event.Header;
import dev.reprokit.event.HttpExchangeEvent;
import dev.reprokit.event.Payload;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM killed with SIGKILL while it writes bundles leaves no file under a final bundle name
 * that fails verification, and the temporary files it leaves are removed the next time a
 * recorder starts in that directory.
 */
class CrashSafetyTest {
  /** Kill at least this many writers, and go on until a kill lands mid-write (at most 15). */
  private static final int ROUNDS = 4;

  @TempDir Path dir;

  /** The child: writes large bundles into {@code args[0]} until it is killed. */
  public static final class BundleLoop {
    public static void main(String[] args) throws Exception {
      Path directory = Path.of(args[0]);
      RecorderConfig config = RecorderConfig.builder().bundleDirectory(directory)
          .maxBundlesKept(1000).build();
      Random random = new Random();
      try (Recorder recorder = Recorder.create(config)) {
        for (int i = 0; i < 24; i++) { // ~6 MiB of incompressible payloads per bundle
          byte[] body = new byte[256 * 1024];
          random.nextBytes(body);
          recorder.record(new HttpExchangeEvent(recorder.nextSequence(),
              System.currentTimeMillis(), System.nanoTime(), 1_000_000, "main", null, "classic",
              "GET", "https://api.example.com/items/" + i, "HTTP/1.1",
              List.of(new Header("Accept", "*/*")), null, 200, "OK",
              List.of(new Header("Content-Type", "application/octet-stream")),
              Payload.of("application/octet-stream", body.length, body), null, 0, List.of(),
              null));
        }
        boolean announced = false;
        while (true) {
          CaptureResult result = recorder.capture("crash loop");
          if (!announced && result.path() != null) {
            System.out.println("WRITING");
            System.out.flush();
            announced = true;
          }
        }
      }
    }
  }

  private Process startChild() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-Xmx192m", "-cp", System.getProperty("java.class.path"),
        BundleLoop.class.getName(), dir.toString())
        .redirectErrorStream(true)
        .start();
  }

  private List<Path> files(String glob) throws IOException {
    List<Path> out = new ArrayList<>();
    try (var stream = Files.newDirectoryStream(dir, glob)) {
      stream.forEach(out::add);
    }
    return out;
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void killedWriterLeavesOnlyVerifiableBundlesAndItsTempFilesAreCleanedUp() throws Exception {
    Random random = new Random(42);
    int tempFilesLeft = 0;
    int left = 0;
    int rounds = 0;
    for (int round = 0; round < ROUNDS || (left == 0 && round < 15); round++) {
      rounds++;
      Process child = startChild();
      BufferedReader out = new BufferedReader(
          new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = out.readLine()) != null && !line.equals("WRITING")) {
        System.out.println("child: " + line);
      }
      assertThat(line).as("the child wrote its first bundle").isEqualTo("WRITING");
      Thread.sleep(50 + random.nextInt(400));
      child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      left = files(".reprokit-*.tmp").size();
      System.out.printf("round %d: killed (exit %d), %d bundles, %d temporary files%n", round,
          child.exitValue(), files("*" + BundleWriter.SUFFIX).size(), left);
      tempFilesLeft += left;
    }

    List<Path> bundles = files("*" + BundleWriter.SUFFIX);
    assertThat(bundles).hasSizeGreaterThanOrEqualTo(rounds);
    for (Path bundle : bundles) {
      Bundle read = BundleReader.create().read(bundle); // throws if damaged or incomplete
      assertThat(read.events()).hasSize(24);
    }
    assertThat(tempFilesLeft).as("the kills landed while a bundle was being written at least"
        + " once, so the cleanup below has something to do").isPositive();
    assertThat(files(".reprokit-*.tmp")).as("the last kill landed mid-write").isNotEmpty();

    try (Recorder next = Recorder.create(RecorderConfig.builder().bundleDirectory(dir).build())) {
      assertThat(files(".reprokit-*.tmp")).as("a new recorder removes the dead JVM's"
          + " temporary files").isEmpty();
      assertThat(next.stats().internalFailures()).isZero();
    }
    try (Stream<Path> all = Files.list(dir)) {
      assertThat(all.map(p -> p.getFileName().toString())
          .filter(n -> !n.endsWith(BundleWriter.SUFFIX))
          .filter(n -> !(n.startsWith("reprokit-fingerprint-") && n.endsWith(".json"))))
          .as("nothing but bundles (and the environment fingerprint) remains").isEmpty();
    }
  }
}

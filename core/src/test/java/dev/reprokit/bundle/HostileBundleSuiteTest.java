package dev.reprokit.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.reprokit.BundleFormatException;
import dev.reprokit.testing.HostileBundles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every hostile bundle of {@link HostileBundles} is refused by {@link BundleReader} with a
 * {@link BundleFormatException} whose message is one line, and the reader writes nothing: the
 * directory the bundle sits in, its parent and the temp directory look the same afterwards.
 * Runs in its own Surefire execution with {@code -Xmx256m} (see core/pom.xml), so a reader that
 * trusted declared sizes or buffered a bomb would fail with an {@link OutOfMemoryError}.
 */
class HostileBundleSuiteTest {
  @TempDir static Path root;

  static Stream<HostileBundles.Case> cases() {
    return HostileBundles.all().stream();
  }

  @BeforeAll
  static void heapIsTheOneTheSuitePromises() {
    long max = Runtime.getRuntime().maxMemory();
    System.out.printf("HostileBundleSuiteTest: max heap %d MiB%n", max >> 20);
    if (Boolean.getBoolean("reprokit.hostile.heapCheck")) {
      assertThat(max).as("the hostile-bundle execution runs with -Xmx256m")
          .isLessThanOrEqualTo(256L * 1024 * 1024);
    }
  }

  @Test
  void atLeastThirtyDistinctHostileBundles() {
    List<HostileBundles.Case> all = HostileBundles.all();

    assertThat(all).hasSizeGreaterThanOrEqualTo(30);
    assertThat(all.stream().map(HostileBundles.Case::name).distinct()).hasSize(all.size());
  }

  @Test
  void genuineControlBundleReads() throws IOException {
    Path dir = Files.createDirectories(root.resolve("genuine"));

    Bundle bundle = BundleReader.create().read(HostileBundles.genuine(dir));

    assertThat(bundle.events()).hasSize(2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void readerRefusesHostileBundleAndWritesNothing(HostileBundles.Case hostile)
      throws IOException {
    Path dir = Files.createDirectories(root.resolve(hostile.name()).resolve("in"));
    Path file = hostile.create(dir);
    Map<String, Long> before = listing(root);
    java.util.Set<String> tempBefore = names(Path.of(System.getProperty("java.io.tmpdir")));

    Throwable thrown;
    try {
      thrown = catchThrowable(() -> BundleReader.create().read(file));
    } finally {
      Files.deleteIfExists(file); // keep the temp directory small: some fixtures are large
    }

    assertThat(thrown).as(hostile.attack()).isInstanceOf(BundleFormatException.class);
    String message = thrown.getMessage();
    System.out.printf("%-26s -> %s%n", hostile.name(), message);
    assertThat(message).isNotBlank().doesNotContain("\n").doesNotContain("\r");
    assertThat(message.length()).isLessThan(600);
    Map<String, Long> after = listing(root);
    before.remove(root.relativize(file).toString());
    assertThat(after).as("nothing written beside the bundle").isEqualTo(before);
    java.util.Set<String> tempAfter = names(Path.of(System.getProperty("java.io.tmpdir")));
    tempAfter.removeAll(tempBefore);
    assertThat(tempAfter).as("nothing new in the temp directory")
        .noneMatch(n -> n.contains("evil") || n.contains("passwd"));
  }

  private static java.util.Set<String> names(Path dir) throws IOException {
    java.util.Set<String> names = new java.util.HashSet<>();
    try (java.nio.file.DirectoryStream<Path> all = Files.newDirectoryStream(dir)) {
      all.forEach(p -> names.add(p.getFileName().toString()));
    }
    return names;
  }

  private static Map<String, Long> listing(Path dir) throws IOException {
    Map<String, Long> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(dir)) {
      all.forEach(p -> {
        try {
          files.put(dir.relativize(p).toString(),
              Files.isRegularFile(p) ? Files.size(p) : -1L);
        } catch (IOException vanished) {
          // another process's temp file went away while we listed: not ours
        }
      });
    }
    return files;
  }
}

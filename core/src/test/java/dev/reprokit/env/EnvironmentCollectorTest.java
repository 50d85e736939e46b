package dev.reprokit.env;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.PackageVersion;
import dev.reprokit.RecorderConfig;
import dev.reprokit.internal.env.EnvironmentSources;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentCollectorTest {

  @TempDir Path dir;

  private final List<String> faults = new ArrayList<>();

  private EnvironmentCollector collector(EnvironmentSources sources) {
    RecorderConfig config = RecorderConfig.builder().bundleDirectory(dir)
        .application("collector-test", "1.0").build();
    return new EnvironmentCollector(config, (kind, t) -> faults.add(kind), sources);
  }

  @Test
  void runtimeOsLocaleAndHostFactsAreTheRunningJvms() {
    Environment env = collector(EnvironmentSources.live()).collect(List.of());

    RuntimeInfo rt = env.runtime();
    assertThat(rt.javaVersion()).isEqualTo(Runtime.version().toString());
    assertThat(rt.javaVendor()).isEqualTo(System.getProperty("java.vendor"));
    assertThat(rt.vmName()).isEqualTo(System.getProperty("java.vm.name"));
    assertThat(rt.vmVersion()).isEqualTo(System.getProperty("java.vm.version"));
    assertThat(rt.javaHome()).isEqualTo(System.getProperty("java.home"));
    assertThat(rt.inputArguments())
        .isEqualTo(ManagementFactory.getRuntimeMXBean().getInputArguments());
    assertThat(rt.maxHeapBytes()).isEqualTo(Runtime.getRuntime().maxMemory());
    assertThat(rt.totalHeapBytes()).isPositive();
    assertThat(rt.garbageCollectors()).isNotEmpty();

    OsInfo os = env.os();
    assertThat(os.name()).isEqualTo(System.getProperty("os.name"));
    assertThat(os.version()).isEqualTo(System.getProperty("os.version"));
    assertThat(os.arch()).isEqualTo(System.getProperty("os.arch"));
    assertThat(os.availableProcessors()).isEqualTo(Runtime.getRuntime().availableProcessors());

    LocaleInfo locale = env.locale();
    assertThat(locale.defaultLocale()).isEqualTo(Locale.getDefault().toLanguageTag());
    assertThat(locale.formatLocale())
        .isEqualTo(Locale.getDefault(Locale.Category.FORMAT).toLanguageTag());
    assertThat(locale.timeZone()).isEqualTo(TimeZone.getDefault().getID());
    assertThat(locale.defaultCharset()).isEqualTo(Charset.defaultCharset().name());
    assertThat(locale.fileEncoding()).isEqualTo(System.getProperty("file.encoding"));
    assertThat(locale.sunJnuEncoding()).isEqualTo(System.getProperty("sun.jnu.encoding"));
    assertThat(locale.lineSeparator()).isEqualTo(
        System.lineSeparator().replace("\r", "\\r").replace("\n", "\\n"));

    HostInfo host = env.host();
    assertThat(host.processId()).isEqualTo(ProcessHandle.current().pid());
    assertThat(host.startTime()).isEqualTo(
        Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()).toString());
    assertThat(host.uptimeMillis()).isPositive();
    assertThat(host.hostName()).isNotBlank();
    assertThat(env.application().name()).isEqualTo("collector-test");
    assertThat(faults).isEmpty();
  }

  @Test
  void librariesAreScannedOncePerCollectorAndIncludeJackson() {
    EnvironmentCollector collector = collector(EnvironmentSources.live());

    Environment first = collector.collect(List.of());
    Environment second = collector.collect(List.of());

    assertThat(first.libraries())
        .anySatisfy(l -> {
          assertThat(l.name()).isEqualTo("com.fasterxml.jackson.core:jackson-databind");
          assertThat(l.version()).isEqualTo(PackageVersion.VERSION.toString());
        });
    assertThat(second.libraries()).isSameAs(first.libraries());
  }

  @Test
  void allowListedPropertiesAndVariablesHaveValuesOtherNamesAreListedWithout() throws Exception {
    Map<String, String> props = new TreeMap<>(Map.of(
        "java.version", "17.0.15",
        "java.class.path", "/secret/layout/app.jar",
        "os.name", "Linux",
        "user.timezone", "Europe/Berlin",
        "file.encoding", "UTF-8",
        "line.separator", "\r\n",
        "user.home", "/home/alice",
        "db.password", "hunter2-prop",
        "app.mode", "batch"));
    Map<String, String> vars = Map.of(
        "LANG", "de_DE.UTF-8",
        "LC_TIME", "en_GB.UTF-8",
        "TZ", "UTC",
        "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI-env",
        "PATH", "/usr/bin",
        "DATABASE_URL", "postgres://shop:pg-pass@db/shop");
    Environment env = collector(EnvironmentSources.live()
        .withSystemProperties(props).withEnvironmentVariables(vars)).collect(List.of());

    assertThat(env.systemProperties()).containsExactly(
        Map.entry("file.encoding", "UTF-8"),
        Map.entry("java.version", "17.0.15"),
        Map.entry("line.separator", "\\r\\n"),
        Map.entry("os.name", "Linux"),
        Map.entry("user.timezone", "Europe/Berlin"));
    assertThat(env.otherSystemProperties())
        .containsExactly("app.mode", "db.password", "java.class.path", "user.home");
    assertThat(env.environmentVariables()).containsExactly(
        Map.entry("LANG", "de_DE.UTF-8"), Map.entry("LC_TIME", "en_GB.UTF-8"),
        Map.entry("TZ", "UTC"));
    assertThat(env.otherEnvironmentVariables())
        .containsExactly("AWS_SECRET_ACCESS_KEY", "DATABASE_URL", "PATH");

    String json = new ObjectMapper().writeValueAsString(env);
    assertThat(json).doesNotContain("hunter2-prop", "wJalrXUtnFEMI-env", "pg-pass",
        "/home/alice", "/secret/layout");
  }

  @Test
  void systemPropertiesAreReadWhenCollectedNotWhenTheCollectorIsCreated() {
    RecorderConfig config = RecorderConfig.builder().bundleDirectory(dir).build();
    EnvironmentCollector collector = new EnvironmentCollector(config, (k, t) -> faults.add(k));
    String name = "java.reprokit.test.marker";
    try {
      System.setProperty(name, "set-after-creation");
      assertThat(collector.collect(List.of()).systemProperties())
          .containsEntry(name, "set-after-creation");
    } finally {
      System.clearProperty(name);
    }
  }

  @Test
  void configurationAndDatabasesAreIncluded() {
    RecorderConfig config = RecorderConfig.builder().bundleDirectory(dir)
        .configuration(Map.of("pool.size", "8", "feature.newCheckout", "true"))
        .build();
    DatabaseInfo db = new DatabaseInfo("H2", "2.5.252", "H2 JDBC Driver", "2.5.252",
        "jdbc:h2:mem:shop");
    Environment env = new EnvironmentCollector(config, (k, t) -> faults.add(k))
        .collect(List.of(db));

    assertThat(env.configuration())
        .containsExactly(Map.entry("feature.newCheckout", "true"), Map.entry("pool.size", "8"));
    assertThat(env.databases()).containsExactly(db);
  }

  @Test
  void concurrentCollectionsShareOneScanAndOneComparison() throws Exception {
    EnvironmentCollector collector = collector(EnvironmentSources.live());
    int threads = 4;
    var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      var start = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<Environment>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(pool.submit(() -> {
          start.await();
          return collector.collect(List.of());
        }));
      }
      start.countDown();
      List<Environment> envs = new ArrayList<>();
      for (var f : results) {
        envs.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
      }

      assertThat(envs).allSatisfy(e -> {
        assertThat(e.libraries()).isSameAs(envs.get(0).libraries());
        assertThat(e.changes()).isSameAs(envs.get(0).changes());
      });
      assertThat(faults).isEmpty();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFailingSectionIsReportedAndTheRestIsStillCollected() {
    ClassLoader hostile = new ClassLoader(null) {
      @Override
      public URL getResource(String name) {
        throw new NoClassDefFoundError("a broken class loader");
      }
    };
    Environment env = collector(EnvironmentSources.live()
        .withSystemProperties(Map.of("java.vendor", "Acme")) // no main jar, no main class
        .withResourceLoader(hostile)).collect(List.of());

    assertThat(faults).containsExactly("environment.application");
    assertThat(env.application().name()).isEqualTo("collector-test");
    assertThat(env.runtime().javaVendor()).isEqualTo("Acme");
    assertThat(env.locale()).isNotNull();
    assertThat(env.changes().status()).isEqualTo(EnvironmentChanges.Status.FIRST_RUN);
  }
}

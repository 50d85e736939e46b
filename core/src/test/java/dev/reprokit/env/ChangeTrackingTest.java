package dev.reprokit.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.reprokit.AppInfo;
import dev.reprokit.RecorderConfig;
import dev.reprokit.env.EnvironmentChanges.Change;
import dev.reprokit.env.EnvironmentChanges.Kind;
import dev.reprokit.env.EnvironmentChanges.Status;
import dev.reprokit.internal.env.ChangeTracker;
import dev.reprokit.internal.env.EnvironmentSources;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeTrackingTest {

  private static final Instant FIRST_RUN = Instant.parse("2026-11-26T08:00:00Z");
  private static final Instant SECOND_RUN = Instant.parse("2026-11-27T09:30:00Z");

  @TempDir Path dir;

  private final List<String> faults = new ArrayList<>();

  /** One "run": a fresh collector on the shared bundle directory. */
  private Environment run(Instant at, RecorderConfig.Builder config, EnvironmentSources sources) {
    EnvironmentCollector collector = new EnvironmentCollector(config.bundleDirectory(dir).build(),
        (kind, t) -> faults.add(kind), sources.withClock(Clock.fixed(at, ZoneOffset.UTC)));
    Environment env = collector.collect(List.of());
    collector.storeFingerprint(); // as the recorder does once the bundle is written
    return env;
  }

  private Environment run(Instant at, RecorderConfig.Builder config) {
    return run(at, config, EnvironmentSources.live());
  }

  private static RecorderConfig.Builder shop(Map<String, String> configuration) {
    return RecorderConfig.builder().application("shop", "2.4.0").configuration(configuration);
  }

  @Test
  void firstRunSaysNoPreviousRunIsKnown() {
    Environment env = run(FIRST_RUN, shop(Map.of()));

    assertThat(env.changes().status()).isEqualTo(Status.FIRST_RUN);
    assertThat(env.changes().message()).isEqualTo("no previous run known");
    assertThat(env.changes().changes()).isEmpty();
    assertThat(dir.resolve("reprokit-fingerprint-shop.json")).isRegularFile();
    assertThat(faults).isEmpty();
  }

  @Test
  void fingerprintIsStoredOnlyWhenTheRunWroteABundle() {
    EnvironmentCollector collector = new EnvironmentCollector(
        shop(Map.of()).bundleDirectory(dir).build(), (kind, t) -> faults.add(kind),
        EnvironmentSources.live());

    collector.collect(List.of());
    assertThat(dir.resolve("reprokit-fingerprint-shop.json")).doesNotExist();

    collector.storeFingerprint();
    assertThat(dir.resolve("reprokit-fingerprint-shop.json")).isRegularFile();
  }

  @Test
  void identicalRunsReportNothingChanged() {
    run(FIRST_RUN, shop(Map.of("pool.size", "8")));
    Environment second = run(SECOND_RUN, shop(Map.of("pool.size", "8")));

    assertThat(second.changes().status()).isEqualTo(Status.COMPARED);
    assertThat(second.changes().changes()).isEmpty();
    assertThat(second.changes().previousRunAt()).isEqualTo(FIRST_RUN.toString());
    assertThat(second.changes().message())
        .isEqualTo("nothing changed since the previous run at " + FIRST_RUN);
  }

  @Test
  void configurationKeysAddedRemovedAndChangedAreReportedByHashNeverByValue() throws Exception {
    run(FIRST_RUN, shop(Map.of("pool.size", "8", "db.password", "old-Pa55word",
        "feature.legacy", "on")));
    Environment second = run(SECOND_RUN, shop(Map.of("pool.size", "8",
        "db.password", "new-Pa55word", "feature.newCheckout", "true")));

    List<Change> config = second.changes().changes().stream()
        .filter(c -> c.category().equals("configuration")).toList();
    assertThat(config)
        .extracting(Change::name, Change::kind, Change::hashed)
        .containsExactly(
            tuple("db.password", Kind.CHANGED, true),
            tuple("feature.legacy", Kind.REMOVED, true),
            tuple("feature.newCheckout", Kind.ADDED, true));
    Change password = config.get(0);
    assertThat(password.previous()).matches("[0-9a-f]{16}").isNotEqualTo(password.current());
    assertThat(password.current()).matches("[0-9a-f]{16}");
    assertThat(second.changes().changes()).hasSize(3);

    String stored = Files.readString(dir.resolve("reprokit-fingerprint-shop.json"));
    String report = second.changes().toString();
    for (String secret : List.of("old-Pa55word", "new-Pa55word")) {
      assertThat(stored).doesNotContain(secret);
      assertThat(report).doesNotContain(secret);
    }
  }

  @Test
  void librariesAddedRemovedAndUpgradedAreReportedWithVersions() throws Exception {
    Path v1 = Files.createDirectories(dir.resolve("v1"));
    Path v2 = Files.createDirectories(dir.resolve("v2"));
    String firstPath = Fixtures.mavenJar(v1, "com.fasterxml.jackson.core", "jackson-databind", "2.17.2")
        + File.pathSeparator + Fixtures.mavenJar(v1, "org.example", "legacy-soap", "1.0");
    String secondPath = Fixtures.mavenJar(v2, "com.fasterxml.jackson.core", "jackson-databind", "2.18.2")
        + File.pathSeparator + Fixtures.mavenJar(v2, "org.example", "rest-client", "3.1");

    run(FIRST_RUN, shop(Map.of()), withClassPath(firstPath));
    Environment second = run(SECOND_RUN, shop(Map.of()), withClassPath(secondPath));

    assertThat(second.changes().changes())
        .filteredOn(c -> c.category().equals("library"))
        .extracting(Change::name, Change::kind, Change::previous, Change::current)
        .containsExactly(
            tuple("com.fasterxml.jackson.core:jackson-databind", Kind.CHANGED, "2.17.2", "2.18.2"),
            tuple("org.example:legacy-soap", Kind.REMOVED, "1.0", null),
            tuple("org.example:rest-client", Kind.ADDED, null, "3.1"));
    assertThat(second.changes().changes().get(0).describe()).isNotBlank();
    assertThat(second.changes().changes())
        .filteredOn(c -> c.category().equals("library")).first()
        .extracting(Change::describe)
        .isEqualTo("library com.fasterxml.jackson.core:jackson-databind: 2.17.2 -> 2.18.2");
  }

  private static EnvironmentSources withClassPath(String classPath) {
    EnvironmentSources live = EnvironmentSources.live();
    Map<String, String> props = new TreeMap<>(live.systemProperties());
    props.put("java.class.path", classPath);
    props.remove("jdk.module.path");
    return live.withSystemProperties(props);
  }

  @Test
  void secondRunWithAnotherFormatLocaleAndTimeZoneReportsThem() {
    run(FIRST_RUN, shop(Map.of()));
    Locale format = Locale.getDefault(Locale.Category.FORMAT);
    TimeZone zone = TimeZone.getDefault();
    Locale otherLocale = format.equals(Locale.GERMANY) ? Locale.JAPAN : Locale.GERMANY;
    String otherZone = zone.getID().equals("America/Sao_Paulo") ? "Asia/Tokyo" : "America/Sao_Paulo";
    Environment second;
    try {
      Locale.setDefault(Locale.Category.FORMAT, otherLocale);
      TimeZone.setDefault(TimeZone.getTimeZone(otherZone));
      second = run(SECOND_RUN, shop(Map.of()));
    } finally {
      Locale.setDefault(Locale.Category.FORMAT, format);
      TimeZone.setDefault(zone);
    }

    assertThat(second.changes().changes())
        .extracting(Change::category, Change::name, Change::kind, Change::previous, Change::current)
        .containsExactly(
            tuple("locale", "formatLocale", Kind.CHANGED, format.toLanguageTag(),
                otherLocale.toLanguageTag()),
            tuple("locale", "timeZone", Kind.CHANGED, zone.getID(), otherZone));
  }

  @Test
  void applicationVersionJvmLocaleAndTimeZoneChangesAreReported() {
    Environment previous = run(FIRST_RUN, shop(Map.of()));
    Environment current = previous;
    current = new Environment(SECOND_RUN.toString(), new AppInfo("shop", "2.5.0", null, "c0ffee1"),
        new RuntimeInfo("21.0.5+11", "Eclipse Adoptium", null, current.runtime().vmName(), null,
            null, null, current.runtime().inputArguments(), current.runtime().garbageCollectors(),
            current.runtime().maxHeapBytes(), 1),
        current.os(),
        new LocaleInfo("de-DE", "de-DE", current.locale().displayLocale(), "Europe/Berlin",
            "+01:00", "ISO-8859-1", "ISO-8859-1", current.locale().sunJnuEncoding(), null,
            current.locale().lineSeparator()),
        current.host(), current.container(), current.libraries(), current.systemProperties(),
        current.otherSystemProperties(), current.environmentVariables(),
        current.otherEnvironmentVariables(), List.of(), current.configuration(), null);

    EnvironmentChanges changes = new ChangeTracker(dir, (k, t) -> faults.add(k)).track(current);

    assertThat(changes.status()).isEqualTo(Status.COMPARED);
    assertThat(changes.previousApplication()).isEqualTo(previous.application());
    assertThat(changes.changes())
        .extracting(Change::category, Change::name, Change::current)
        .contains(
            tuple("application", "version", "2.5.0"),
            tuple("application", "commit", "c0ffee1"),
            tuple("runtime", "javaVersion", "21.0.5+11"),
            tuple("runtime", "javaVendor", "Eclipse Adoptium"),
            tuple("locale", "defaultLocale", "de-DE"),
            tuple("locale", "formatLocale", "de-DE"),
            tuple("locale", "timeZone", "Europe/Berlin"),
            tuple("locale", "defaultCharset", "ISO-8859-1"),
            tuple("locale", "fileEncoding", "ISO-8859-1"));
    assertThat(changes.changes())
        .filteredOn(c -> c.name().equals("javaVersion")).singleElement()
        .extracting(Change::previous).isEqualTo(Runtime.version().toString());
    assertThat(changes.changes()).extracting(Change::category)
        .doesNotContain("library", "configuration", "os");
    assertThat(faults).isEmpty();
  }

  @Test
  void jvmArgumentsAreComparedByNameWithHashedValues() {
    Environment base = run(FIRST_RUN, shop(Map.of()));
    ChangeTracker tracker = new ChangeTracker(dir, (k, t) -> faults.add(k));
    tracker.track(withArguments(base, List.of("-Xmx512m", "-XX:+UseG1GC",
        "-Dtrust.password=first-Pa55", "-javaagent:/opt/apm.jar=env=prod", "-ea")));

    EnvironmentChanges changes = tracker.track(withArguments(base, List.of("-Xmx2g",
        "-XX:-UseG1GC", "-Dtrust.password=second-Pa55", "-javaagent:/opt/apm.jar=env=prod",
        "-XX:MaxRAMPercentage=75")));

    assertThat(changes.changes())
        .extracting(Change::category, Change::name, Change::kind, Change::hashed)
        .containsExactly(
            tuple("jvmArgument", "-Dtrust.password", Kind.CHANGED, true),
            tuple("jvmArgument", "-XX:MaxRAMPercentage", Kind.ADDED, true),
            tuple("jvmArgument", "-XX:UseG1GC", Kind.CHANGED, true),
            tuple("jvmArgument", "-Xmx", Kind.CHANGED, true),
            tuple("jvmArgument", "-ea", Kind.REMOVED, true));
    assertThat(changes.toString()).doesNotContain("Pa55", "2g", "512m");
  }

  private static Environment withArguments(Environment env, List<String> arguments) {
    return new Environment(env.collectedAt(), env.application(),
        env.runtime().withInputArguments(arguments), env.os(), env.locale(), env.host(),
        env.container(), env.libraries(), env.systemProperties(), env.otherSystemProperties(),
        env.environmentVariables(), env.otherEnvironmentVariables(), env.databases(),
        env.configuration(), null);
  }

  @Test
  void corruptFingerprintCountsOneFaultIsTreatedAsUnknownAndIsReplaced() throws Exception {
    Files.writeString(dir.resolve("reprokit-fingerprint-shop.json"), "{\"format\": \"reprokit.env");

    Environment second = run(SECOND_RUN, shop(Map.of()));

    assertThat(second.changes().status()).isEqualTo(Status.UNKNOWN);
    assertThat(second.changes().message()).startsWith("previous run unknown:");
    assertThat(faults).containsExactly(ChangeTracker.FAULT_KIND);

    Environment third = run(SECOND_RUN.plusSeconds(60), shop(Map.of()));
    assertThat(third.changes().status()).isEqualTo(Status.COMPARED);
    assertThat(third.changes().changes()).isEmpty();
    assertThat(faults).hasSize(1);
  }

  @Test
  void fingerprintOfAnotherFormatOrVersionOrWithoutSaltIsTreatedAsUnknown() throws Exception {
    Files.writeString(dir.resolve("reprokit-fingerprint-shop.json"), "[1, 2, 3]");
    assertThat(run(SECOND_RUN, shop(Map.of())).changes().status()).isEqualTo(Status.UNKNOWN);

    Files.writeString(dir.resolve("reprokit-fingerprint-shop.json"),
        "{\"format\":\"reprokit.environment-fingerprint\",\"version\":99,\"values\":{}}");
    assertThat(run(SECOND_RUN, shop(Map.of())).changes().status()).isEqualTo(Status.UNKNOWN);

    Files.writeString(dir.resolve("reprokit-fingerprint-shop.json"),
        "{\"format\":\"reprokit.environment-fingerprint\",\"version\":1,\"salt\":\"xyz\","
            + "\"values\":{\"configuration\":{\"a\":\"0123456789abcdef\"}}}");
    assertThat(run(SECOND_RUN, shop(Map.of("a", "1"))).changes().status())
        .isEqualTo(Status.UNKNOWN);

    assertThat(faults).containsExactly(
        ChangeTracker.FAULT_KIND, ChangeTracker.FAULT_KIND, ChangeTracker.FAULT_KIND);
  }

  @Test
  void eachApplicationNameHasItsOwnFingerprint() {
    run(FIRST_RUN, shop(Map.of()));
    Environment billing = run(SECOND_RUN, RecorderConfig.builder().application("billing/eu", "1"));

    assertThat(billing.changes().status()).isEqualTo(Status.FIRST_RUN);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .hasSize(2)
          .contains("reprokit-fingerprint-shop.json")
          .anySatisfy(name -> assertThat(name).startsWith("reprokit-fingerprint-billing_eu-"));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void trackingSwitchedOffWritesNothingAndSaysSo() throws Exception {
    Environment env = run(FIRST_RUN, shop(Map.of()).trackChanges(false));

    assertThat(env.changes().status()).isEqualTo(Status.DISABLED);
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void unwritableBundleDirectoryIsNoFaultOfTheTracker() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
    EnvironmentCollector collector = new EnvironmentCollector(
        shop(Map.of()).bundleDirectory(file).build(), (kind, t) -> faults.add(kind),
        EnvironmentSources.live());
    Environment env = collector.collect(List.of());
    collector.storeFingerprint();

    assertThat(env.changes().status()).isEqualTo(Status.FIRST_RUN);
    assertThat(faults).isEmpty();
  }

  @Test
  void comparisonIsMadeOnceAtTheFirstCollectionOfARecorder() {
    run(FIRST_RUN, shop(Map.of("a", "1")));
    EnvironmentCollector collector = new EnvironmentCollector(
        shop(Map.of("a", "2")).bundleDirectory(dir).build(), (kind, t) -> faults.add(kind),
        EnvironmentSources.live());

    EnvironmentChanges first = collector.collect(List.of()).changes();
    EnvironmentChanges again = collector.collect(List.of()).changes();

    assertThat(first.changes()).extracting(Change::name).containsExactly("a");
    assertThat(again).isEqualTo(first);
  }
}

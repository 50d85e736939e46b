package dev.reprokit.bundle;

import static dev.reprokit.bundle.LeakGateFixtures.everything;
import static dev.reprokit.bundle.LeakGateFixtures.http;
import static dev.reprokit.bundle.LeakGateFixtures.roundTrip;
import static dev.reprokit.bundle.LeakGateFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.reprokit.AppInfo;
import dev.reprokit.TriggerKind;
import dev.reprokit.env.Environment;
import dev.reprokit.event.ErrorInfo;
import dev.reprokit.event.Event;
import dev.reprokit.event.FailureEvent;
import dev.reprokit.event.Header;
import dev.reprokit.event.LogEvent;
import dev.reprokit.event.MarkEvent;
import dev.reprokit.event.Payload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The leak gate catches secrets planted where no named redaction rule looks, and leaves
 * ordinary data that merely looks random (UUIDs, digests, images) alone.
 */
class LeakGateProperties {
  @TempDir Path dir;

  /** Places where the text of an event can end up; none is covered by a named rule. */
  private static final int CARRIERS = 9;

  private Snapshot carry(int carrier, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    List<Event> events = new ArrayList<>();
    Environment environment = SampleSnapshots.environment();
    ErrorInfo failure = null;
    switch (carrier) {
      case 0 -> events.add(new LogEvent(1, 1, 1, 0, "main", null, "INFO", "app", text, null));
      case 1 -> events.add(new MarkEvent(1, 1, 1, 0, "main", null, "step",
          Map.of("note", text)));
      case 2 -> events.add(http(1, "https://api.example.com/x",
          List.of(new Header("X-Debug-Info", text)), null, List.of(), null));
      case 3 -> events.add(LeakGateFixtures.sql(1, "select '" + text + "' from dual", List.of()));
      case 4 -> events.add(http(1, "https://api.example.com/x", List.of(), null, List.of(),
          Payload.of("text/plain; charset=utf-8", bytes.length, bytes)));
      case 5 -> {
        byte[] large = (text + "\n" + "ordinary line of a log file\n".repeat(100))
            .getBytes(StandardCharsets.UTF_8);
        events.add(http(1, "https://api.example.com/x", List.of(),
            Payload.of(null, large.length, large), List.of(), null));
      }
      case 6 -> {
        failure = ErrorInfo.of(new IllegalStateException(text));
        events.add(new FailureEvent(1, 1, 1, 0, "main", null, "failed", failure));
      }
      case 7 -> events.add(LeakGateFixtures.rows(2, List.of(List.of(1L, text))));
      case 8 -> environment = new Environment(environment.databases(),
          Map.of("startup.args", text));
      default -> throw new IllegalArgumentException("carrier " + carrier);
    }
    return new Snapshot(UUID.randomUUID().toString(), Instant.parse("2026-11-27T09:00:00Z"),
        new Trigger(TriggerKind.EXPLICIT, "property", null, null, null, 0),
        new AppInfo("shop", "1.0", null, null), environment, events, 0, failure);
  }

  private Bundle write(Snapshot s) {
    try {
      return roundTrip(dir, s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String all(Bundle b) {
    try {
      return everything(b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void plantedSecretsAreCaughtWhereverTheyAppear() {
    qt().withFixedSeed(7001).withExamples(120)
        .forAll(arbitrary().enumValues(LeakGateFixtures.Kind.class),
            integers().between(0, CARRIERS - 1), longs().all())
        .checkAssert((kind, carrier, seed) -> {
          LeakGateFixtures.Planted planted = LeakGateFixtures.plant(kind, new Random(seed));

          Bundle bundle = write(carry(carrier, planted.text()));

          assertThat(all(bundle)).as("%s in carrier %d", kind, carrier)
              .doesNotContain(planted.secret());
          assertThat(bundle.manifest().leakGate()).isNotEmpty();
        });
  }

  @Test
  void randomTokensInUnknownHeadersAndQueryParametersAreCaught() {
    qt().withFixedSeed(7002).withExamples(80)
        .forAll(integers().between(0, 1), longs().all())
        .checkAssert((where, seed) -> {
          Random r = new Random(seed);
          String token = LeakGateFixtures.token(r);
          String name = "X-" + LeakGateFixtures.random(r, "abcdefghijklmnopqrstuvwxyz", 6);
          Event e = where == 0
              ? http(1, "https://api.example.com/v2/items?page=3", List.of(new Header(name,
                  token)), null, List.of(), null)
              : http(1, "https://api.example.com/v2/items?page=3&" + name.substring(2) + "="
                  + token, List.of(), null, List.of(), null);

          Bundle bundle = write(snapshot(List.of(e), "tokens"));

          assertThat(all(bundle)).doesNotContain(token);
          assertThat(bundle.manifest().leakGate()).extracting(LeakGateHit::rule)
              .containsExactly(where == 0 ? LeakGate.HIGH_ENTROPY_HEADER
                  : LeakGate.HIGH_ENTROPY_QUERY);
        });
  }

  /** Ordinary values that look random or mention secrets without holding one. */
  private static String ordinary(int kind, Random r) {
    byte[] digest = new byte[32];
    r.nextBytes(digest);
    String sha256 = HexFormat.of().formatHex(digest);
    return switch (kind) {
      case 0 -> new UUID(r.nextLong(), r.nextLong()).toString();
      case 1 -> "https://cdn.example.com/assets/" + sha256 + ".js?sha256=" + sha256
          + "&v=" + r.nextInt(100);
      case 2 -> "data:image/png;base64," + Base64.getEncoder().encodeToString(
          java.util.Arrays.copyOf(digest, 24 + r.nextInt(8)));
      case 3 -> Instant.ofEpochSecond(1_600_000_000L + r.nextInt(100_000_000)).toString();
      case 4 -> "password reset requested for user u" + r.nextInt(1000)
          + "; basic authentication failed; token expired";
      case 5 -> "00-" + sha256.substring(0, 32) + "-" + sha256.substring(32, 48) + "-01";
      case 6 -> "Apache-HttpClient/5.6.5 (Java/17.0." + r.nextInt(20) + ")";
      case 7 -> "order " + Math.abs(r.nextLong()) + " shipped to warehouse W" + r.nextInt(99);
      case 8 -> "select id, name from customers where id = ? and updated_at > ?";
      case 9 -> "https://api.example.com/v1/orders/" + new UUID(r.nextLong(), r.nextLong())
          + "?expand=lines&etag=" + sha256.substring(0, 40);
      default -> throw new IllegalArgumentException("kind " + kind);
    };
  }

  @Test
  void ordinaryDataIsLeftAloneInEveryCarrier() {
    qt().withFixedSeed(7003).withExamples(120)
        .forAll(integers().between(0, 9), integers().between(0, CARRIERS - 1), longs().all())
        .checkAssert((kind, carrier, seed) -> {
          String value = ordinary(kind, new Random(seed));

          Bundle bundle = write(carry(carrier, value));

          assertThat(bundle.manifest().leakGate()).as("kind %d in carrier %d: %s", kind,
              carrier, value).isEmpty();
          assertThat(all(bundle)).contains(value);
        });
  }

  @Test
  void ordinaryHeadersAndUrlsAreLeftAlone() {
    qt().withFixedSeed(7004).withExamples(60)
        .forAll(integers().between(0, 9), longs().all())
        .checkAssert((kind, seed) -> {
          Random r = new Random(seed);
          String value = ordinary(kind, r);
          String url = "https://api.example.com/v1/search?q=" + java.net.URLEncoder.encode(
              value, StandardCharsets.UTF_8) + "&id=" + new UUID(r.nextLong(), r.nextLong());
          Event e = http(1, url, List.of(new Header("X-Trace", value),
                  new Header("User-Agent", ordinary(6, r))), null,
              List.of(new Header("ETag", "\"" + ordinary(5, r) + "\"")), null);

          Bundle bundle = write(snapshot(List.of(e), "headers"));

          assertThat(bundle.manifest().leakGate()).as(value).isEmpty();
          assertThat(((dev.reprokit.event.HttpExchangeEvent) bundle.events().get(0)).uri())
              .isEqualTo(url);
        });
  }
}

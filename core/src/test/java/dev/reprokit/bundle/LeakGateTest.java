package dev.reprokit.bundle;

import static dev.reprokit.bundle.LeakGateFixtures.everything;
import static dev.reprokit.bundle.LeakGateFixtures.http;
import static dev.reprokit.bundle.LeakGateFixtures.roundTrip;
import static dev.reprokit.bundle.LeakGateFixtures.snapshot;
import static dev.reprokit.bundle.LeakGateFixtures.sql;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reprokit.event.BindValue;
import dev.reprokit.event.ErrorInfo;
import dev.reprokit.event.Event;
import dev.reprokit.event.FailureEvent;
import dev.reprokit.event.Header;
import dev.reprokit.event.JdbcStatementEvent;
import dev.reprokit.event.LogEvent;
import dev.reprokit.event.MarkEvent;
import dev.reprokit.event.Payload;
import dev.reprokit.internal.json.ReproJson;
import dev.reprokit.testing.BundleSchemas;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The leak gate through the real writer and reader: what it catches, where, and what it leaves. */
class LeakGateTest {
  @TempDir Path dir;
  private final Random random = new Random(20261127);

  private static List<LeakGateHit> hits(Bundle bundle) {
    return bundle.manifest().leakGate();
  }

  @Test
  void ordinarySampleBundleHasNoHitsAndValidatesAgainstTheSchema() throws IOException {
    Path file = new BundleWriter(LeakGateFixtures.config(dir)).write(SampleSnapshots.everything());

    BundleSchemas.assertValid(file);
    Bundle bundle = BundleReader.create().read(file);
    assertThat(hits(bundle)).isEmpty();
    assertThat(bundle.entryText("manifest.json").orElseThrow()).contains("\"leakGate\" : [ ]");
  }

  @Test
  void secretsInEveryKindOfEntryAreReplacedAndListedPerEntryAndRule() throws IOException {
    String jwt = LeakGateFixtures.jwt(random);
    String awsKey = LeakGateFixtures.awsKeyId(random);
    String pem = LeakGateFixtures.pem(random);
    String headerToken = LeakGateFixtures.token(random);
    String querySig = LeakGateFixtures.token(random);
    String bearer = LeakGateFixtures.token(random);
    String bodyPassword = "S3cr3t-" + LeakGateFixtures.token(random).substring(0, 10);
    String failurePassword = "hunter2-" + random.nextInt(1000);
    String triggerKey = LeakGateFixtures.awsKeyId(random);
    byte[] largeBody = ("{\"key\":\"" + pem.replace("\n", "\\n") + "\",\"pad\":\""
        + "x".repeat(2000) + "\"}").getBytes(StandardCharsets.UTF_8);
    List<Event> events = List.of(
        http(1, "https://api.example.com/v1/files?sig=" + querySig + "&page=2",
            List.of(new Header("X-Upstream-Auth", headerToken),
                new Header("Accept", "application/json")),
            Payload.of("application/x-www-form-urlencoded", 30,
                ("user=bob&password=" + bodyPassword).getBytes(StandardCharsets.UTF_8)),
            List.of(new Header("Content-Type", "application/json")),
            Payload.of("application/json", largeBody.length, largeBody)),
        new LogEvent(2, 1, 1, 0, "main", null, "WARN", "app", "retry with Bearer " + bearer,
            null),
        new MarkEvent(3, 1, 1, 0, "main", null, "session", Map.of("jwt", "t=" + jwt)),
        sql(4, "select * from users where note = '" + awsKey + "'", List.of()),
        new FailureEvent(5, 1, 1, 0, "main", null, "failed",
            ErrorInfo.of(new IllegalStateException("login failed: pwd=" + failurePassword))));
    Snapshot s = new Snapshot("b-1", java.time.Instant.parse("2026-11-27T09:00:00Z"),
        new Trigger(dev.reprokit.TriggerKind.EXPLICIT, "key " + triggerKey + " rejected", null,
            null, null, 0),
        null, SampleSnapshots.environment(), events, 0,
        ErrorInfo.of(new IllegalStateException("login failed: pwd=" + failurePassword)));

    Path file = LeakGateFixtures.fastWriter(dir).write(s);
    BundleSchemas.assertValid(file);
    Bundle bundle = BundleReader.create().read(file);

    String all = everything(bundle);
    for (String secret : List.of(jwt, awsKey, pem.split("\n")[1], headerToken, querySig, bearer,
        bodyPassword, failurePassword, triggerKey)) {
      assertThat(all).as("no trace of %s", secret).doesNotContain(secret);
    }
    String payloadEntry = bundle.entryNames().stream().filter(n -> n.startsWith("payloads/"))
        .findFirst().orElseThrow();
    assertThat(hits(bundle)).contains(
        new LeakGateHit("manifest.json", LeakGate.AWS_KEY, 1),
        new LeakGateHit("events.jsonl", LeakGate.HIGH_ENTROPY_QUERY, 1),
        new LeakGateHit("events.jsonl", LeakGate.HIGH_ENTROPY_HEADER, 1),
        new LeakGateHit("events.jsonl", LeakGate.PASSWORD_PAIR, 2),
        new LeakGateHit("events.jsonl", LeakGate.BEARER, 1),
        new LeakGateHit("events.jsonl", LeakGate.JWT, 1),
        new LeakGateHit("events.jsonl", LeakGate.AWS_KEY, 1),
        new LeakGateHit(payloadEntry, LeakGate.PEM, 1),
        new LeakGateHit("failure.json", LeakGate.PASSWORD_PAIR, 1));
    assertThat(bundle.readme()).contains("‹redacted").doesNotContain(triggerKey);
    assertThat(bundle.events().get(0)).isInstanceOfSatisfying(
        dev.reprokit.event.HttpExchangeEvent.class, h -> {
          assertThat(h.uri()).startsWith("https://api.example.com/v1/files?sig=‹redacted")
              .endsWith("&page=2");
          assertThat(h.requestHeaders().get(1).value()).isEqualTo("application/json");
          assertThat(new String(h.requestBody().data(), StandardCharsets.UTF_8))
              .startsWith("user=bob&password=‹redacted");
        });
  }

  @Test
  void secretLookingValueUnderASecretNameIsReplacedEvenWithoutAPattern() throws IOException {
    List<Event> events = List.of(
        new MarkEvent(1, 1, 1, 0, "main", null, "config", Map.of("db.password", "plain")),
        sql(2, "call login(?)", List.of(new BindValue(0, "p_password", "setString",
            Types.VARCHAR, "tr0ub4dor"))));

    Bundle bundle = roundTrip(dir, snapshot(events, "check"));

    assertThat(everything(bundle)).doesNotContain("tr0ub4dor").doesNotContain("\"plain\"");
    assertThat(hits(bundle)).containsExactly(
        new LeakGateHit("events.jsonl", LeakGate.SECRET_NAME, 2));
  }

  @Test
  void rewrittenEventLineKeepsExactNumbersAndOtherValues() throws IOException {
    BigDecimal exact = new BigDecimal("12345.678901234567890123");
    JdbcStatementEvent statement = sql(7, "update t set k = 'AKIAABCDEFGHIJKLMNOP'",
        List.of(new BindValue(1, null, "setBigDecimal", Types.DECIMAL, exact),
            new BindValue(2, null, "setLong", Types.BIGINT, Long.MAX_VALUE)));

    Bundle bundle = roundTrip(dir, snapshot(List.of(statement), "numbers"));

    JdbcStatementEvent read = (JdbcStatementEvent) bundle.events().get(0);
    assertThat(read.sql()).startsWith("update t set k = '‹redacted").endsWith("'");
    assertThat(read.binds().get(0).value()).isEqualTo(exact);
    assertThat(read.binds().get(1).value()).isEqualTo(Long.MAX_VALUE);
    assertThat(hits(bundle)).containsExactly(new LeakGateHit("events.jsonl", LeakGate.AWS_KEY, 1));
  }

  @Test
  void binaryPayloadsAndBase64ImagesAreLeftAlone() throws IOException {
    byte[] png = new byte[3000];
    random.nextBytes(png);
    png[0] = (byte) 0x89;
    String dataUri = "data:image/png;base64,"
        + java.util.Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(png, 600));
    byte[] json = ("{\"avatar\":\"" + dataUri + "\"}").getBytes(StandardCharsets.UTF_8);
    List<Event> events = List.of(http(1, "https://cdn.example.com/img/"
            + "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08.png",
        List.of(), Payload.of("application/json", json.length, json),
        List.of(new Header("ETag", "\"9f86d081884c7d659a2feaa0c55ad015\""),
            new Header("X-Request-Id", "3f2504e0-4f89-11d3-9a0c-0305e82c3301")),
        Payload.of("image/png", png.length, png)));

    Bundle bundle = roundTrip(dir, snapshot(events, "images"));

    dev.reprokit.event.HttpExchangeEvent h = (dev.reprokit.event.HttpExchangeEvent)
        bundle.events().get(0);
    assertThat(h.responseBody().data()).isEqualTo(png);
    assertThat(h.requestBody().data()).isEqualTo(json);
    assertThat(hits(bundle)).isEmpty();
  }

  @Test
  void base64ImageInAQueryStringIsReplacedAndTheManifestSaysSo() throws IOException {
    String image = java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString(LeakGateFixtures.random(random, "abcdefghijKLMNOP0123", 90)
            .getBytes(StandardCharsets.UTF_8));
    List<Event> events = List.of(http(1, "https://cdn.example.com/render?img=" + image,
        List.of(), null, List.of(), null));

    Bundle bundle = roundTrip(dir, snapshot(events, "query"));

    assertThat(hits(bundle)).containsExactly(
        new LeakGateHit("events.jsonl", LeakGate.HIGH_ENTROPY_QUERY, 1));
  }

  @Test
  void withDefaultRedactionTheRulesAndTheGateTogetherLeaveNoSecret() throws IOException {
    String jwt = LeakGateFixtures.jwt(random);
    String awsKey = LeakGateFixtures.awsKeyId(random);
    String headerToken = LeakGateFixtures.token(random);
    String bodyPassword = "pw-" + LeakGateFixtures.token(random).substring(0, 12);
    List<Event> events = List.of(
        http(1, "https://api.example.com/v1/files?sig=" + LeakGateFixtures.token(random),
            List.of(new Header("Authorization", "Bearer " + jwt),
                new Header("X-Upstream-Auth", headerToken)),
            Payload.of("application/json", 40, ("{\"password\":\"" + bodyPassword + "\"}")
                .getBytes(StandardCharsets.UTF_8)), List.of(), null),
        new LogEvent(2, 1, 1, 0, "main", null, "WARN", "app", "key " + awsKey, null));

    Path file = LeakGateFixtures.fastWriter(LeakGateFixtures.config(dir,
        dev.reprokit.redact.RedactionConfig.DEFAULT)).write(snapshot(events, "defaults"));
    Bundle bundle = BundleReader.create().read(file);

    String all = everything(bundle);
    for (String secret : List.of(jwt, awsKey, headerToken, bodyPassword)) {
      assertThat(all).doesNotContain(secret);
    }
    assertThat(bundle.manifest().redaction().rules()).isNotEmpty();
    assertThat(hits(bundle)).extracting(LeakGateHit::rule)
        .as("what no default rule covers").contains(LeakGate.AWS_KEY);
  }

  /**
   * Redaction and the gate share one scan of each JSON body: a body that redaction leaves
   * alone must still reach the gate's rules when it holds what only the gate looks for (an AWS
   * key id, a GitHub token, a long token in a query string), inline or in its own entry; a
   * body with neither is written byte for byte, without a hit.
   */
  @Test
  void jsonBodiesThatRedactionLeavesAloneAreStillCheckedForWhatOnlyTheGateLooksFor()
      throws IOException {
    String awsKey = LeakGateFixtures.awsKeyId(random);
    String githubToken = "ghp_" + LeakGateFixtures.token(random).replaceAll("[^A-Za-z0-9]", "")
        + "0123456789abcdefghijklmnopqrstuvwxyz";
    String querySig = LeakGateFixtures.token(random);
    String pad = "x".repeat(1500); // past the inline limit: a payload entry of its own
    byte[] withKey = ("{\"note\":\"" + awsKey + "\",\"pad\":\"" + pad + "\"}")
        .getBytes(StandardCharsets.UTF_8);
    byte[] withToken = ("{\"comment\":\"" + githubToken + "\"}").getBytes(StandardCharsets.UTF_8);
    byte[] withQuery = ("{\"next\":\"/v1/files?sig=" + querySig + "\"}")
        .getBytes(StandardCharsets.UTF_8);
    byte[] plain = ("{\"id\":7,\"city\":\"Lyon\",\"pad\":\"" + pad + "\"}")
        .getBytes(StandardCharsets.UTF_8);
    List<Event> events = new ArrayList<>();
    long seq = 1;
    for (byte[] body : List.of(withKey, withToken, withQuery, plain)) {
      events.add(http(seq++, "https://api.example.com/v1/orders", List.of(), null,
          List.of(new Header("Content-Type", "application/json")),
          Payload.of("application/json", body.length, body)));
    }

    Path file = LeakGateFixtures.fastWriter(LeakGateFixtures.config(dir,
        dev.reprokit.redact.RedactionConfig.DEFAULT)).write(snapshot(events, "bodies"));
    Bundle bundle = BundleReader.create().read(file);

    String all = everything(bundle);
    for (String secret : List.of(awsKey, githubToken, querySig)) {
      assertThat(all).as("no trace of %s", secret).doesNotContain(secret);
    }
    assertThat(hits(bundle)).contains(
        new LeakGateHit("payloads/1-responseBody.json", LeakGate.AWS_KEY, 1),
        new LeakGateHit("events.jsonl", LeakGate.KNOWN_TOKEN, 1),
        new LeakGateHit("events.jsonl", LeakGate.HIGH_ENTROPY_QUERY, 1));
    assertThat(hits(bundle)).extracting(LeakGateHit::entry)
        .doesNotContain("payloads/4-responseBody.json");
    assertThat(bundle.events().get(3)).isInstanceOfSatisfying(
        dev.reprokit.event.HttpExchangeEvent.class,
        h -> assertThat(h.responseBody().data()).isEqualTo(plain));
  }

  @Test
  void gateIsOffWhenRedactionIsSwitchedOffExplicitly() throws IOException {
    String awsKey = LeakGateFixtures.awsKeyId(random);
    List<Event> events = List.of(
        new LogEvent(1, 1, 1, 0, "main", null, "WARN", "app", "key " + awsKey, null));

    Path file = LeakGateFixtures.fastWriter(LeakGateFixtures.config(dir,
        dev.reprokit.redact.RedactionConfig.disabled())).write(snapshot(events, "off"));
    Bundle bundle = BundleReader.create().read(file);

    assertThat(bundle.manifest().redaction().enabled()).isFalse();
    assertThat(hits(bundle)).isEmpty();
    assertThat(everything(bundle)).contains(awsKey);
  }

  @Test
  void gzipBodiesAndBinaryBytesUnderATextTypeAreNotTouched() {
    LeakGate gate = new LeakGate(v -> "‹redacted›");
    byte[] gzip = {0x1f, (byte) 0x8b, 8, 0, 'p', 'w', 'd', '=', 'x', 'y', 'z'};
    byte[] binary = {'p', 'w', 'd', '=', 'a', 'b', 'c', 0, (byte) 0xff, (byte) 0xfe, 1, 2};

    assertThat(gate.bytes("x", "application/json", gzip)).isSameAs(gzip);
    assertThat(gate.bytes("x", "text/plain", binary)).isSameAs(binary);
    assertThat(gate.hits()).isEmpty();
  }

  @Test
  void manifestWithoutLeakGateFieldStillReads() throws IOException {
    JsonNode manifest = ReproJson.mapper().readTree(
        "{\"format\":\"reprokit.bundle\",\"version\":\"1.0\",\"entries\":[]}");
    Manifest m = ReproJson.mapper().treeToValue(manifest, Manifest.class);

    assertThat(m.leakGate()).isEmpty();
  }

  @Test
  void gateFindingsAreCountedOncePerValue() {
    List<String> replaced = new ArrayList<>();
    LeakGate gate = new LeakGate(s -> {
      replaced.add(s);
      return "‹redacted:" + replaced.size() + "›";
    });

    String out = gate.text("x", "a=1 password=one&pwd=two Bearer abc.def-123 Bearer abc.def-123");

    assertThat(out).isEqualTo("a=1 password=‹redacted:3›&pwd=‹redacted:4› Bearer ‹redacted:1›"
        + " Bearer ‹redacted:2›");
    assertThat(gate.hits()).containsExactly(new LeakGateHit("x", LeakGate.BEARER, 2),
        new LeakGateHit("x", LeakGate.PASSWORD_PAIR, 2));
  }
}

package dev.reprokit.redact;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.longRange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reprokit.event.Header;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * For generated headers, query strings, JSON and form bodies, environment maps and JDBC URLs
 * with planted secrets: no planted secret's bytes appear in the redacted output, and equal
 * secrets get equal pseudonyms. 1,000 cases per property, fixed seeds.
 */
class RedactionProperties {
  private static final int EXAMPLES = 1_000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final AtomicInteger cases = new AtomicInteger();

  /** Each case is a seed; the scenario is built from it so every failure is reproducible. */
  private static Gen<Planted> scenarios() {
    return longRange(Long.MIN_VALUE / 2, Long.MAX_VALUE / 2).map(Planted::new);
  }

  @AfterEach
  void everyCaseRan() {
    assertThat(cases.get()).as("generated cases").isGreaterThanOrEqualTo(EXAMPLES);
  }

  @Test
  void noPlantedSecretSurvivesInHeaders() {
    qt().withFixedSeed(20261127L).withExamples(EXAMPLES).forAll(scenarios()).checkAssert(p -> {
      cases.incrementAndGet();
      Redactor redactor = Redactor.forBundle(RedactionConfig.DEFAULT);
      List<Header> headers = new ArrayList<>();
      p.headers().forEach((k, v) -> headers.add(new Header(k, v)));
      List<Header> red = redactor.redactHeaders(headers);
      assertThat(red).extracting(Header::name).isEqualTo(headers.stream().map(Header::name).toList());
      p.assertNoneLeaks(red.toString());
    });
  }

  @Test
  void noPlantedSecretSurvivesInUrls() {
    qt().withFixedSeed(11L).withExamples(EXAMPLES).forAll(scenarios()).checkAssert(p -> {
      cases.incrementAndGet();
      Redactor redactor = Redactor.forBundle(RedactionConfig.DEFAULT);
      String url = p.url();
      String red = redactor.redactUrl(url);
      p.assertNoneLeaks(red);
      assertThat(java.net.URI.create(red)).isNotNull(); // java.net.URI still parses it
    });
  }

  @Test
  void noPlantedSecretSurvivesInFormBodies() {
    qt().withFixedSeed(12L).withExamples(EXAMPLES).forAll(scenarios()).checkAssert(p -> {
      cases.incrementAndGet();
      Redactor redactor = Redactor.forBundle(RedactionConfig.DEFAULT);
      String form = p.params(true);
      byte[] red = redactor.redactBody("application/x-www-form-urlencoded", form.getBytes(UTF_8));
      p.assertNoneLeaks(new String(red, UTF_8));
    });
  }

  @Test
  void noPlantedSecretSurvivesInJsonBodiesAndTheRestIsUnchanged() {
    qt().withFixedSeed(13L).withExamples(EXAMPLES).forAll(scenarios()).checkAssert(p -> {
      cases.incrementAndGet();
      Redactor redactor = Redactor.forBundle(RedactionConfig.DEFAULT);
      JsonNode doc = p.jsonTree();
      String text;
      try {
        text = p.random().nextBoolean() ? JSON.writeValueAsString(doc)
            : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
      String red = new String(redactor.redactBody(
          p.random().nextBoolean() ? "application/json" : "application/problem+json; charset=utf-8",
          text.getBytes(UTF_8)), UTF_8);
      p.assertNoneLeaks(red);
      JsonNode parsed;
      try {
        parsed = JSON.readTree(red);
      } catch (Exception e) {
        throw new AssertionError("redacted JSON is not valid: " + red, e);
      }
      assertThat(parsed).isEqualTo(expected(doc, redactor, false));
    });
  }

  /** The document with every string or number under a secret name replaced by its pseudonym. */
  private static JsonNode expected(JsonNode node, Redactor redactor, boolean secret) {
    if (node.isObject()) {
      ObjectNode o = NODES.objectNode();
      node.fields().forEachRemaining(e -> o.set(e.getKey(),
          expected(e.getValue(), redactor, secret || redactor.isSecretName(e.getKey()))));
      return o;
    }
    if (node.isArray()) {
      ArrayNode a = NODES.arrayNode();
      node.forEach(n -> a.add(expected(n, redactor, secret)));
      return a;
    }
    if (secret && (node.isTextual() || node.isNumber())) {
      return NODES.textNode(redactor.pseudonym(node.asText()));
    }
    return node;
  }

  @Test
  void noPlantedSecretSurvivesInEnvironmentMaps() {
    qt().withFixedSeed(14L).withExamples(EXAMPLES).forAll(scenarios()).checkAssert(p -> {
      cases.incrementAndGet();
      Redactor redactor = Redactor.forBundle(RedactionConfig.DEFAULT);
      Map<String, String> env = p.environment();
      Map<String, String> red = redactor.redactNamedValues(env);
      assertThat(red.keySet()).containsExactlyElementsOf(env.keySet());
      p.assertNoneLeaks(red.toString());
      env.forEach((k, v) -> {
        if (Planted.WORDS.contains(v)) {
          assertThat(red.get(k)).as("plain value of %s", k).isEqualTo(v);
        }
      });
    });
  }

  @Test
  void noPlantedSecretSurvivesInJdbcUrls() {
    qt().withFixedSeed(15L).withExamples(EXAMPLES).forAll(scenarios()).checkAssert(p -> {
      cases.incrementAndGet();
      Redactor redactor = Redactor.forBundle(RedactionConfig.DEFAULT);
      String url = p.jdbcUrl();
      String red = redactor.redactJdbcUrl(url);
      p.assertNoneLeaks(red);
      assertThat(red).startsWith(url.substring(0, url.indexOf(':', 5)));
      assertThat(redactor.summary().replaced("jdbc.url-password")).isEqualTo(1);
    });
  }

  @Test
  void noPlantedSecretSurvivesInSqlStatementsAndTheirBinds() {
    List<String> secretColumns = List.of("password", "password_hash", "api_key", "secret",
        "session_token", "refresh_token", "private_key", "credentials", "\"authToken\"");
    List<String> plainColumns = List.of("id", "name", "email", "created_at", "status", "author");
    qt().withFixedSeed(18L).withExamples(EXAMPLES).forAll(scenarios()).checkAssert(p -> {
      cases.incrementAndGet();
      Redactor redactor = Redactor.forBundle(RedactionConfig.DEFAULT);
      List<String> columns = new ArrayList<>();
      List<Boolean> secret = new ArrayList<>();
      for (int i = 0, n = 1 + p.random().nextInt(5); i < n; i++) {
        boolean s = p.random().nextBoolean();
        String c = s ? p.pick(secretColumns) : p.pick(plainColumns);
        columns.add(p.random().nextBoolean() ? c : c.toUpperCase(java.util.Locale.ROOT));
        secret.add(s);
      }
      String sql;
      int shape = p.random().nextInt(3);
      if (shape == 0) {
        sql = "INSERT INTO t (" + String.join(", ", columns) + ") VALUES ("
            + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
      } else if (shape == 1) {
        sql = "UPDATE t SET " + String.join(", ",
            columns.stream().map(c -> c + " = ?").toList()) + " WHERE id = 42";
      } else {
        sql = "SELECT * FROM t WHERE " + String.join(p.random().nextBoolean() ? " AND " : " OR ",
            columns.stream().map(c -> "lower(" + c + ") = ?").toList());
      }
      List<dev.reprokit.event.BindValue> binds = new ArrayList<>();
      for (int i = 0; i < columns.size(); i++) {
        Object value = secret.get(i) ? p.anySecret() : p.word();
        binds.add(new dev.reprokit.event.BindValue(i + 1, null, "setString", 12, value));
      }
      // the same values as literals in a plain statement
      String[] pieces = sql.split("\\?", -1);
      StringBuilder literal = new StringBuilder(pieces[0]);
      for (int i = 0; i < binds.size(); i++) {
        literal.append('\'').append(((String) binds.get(i).value()).replace("'", "''"))
            .append('\'').append(pieces[i + 1]);
      }
      dev.reprokit.event.JdbcStatementEvent prepared = new dev.reprokit.event.JdbcStatementEvent(
          1, 0, 0, 0, "main", null, "c", "s", "prepared", "executeUpdate", sql, binds, List.of(),
          1, List.of(), List.of(), null, List.of(), null);
      dev.reprokit.event.JdbcStatementEvent red =
          (dev.reprokit.event.JdbcStatementEvent) redactor.redact(prepared);
      p.assertNoneLeaks(red.toString());
      assertThat(red.sql()).isEqualTo(sql);
      for (int i = 0; i < binds.size(); i++) {
        Object v = red.binds().get(i).value();
        if (secret.get(i)) {
          assertThat(v).isEqualTo(redactor.pseudonym((String) binds.get(i).value()));
        } else {
          assertThat(v).isEqualTo(binds.get(i).value());
        }
      }
      String redLiteral = redactor.redactSql(literal.toString());
      p.assertNoneLeaks(redLiteral);
      for (int i = 0; i < binds.size(); i++) {
        if (!secret.get(i)) {
          assertThat(redLiteral).contains("'" + ((String) binds.get(i).value()).replace("'", "''") + "'");
        }
      }
    });
  }

  @Test
  void noRuleFailsOnArbitraryInput() {
    String alphabet = "aZ09 =:;&?#@/%+-_.,'\"\\<>{}[]()\n\r\t‹›é€☃\u0000"
        + "Bearer eyJ -----BEGIN X----- jdbc: https:// password token key ";
    List<String> types = java.util.Arrays.asList(null, "application/json", "text/plain",
        "application/x-www-form-urlencoded", "multipart/form-data; boundary=b",
        "text/xml; charset=UTF-16", "application/octet-stream", "bogus/type; charset=nope");
    qt().withFixedSeed(19L).withExamples(EXAMPLES).forAll(scenarios()).checkAssert(p -> {
      cases.incrementAndGet();
      java.util.Random r = p.random();
      StringBuilder sb = new StringBuilder();
      for (int i = 0, n = r.nextInt(120); i < n; i++) {
        if (r.nextInt(8) == 0) {
          int start = r.nextInt(alphabet.length() - 6);
          sb.append(alphabet, start, start + 6);
        } else {
          sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
      }
      String s = sb.toString();
      Redactor redactor = Redactor.forBundle(RedactionConfig.builder()
          .secretPattern("[0-9]{3,}").secretJsonPointer("/a/*").secretField("x").build());
      redactor.redactText(s);
      redactor.redactUrl(s);
      redactor.redactJdbcUrl(s);
      redactor.redactSql(s);
      redactor.redactNamedValue(s, s);
      redactor.redactHeaderValue(p.pick(List.of("Authorization", "Cookie", "Set-Cookie", "X-Api-Key",
          "Location", "X-Other")), s);
      redactor.redactArgument("-D" + s);
      redactor.redactBody(p.pick(types), s.getBytes(UTF_8));
      redactor.redactBody("application/json", ("{\"a\": [\"" + s + "\"], \"password\": 1}").getBytes(UTF_8));
      assertThat(redactor.faults()).as("faults for input %s", s).isZero();
    });
  }

  @Test
  void equalSecretsGetEqualPseudonymsEverywhereInABundle() {
    qt().withFixedSeed(16L).withExamples(EXAMPLES).forAll(scenarios()).checkAssert(p -> {
      cases.incrementAndGet();
      Redactor redactor = Redactor.forBundle(RedactionConfig.DEFAULT);
      String secret = p.token();
      String pseudonym = redactor.pseudonym(secret);
      assertThat(redactor.redactHeaderValue("X-Api-Key", secret)).isEqualTo(pseudonym);
      assertThat(redactor.redactHeaderValue("Authorization", "Bearer " + secret))
          .isEqualTo("Bearer " + pseudonym);
      assertThat(redactor.redactNamedValue("DB_PASSWORD", secret)).isEqualTo(pseudonym);
      assertThat(redactor.redactText("sent Bearer " + secret)).isEqualTo("sent Bearer " + pseudonym);
      assertThat(redactor.redactUrl("https://h/?token=" + secret))
          .isEqualTo("https://h/?token=" + pseudonym);
      assertThat(new String(redactor.redactBody("application/json",
          ("{\"password\":\"" + secret + "\"}").getBytes(UTF_8)), UTF_8))
          .isEqualTo("{\"password\":\"" + pseudonym + "\"}");
      String other = p.token();
      if (!other.equals(secret)) {
        assertThat(redactor.pseudonym(other)).isNotEqualTo(pseudonym);
      }
    });
  }

  @Test
  void pseudonymsAreStableAcrossBundlesOnlyWithASuppliedKey() {
    qt().withFixedSeed(17L).withExamples(EXAMPLES).forAll(scenarios()).checkAssert(p -> {
      cases.incrementAndGet();
      String secret = p.anySecret();
      byte[] key = new byte[32];
      p.random().nextBytes(key);
      RedactionConfig keyed = RedactionConfig.builder().pseudonymKey(key).build();
      assertThat(Redactor.forBundle(keyed).pseudonym(secret))
          .isEqualTo(Redactor.forBundle(keyed).pseudonym(secret))
          .doesNotContain(secret);
      assertThat(Redactor.forBundle(RedactionConfig.DEFAULT).pseudonym(secret))
          .isNotEqualTo(Redactor.forBundle(RedactionConfig.DEFAULT).pseudonym(secret));
    });
  }
}

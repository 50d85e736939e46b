package dev.reprokit.redact;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Text, URL, header, JDBC URL, named value and pseudonym rules, one behaviour per test. */
class RedactorTest {
  private static final String PSEUDONYM = "‹redacted:[0-9a-f]{8}›";

  private final Redactor redactor = Redactor.forBundle(RedactionConfig.DEFAULT);

  // ------------------------------------------------------------------ pseudonyms

  @Test
  void pseudonymIsKeyedHmacPrefix() {
    assertThat(redactor.pseudonym("hunter2")).matches(PSEUDONYM);
  }

  @Test
  void equalSecretsGetEqualPseudonymsWithinABundle() {
    assertThat(redactor.redactHeaderValue("X-Api-Key", "k-123456"))
        .isEqualTo(redactor.redactNamedValue("API_KEY", "k-123456"))
        .isEqualTo(redactor.pseudonym("k-123456"));
    assertThat(redactor.pseudonym("a")).isNotEqualTo(redactor.pseudonym("b"));
  }

  @Test
  void pseudonymsDifferAcrossBundlesWithRandomKeys() {
    Redactor other = Redactor.forBundle(RedactionConfig.DEFAULT);
    assertThat(other.pseudonym("hunter2")).isNotEqualTo(redactor.pseudonym("hunter2"));
  }

  @Test
  void suppliedKeyGivesStablePseudonymsAcrossBundles() {
    byte[] key = "0123456789abcdef0123456789abcdef".getBytes(UTF_8);
    RedactionConfig config = RedactionConfig.builder().pseudonymKey(key).build();
    Redactor first = Redactor.forBundle(config);
    Redactor second = Redactor.forBundle(config);
    assertThat(first.pseudonym("hunter2")).isEqualTo(second.pseudonym("hunter2"));
    // HMAC-SHA256 under the key, first 4 bytes in hex
    assertThat(first.pseudonym("hunter2")).isEqualTo("‹redacted:" + hmacPrefix(key, "hunter2") + "›");
  }

  private static String hmacPrefix(byte[] key, String secret) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
      byte[] h = mac.doFinal(secret.getBytes(UTF_8));
      return String.format("%02x%02x%02x%02x", h[0], h[1], h[2], h[3]);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  // ------------------------------------------------------------------ headers

  @Test
  void authorizationHeaderKeepsSchemeAndLosesCredentials() {
    String basic = "Basic " + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(UTF_8));
    String red = redactor.redactHeaderValue("Authorization", basic);
    assertThat(red).matches("Basic " + PSEUDONYM).doesNotContain("YWxpY2U");
    assertThat(redactor.redactHeaderValue("proxy-authorization", "Bearer abc.def"))
        .matches("Bearer " + PSEUDONYM);
    assertThat(redactor.summary().replaced("header.authorization")).isEqualTo(2);
  }

  @Test
  void cookieValuesAreReplacedAndNamesKept() {
    String red = redactor.redactHeaderValue("Cookie", "SID=abc123; theme=dark");
    assertThat(red).matches("SID=" + PSEUDONYM + "; theme=" + PSEUDONYM);
    String set = redactor.redactHeaderValue("Set-Cookie", "SID=abc123; Path=/; HttpOnly; Secure");
    assertThat(set).matches("SID=" + PSEUDONYM + "; Path=/; HttpOnly; Secure");
    assertThat(redactor.summary().replaced("header.cookie")).isEqualTo(3);
    String folded = redactor.redactHeaderValue("Set-Cookie",
        "a=Ck1; Expires=Wed, 21 Oct 2026 07:28:00 GMT; Path=/, b=Ck2; Path=/");
    assertThat(folded).doesNotContain("Ck1", "Ck2").contains("Expires=Wed, 21 Oct 2026 07:28:00 GMT");
  }

  @Test
  void secretHeadersAreReplacedWhole() {
    for (String name : new String[] {"X-Api-Key", "x-auth-token", "X-CSRF-Token", "X-XSRF-TOKEN",
        "X-Amz-Security-Token", "x-goog-api-key", "X-Tenant-Secret", "X-Service-Auth", "Api-Key"}) {
      assertThat(redactor.redactHeaderValue(name, "value-1234")).as(name).matches(PSEUDONYM);
    }
  }

  @Test
  void ordinaryHeadersAndChallengesAreKept() {
    assertThat(redactor.redactHeaderValue("Content-Type", "application/json")).isEqualTo("application/json");
    assertThat(redactor.redactHeaderValue("WWW-Authenticate", "Bearer realm=\"api\", error=\"invalid_token\""))
        .isEqualTo("Bearer realm=\"api\", error=\"invalid_token\"");
    assertThat(redactor.redactHeaderValue("Access-Control-Allow-Credentials", "true")).isEqualTo("true");
    assertThat(redactor.redactHeaderValue("X-Request-Id", "42")).isEqualTo("42");
  }

  @Test
  void locationHeaderUrlLosesSecretParameters() {
    assertThat(redactor.redactHeaderValue("Location", "https://app/cb?code=AUTHCODE1&state=xyz"))
        .startsWith("https://app/cb?code=‹redacted:").endsWith("›&state=xyz");
  }

  @Test
  void userHeaderIsReplacedWhole() {
    Redactor r = Redactor.forBundle(RedactionConfig.builder().secretHeader("X-Tenant-Signature").build());
    assertThat(r.redactHeaderValue("x-tenant-signature", "abc")).matches(PSEUDONYM);
    assertThat(r.summary().replaced("user.header")).isEqualTo(1);
  }

  /** What a header name means is remembered per redactor, never across configurations. */
  @Test
  void headerNamesAreJudgedAlikeEveryTimeAndPerConfiguration() {
    Redactor a = Redactor.forBundle(RedactionConfig.builder().secretHeader("X-A").build());
    Redactor b = Redactor.forBundle(RedactionConfig.builder().secretHeader("X-B").build());
    for (int i = 0; i < 3; i++) {
      assertThat(a.redactHeaderValue("X-A", "abc" + i)).matches(PSEUDONYM);
      assertThat(b.redactHeaderValue("X-A", "abc" + i)).isEqualTo("abc" + i);
      assertThat(b.redactHeaderValue("x-b", "abc" + i)).matches(PSEUDONYM);
      assertThat(a.redactHeaderValue("x-b", "abc" + i)).isEqualTo("abc" + i);
      assertThat(b.redactHeaderValue(" Authorization ", "Basic dXNlcjpwYXNz" + i))
          .startsWith("Basic ‹redacted:");
      assertThat(b.redactHeaderValue("Accept", "application/json")).isEqualTo("application/json");
      assertThat(b.redactHeaderValue("x-auth-token", "t" + i)).matches(PSEUDONYM);
    }
    assertThat(a.summary().replaced("user.header")).isEqualTo(3);
    assertThat(b.summary().replaced("user.header")).isEqualTo(3);
  }

  // ------------------------------------------------------------------ URLs

  @Test
  void urlUserInfoPasswordIsReplacedAndUserKept() {
    String red = redactor.redactUrl("https://alice:pa55word@example.com/x");
    assertThat(red).startsWith("https://alice:‹redacted:").endsWith("›@example.com/x")
        .doesNotContain("pa55word");
  }

  @Test
  void urlLoneUserInfoIsTreatedAsToken() {
    assertThat(redactor.redactUrl("https://ghp_abcdef123456@github.com/org/repo.git"))
        .doesNotContain("ghp_abcdef123456").endsWith("@github.com/org/repo.git");
  }

  @Test
  void secretQueryParametersAreReplaced() {
    String url = "https://api.example.com/v1/items?page=2&access_token=AT-1&api_key=K-2&sig=S-3"
        + "&code=C-4&Password=P-5&client_secret=CS-6&sort=asc#frag";
    String red = redactor.redactUrl(url);
    assertThat(red).doesNotContain("AT-1", "K-2", "S-3", "C-4", "P-5", "CS-6")
        .contains("page=2", "sort=asc", "#frag");
    assertThat(redactor.summary().replaced("query.param")).isEqualTo(6);
  }

  @Test
  void fragmentTokensAreReplaced() {
    assertThat(redactor.redactUrl("https://app/#access_token=TOK-99&token_type=bearer"))
        .doesNotContain("TOK-99").contains("token_type=");
  }

  @Test
  void percentEncodedSecretGetsThePseudonymOfItsDecodedValue() {
    String red = redactor.redactUrl("https://h/?password=p%40ss");
    assertThat(red).isEqualTo("https://h/?password=" + redactor.pseudonym("p@ss"));
    assertThat(java.net.URI.create(red).getQuery()).isEqualTo("password=" + redactor.pseudonym("p@ss"));
  }

  @Test
  void userQueryParameterIsReplaced() {
    Redactor r = Redactor.forBundle(RedactionConfig.builder().secretQueryParameter("ticket").build());
    assertThat(r.redactUrl("/a?ticket=T1&b=2")).doesNotContain("T1").contains("b=2");
    assertThat(r.summary().replaced("user.query-param")).isEqualTo(1);
  }

  // ------------------------------------------------------------------ text

  @Test
  void pemBlockIsReplacedAndLabelsKept() {
    String pem = "key:\n-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n"
        + "-----END PRIVATE KEY-----\nrest";
    String red = redactor.redactText(pem);
    assertThat(red).doesNotContain("MIIEvQ").contains("-----BEGIN PRIVATE KEY-----",
        "-----END PRIVATE KEY-----", "rest");
  }

  @Test
  void truncatedPemBlockIsReplacedToTheEnd() {
    assertThat(redactor.redactText("-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA7"))
        .doesNotContain("MIIEpAIBAAKCAQEA7");
  }

  @Test
  void jwtKeepsHeaderAndClaimsButLosesSignature() {
    String header = "eyJhbGciOiJIUzI1NiJ9";
    String claims = "eyJzdWIiOiIxMjM0NTY3ODkwIn0";
    String sig = "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
    String red = redactor.redactText("token was " + header + "." + claims + "." + sig + " ok");
    assertThat(red).contains(header + "." + claims + ".‹redacted:").doesNotContain(sig).endsWith("› ok");
    assertThat(redactor.summary().replaced("text.jwt-signature")).isEqualTo(1);
  }

  @Test
  void bearerTokenInTextIsReplaced() {
    assertThat(redactor.redactText("sent Bearer abc-DEF_123.xyz~ to server"))
        .matches("sent Bearer " + PSEUDONYM + " to server");
    assertThat(redactor.redactText("{\"h\":\"Bearer dXNlcg==\"}")).doesNotContain("dXNlcg");
  }

  @Test
  void uriCredentialsInTextAreReplaced() {
    String red = redactor.redactText("connect failed: amqp://guest:Gu3st!pw@rabbit:5672/vhost");
    assertThat(red).doesNotContain("Gu3st!pw").contains("amqp://guest:", "@rabbit:5672/vhost");
  }

  @Test
  void secretKeyValuePairsInTextAreReplaced() {
    String red = redactor.redactText(
        "login password=hunter2, apiKey: 'k-77', \"client_secret\":\"cs-88\" <token>tk-99</token> user=bob");
    assertThat(red).doesNotContain("hunter2", "k-77", "cs-88", "tk-99").contains("user=bob");
  }

  @Test
  void authorizationInTextLosesCredentialsNotTheScheme() {
    String red = redactor.redactText("headers: Authorization: Basic YWxpY2U6czNjcmV0");
    assertThat(red).doesNotContain("YWxpY2U6czNjcmV0").contains("Authorization: Basic ‹redacted:");
  }

  @Test
  void userRegexReplacesGroupOneOrTheWholeMatch() {
    Redactor r = Redactor.forBundle(RedactionConfig.builder()
        .secretPattern("\\bACCT-[0-9]{6}\\b").secretPattern("pin (\\d{4})").build());
    String red = r.redactText("acct ACCT-123456 pin 9876");
    assertThat(red).matches("acct " + PSEUDONYM + " pin " + PSEUDONYM);
    assertThat(r.summary().replaced("user.regex")).isEqualTo(2);
  }

  @Test
  void plainTextIsUnchanged() {
    String text = "GET /orders/42 took 12 ms; author=alice; keyword=shoes; the bearer of news";
    assertThat(redactor.redactText(text)).isEqualTo(text.replace("of news", "of news"));
  }

  // ------------------------------------------------------------------ JDBC URLs

  @Test
  void jdbcUrlPasswordsAreReplacedForEveryDriverSyntax() {
    String[] urls = {
      "jdbc:postgresql://db:5432/app?user=app&password=PgPw1&ssl=true",
      "jdbc:mariadb://db:3306/app?user=root&password=MaPw2",
      "jdbc:mysql://db/app;password=MyPw3;user=x",
      "jdbc:h2:mem:test;USER=sa;PASSWORD=H2Pw4;MODE=PostgreSQL",
      "jdbc:mysql://root:MyPw5@db:3306/app",
      "jdbc:oracle:thin:scott/OrPw6@db:1521:orcl",
      "jdbc:sqlserver://db;user=sa;password={Sq;Pw7};encrypt=true",
      "jdbc:postgresql://db/app?sslpassword=PgPw8&pwd=PgPw9",
      "jdbc:repro:postgresql://db/app?password=RpPw10",
    };
    for (String url : urls) {
      String red = redactor.redactJdbcUrl(url);
      assertThat(red).as(url).doesNotContainPattern("[A-Za-z]{2}Pw\\d").contains("‹redacted:");
    }
    assertThat(redactor.redactJdbcUrl(urls[0])).startsWith("jdbc:postgresql://db:5432/app?user=app&password=")
        .endsWith("&ssl=true");
    assertThat(redactor.redactJdbcUrl(urls[3])).contains(";USER=sa;PASSWORD=‹redacted:").endsWith(";MODE=PostgreSQL");
  }

  @Test
  void jdbcUrlsQuotedInTextLoseTheirPasswords() {
    String red = redactor.redactText("Listener refused jdbc:oracle:thin:scott/OrPw7@db:1521:orcl, retrying");
    assertThat(red).doesNotContain("OrPw7").startsWith("Listener refused jdbc:oracle:thin:scott/‹redacted:")
        .endsWith("@db:1521:orcl, retrying");
  }

  // ------------------------------------------------------------------ named values

  @Test
  void secretNamedValuesAreReplacedWhole() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("DB_PASSWORD", "p1");
    env.put("AWS_SECRET_ACCESS_KEY", "p2");
    env.put("GITHUB_TOKEN", "p3");
    env.put("GOOGLE_APPLICATION_CREDENTIALS", "p4");
    env.put("BASIC_AUTH", "p5");
    env.put("signing.private", "p6");
    env.put("JAVA_HOME", "/usr/lib/jvm");
    env.put("author", "alice");
    Map<String, String> red = redactor.redactNamedValues(env);
    assertThat(red.values()).doesNotContain("p1", "p2", "p3", "p4", "p5", "p6")
        .contains("/usr/lib/jvm", "alice");
    assertThat(redactor.summary().replaced("named.secret")).isEqualTo(6);
  }

  @Test
  void namedUrlValuesLoseTheirCredentials() {
    assertThat(redactor.redactNamedValue("DATABASE_URL", "postgres://app:DbPw@db/app"))
        .doesNotContain("DbPw").startsWith("postgres://app:");
    assertThat(redactor.redactNamedValue("spring.datasource.url", "jdbc:h2:mem:x;PASSWORD=HPw"))
        .doesNotContain("HPw");
  }

  @Test
  void jvmArgumentsAreRedactedByName() {
    assertThat(redactor.redactArgument("-Djavax.net.ssl.keyStorePassword=changeit")).doesNotContain("changeit")
        .startsWith("-Djavax.net.ssl.keyStorePassword=");
    assertThat(redactor.redactArgument("-Xmx512m")).isEqualTo("-Xmx512m");
  }

  @Test
  void secretNameTestMatchesTheDocumentedWords() {
    for (String name : new String[] {"password", "user_password", "passwd", "PWD", "client_secret",
        "sessionId", "JSESSIONID", "authToken", "Authorization", "oauth_state", "api_key",
        "apikey", "X-Api-Key", "access_key", "private_key", "credentials", "privateKey", "ssh-key",
        "signingKey", "keys", "PRIVATE"}) {
      assertThat(redactor.isSecretName(name)).as(name).isTrue();
    }
    for (String name : new String[] {"author", "authority", "keyword", "keyspace", "username",
        "email", "id", "created_at", "JAVA_HOME", "monkeypatch", null, ""}) {
      assertThat(redactor.isSecretName(name)).as(String.valueOf(name)).isFalse();
    }
  }

  @Test
  void userFieldNameMakesNamesSecret() {
    Redactor r = Redactor.forBundle(RedactionConfig.builder().secretField("IBAN").build());
    assertThat(r.isSecretName("iban")).isTrue();
    assertThat(r.redactNamedValue("Iban", "DE89370400440532013000")).matches(PSEUDONYM);
    assertThat(r.summary().replaced("user.field")).isEqualTo(1);
  }

  // ------------------------------------------------------------------ summary

  @Test
  void summaryListsEveryRuleThatRanWithItsCount() {
    redactor.redactHeaderValue("Authorization", "Bearer x");
    RedactionSummary s = redactor.summary();
    assertThat(s.enabled()).isTrue();
    assertThat(s.rules()).extracting(RedactionSummary.RuleCount::rule)
        .containsExactlyElementsOf(RedactionConfig.ruleNames().stream()
            .filter(n -> !n.startsWith("user.")).toList());
    assertThat(s.replaced("header.authorization")).isEqualTo(1);
    assertThat(s.replaced("header.cookie")).isZero();
  }

  @Test
  void disabledRuleDoesNotRunAndIsNotListed() {
    Redactor r = Redactor.forBundle(RedactionConfig.builder().disableRule("header.cookie").build());
    assertThat(r.redactHeaderValue("Cookie", "a=b")).isEqualTo("a=b");
    assertThat(r.summary().rules()).extracting(RedactionSummary.RuleCount::rule)
        .doesNotContain("header.cookie").contains("header.authorization");
  }

  @Test
  void disabledRedactionReturnsInputsAndSaysSo() {
    Redactor r = Redactor.forBundle(RedactionConfig.disabled());
    assertThat(r.redactHeaderValue("Authorization", "Basic abc")).isEqualTo("Basic abc");
    assertThat(r.redactJdbcUrl("jdbc:h2:mem:x;PASSWORD=p")).isEqualTo("jdbc:h2:mem:x;PASSWORD=p");
    byte[] body = "{\"password\":\"p\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(r.redactBody("application/json", body)).isSameAs(body);
    assertThat(r.summary()).isEqualTo(new RedactionSummary(false, java.util.List.of()));
  }
}

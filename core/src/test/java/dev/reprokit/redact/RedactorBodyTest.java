package dev.reprokit.redact;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Bodies by content type: JSON, form, other text, binary; fallbacks never throw. */
class RedactorBodyTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Redactor redactor = Redactor.forBundle(RedactionConfig.DEFAULT);

  private String body(String contentType, String body) {
    return new String(redactor.redactBody(contentType, body.getBytes(UTF_8)), UTF_8);
  }

  @Test
  void jsonSecretFieldsAreReplacedAtAnyDepthAndTheRestKeptByteForByte() throws Exception {
    String json = "{ \"user\" : \"bob\",\n  \"password\":\"hunter2\", \"n\": 1.50,\n"
        + "  \"nested\": {\"deeper\": [ {\"client_secret\": \"cs1\"}, {\"sessionId\": 12345} ]},\n"
        + "  \"authToken\": \"at1\", \"note\": \"caf\\u00e9 \\\"quoted\\\"\" }";
    String red = body("application/json; charset=utf-8", json);
    assertThat(red).doesNotContain("hunter2", "cs1", "12345", "at1");
    // everything but the replaced values is kept as it was, whitespace and escapes included
    assertThat(red).startsWith("{ \"user\" : \"bob\",\n  \"password\":\"‹redacted:")
        .contains("\"n\": 1.50,\n", "\"note\": \"caf\\u00e9 \\\"quoted\\\"\" }");
    JsonNode node = JSON.readTree(red);
    assertThat(node.get("user").asText()).isEqualTo("bob");
    assertThat(node.at("/nested/deeper/1/sessionId").asText()).startsWith("‹redacted:");
    assertThat(redactor.summary().replaced("body.json-field")).isEqualTo(4);
  }

  @Test
  void jsonSubtreeUnderSecretNameIsReplacedLeafByLeaf() throws Exception {
    String red = body("application/json",
        "{\"credentials\": {\"user\": \"u1\", \"pin\": 1234, \"roles\": [\"a\", \"b\"], \"on\": true, \"x\": null}}");
    JsonNode c = JSON.readTree(red).get("credentials");
    assertThat(c.get("user").asText()).startsWith("‹redacted:");
    assertThat(c.get("pin").asText()).startsWith("‹redacted:");
    assertThat(c.get("roles").get(1).asText()).startsWith("‹redacted:");
    assertThat(c.get("on").asBoolean()).isTrue();
    assertThat(c.get("x").isNull()).isTrue();
  }

  @Test
  void jsonStringsGetTextRules() throws Exception {
    String red = body("application/vnd.api+json",
        "[{\"msg\": \"use Bearer tok-123456 now\"}, \"postgres://u:DbPw99@h/db\"]");
    assertThat(red).doesNotContain("tok-123456", "DbPw99");
    assertThat(JSON.readTree(red).isArray()).isTrue();
  }

  @Test
  void jsonPointerRuleReplacesTheValueThereAndBelow() throws Exception {
    Redactor r = Redactor.forBundle(RedactionConfig.builder()
        .secretJsonPointer("/customer/card").secretJsonPointer("/items/*/ssn").build());
    String red = new String(r.redactBody("application/json",
        ("{\"customer\": {\"name\": \"Ann\", \"card\": {\"number\": \"4111\", \"cvc\": 123}},"
            + " \"items\": [{\"ssn\": \"111-22-3333\"}, {\"ssn\": \"444-55-6666\", \"k\": \"v\"}]}")
            .getBytes(UTF_8)), UTF_8);
    assertThat(red).doesNotContain("4111", "123,", "111-22-3333", "444-55-6666")
        .contains("\"name\": \"Ann\"", "\"k\": \"v\"");
    assertThat(r.summary().replaced("user.json-pointer")).isEqualTo(4);
  }

  @Test
  void jsonWithoutSecretsIsReturnedAsTheSameBytes() {
    byte[] body = "{\"a\": [1, 2, {\"b\": \"c\"}]}".getBytes(UTF_8);
    assertThat(redactor.redactBody("application/json", body)).isSameAs(body);
  }

  @Test
  void truncatedJsonFallsBackToTextRulesAndKeepsWhatWasFound() {
    String red = body("application/json",
        "{\"password\": \"pw-1\", \"list\": [{\"x\": 1}, {\"api_key\": \"k-2\", \"more\": \"tru");
    assertThat(red).doesNotContain("pw-1", "k-2");
  }

  @Test
  void brokenJsonFallsBackToTextRulesNeverThrows() {
    String red = body("application/json", "not json at all: token=tk-3 and {\"secret\": 'sv-4'");
    assertThat(red).doesNotContain("tk-3", "sv-4").startsWith("not json at all: token=");
  }

  @Test
  void jsonIsSniffedWhenTheContentTypeIsMissing() {
    assertThat(body(null, "  {\"pwd\": \"pw-5\"}")).doesNotContain("pw-5");
  }

  @Test
  void formBodyFieldsAreReplacedAndNamesKept() {
    String red = body("application/x-www-form-urlencoded; charset=UTF-8",
        "grant_type=password&username=bob&password=p%40ss&client_secret=cs-6&code=C7&scope=a+b");
    assertThat(red).startsWith("grant_type=password&username=bob&password=%E2%80%B9redacted:")
        .doesNotContain("p%40ss", "cs-6", "C7").endsWith("&scope=a+b");
    assertThat(red).contains("password=" + redactor.pseudonym("p@ss")
        .replace("‹", "%E2%80%B9").replace("›", "%E2%80%BA"));
    assertThat(redactor.summary().replaced("body.form-field")).isEqualTo(3);
  }

  @Test
  void mislabelledFormBodyStillGetsTextRules() {
    String red = body("application/x-www-form-urlencoded",
        "note -----BEGIN PRIVATE KEY-----\nMIIEvQIBADAN=\n-----END PRIVATE KEY----- and apiKey: Mk-11");
    assertThat(red).doesNotContain("MIIEvQIBADAN", "Mk-11");
    assertThat(body("application/x-www-form-urlencoded", "flag&Bearer%20Tk-12345&a=1"))
        .doesNotContain("Tk-12345").endsWith("&a=1");
  }

  @Test
  void multipartPartsWithSecretNamesAreReplacedAndBinaryPartsKept() {
    String crlf = "\r\n";
    String body = "--XyZ" + crlf
        + "Content-Disposition: form-data; name=\"username\"" + crlf + crlf + "bob" + crlf
        + "--XyZ" + crlf
        + "Content-Disposition: form-data; name=\"password\"" + crlf + crlf + "MpPw-1" + crlf
        + "--XyZ" + crlf
        + "Content-Disposition: form-data; name=\"meta\"" + crlf
        + "Content-Type: application/json" + crlf + crlf + "{\"token\": \"MpTok-2\"}" + crlf
        + "--XyZ" + crlf
        + "Content-Disposition: form-data; name=\"file\"; filename=\"a.bin\"" + crlf
        + "Content-Type: application/octet-stream" + crlf + crlf + "\u0000password=raw" + crlf
        + "--XyZ--" + crlf;
    String red = body("multipart/form-data; boundary=XyZ", body);
    assertThat(red).doesNotContain("MpPw-1", "MpTok-2")
        .contains("name=\"username\"" + crlf + crlf + "bob" + crlf)
        .contains("name=\"password\"" + crlf + crlf + "‹redacted:")
        .contains("\u0000password=raw" + crlf + "--XyZ--" + crlf);
    assertThat(redactor.summary().replaced("body.form-field")).isEqualTo(1);
    assertThat(redactor.summary().replaced("body.json-field")).isEqualTo(1);
  }

  @Test
  void textBodyGetsTextRulesAndKeepsOtherBytesExactly() {
    byte[] body = ("caf\u00e9 \u00ff password=hunter2 \u2603").getBytes(UTF_8);
    byte[] red = redactor.redactBody("text/plain", body);
    String s = new String(red, UTF_8);
    assertThat(s).startsWith("caf\u00e9 \u00ff password=‹redacted:").endsWith("› \u2603")
        .doesNotContain("hunter2");
  }

  @Test
  void latin1TextBodyKeepsItsBytes() {
    byte[] body = "d\u00e9j\u00e0 token=tk-8".getBytes(ISO_8859_1);
    byte[] red = redactor.redactBody("text/plain; charset=ISO-8859-1", body);
    assertThat(new String(red, ISO_8859_1)).startsWith("d\u00e9j\u00e0 token=").doesNotContain("tk-8");
  }

  @Test
  void utf16TextBodyIsDecodedAndReencoded() {
    byte[] body = "Bearer tok-utf16-9".getBytes(StandardCharsets.UTF_16);
    byte[] red = redactor.redactBody("text/plain; charset=UTF-16", body);
    assertThat(new String(red, StandardCharsets.UTF_16)).startsWith("Bearer ‹redacted:")
        .doesNotContain("tok-utf16-9");
  }

  @Test
  void xmlBodyElementsWithSecretNamesAreReplaced() {
    String red = body("application/soap+xml",
        "<login><user>bob</user><wsse:Password Type=\"x\">pw-10</wsse:Password></login>");
    assertThat(red).doesNotContain("pw-10").contains("<user>bob</user>");
  }

  @Test
  void gzippedTextBodiesAreInflatedRedactedAndCompressedAgain() throws Exception {
    byte[] json = "{\"user\":\"bob\",\"password\":\"GzPw-1\"}".getBytes(UTF_8);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
      gz.write(json);
    }
    byte[] gzipped = out.toByteArray();
    byte[] red = redactor.redactBody("application/json", gzipped);
    String inflated = new String(new java.util.zip.GZIPInputStream(
        new java.io.ByteArrayInputStream(red)).readAllBytes(), UTF_8);
    assertThat(inflated).startsWith("{\"user\":\"bob\",\"password\":\"‹redacted:").doesNotContain("GzPw-1");
    // cut by a size cap: what can be inflated is still redacted
    byte[] cut = java.util.Arrays.copyOf(gzipped, gzipped.length - 8);
    String inflatedCut = new String(new java.util.zip.GZIPInputStream(
        new java.io.ByteArrayInputStream(redactor.redactBody("application/json", cut))).readAllBytes(), UTF_8);
    assertThat(inflatedCut).doesNotContain("GzPw-1");
    byte[] plain = "{\"a\":1}".getBytes(UTF_8);
    java.io.ByteArrayOutputStream out2 = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out2)) {
      gz.write(plain);
    }
    byte[] unchanged = out2.toByteArray();
    assertThat(redactor.redactBody("application/json", unchanged)).isSameAs(unchanged);
  }

  @Test
  void binaryBodiesAreUntouched() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 'p', 'a', 's', 's', 'w', 'o', 'r', 'd', '=', 'x'};
    assertThat(redactor.redactBody("image/png", png)).isSameAs(png);
    assertThat(redactor.redactBody(null, png)).isSameAs(png);
    byte[] text = "password=x".getBytes(UTF_8);
    assertThat(redactor.redactBody("application/octet-stream", text)).isSameAs(text);
  }

  @Test
  void emptyAndNullBodiesAreReturnedAsGiven() {
    assertThat(redactor.redactBody("application/json", null)).isNull();
    byte[] empty = new byte[0];
    assertThat(redactor.redactBody("application/json", empty)).isSameAs(empty);
  }
}

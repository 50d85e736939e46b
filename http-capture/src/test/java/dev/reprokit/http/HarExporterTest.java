package dev.reprokit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.reprokit.event.Event;
import java.io.InputStream;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HarExporterTest {
  static List<Event> events;
  static JsonNode har;

  @BeforeAll
  static void export() throws Exception {
    try (LoopbackServer server = Recordings.server()) {
      events = Recordings.record(server);
    }
    har = new ObjectMapper().readTree(HarExporter.toHar(events));
  }

  static Schema schema() throws Exception {
    try (InputStream in = HarExporterTest.class.getResourceAsStream("/har-1.2.schema.json")) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
    }
  }

  @Test
  void exportedHarIsValidAgainstTheHar12Schema() throws Exception {
    assertThat(schema().validate(har)).isEmpty();
    assertThat(har.at("/log/entries")).hasSize(10);
  }

  @Test
  void schemaRejectsAHarWithoutRequiredFields() throws Exception {
    JsonNode broken = har.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) broken.at("/log/entries/0/response"))
        .remove("status");
    ((com.fasterxml.jackson.databind.node.ObjectNode) broken.at("/log/entries/1"))
        .remove("timings");
    assertThat(schema().validate(broken)).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void timingsAreConsistent() {
    for (JsonNode entry : har.at("/log/entries")) {
      JsonNode t = entry.get("timings");
      double sum = 0;
      for (String phase : List.of("blocked", "dns", "connect", "send", "wait", "receive")) {
        double v = t.get(phase).asDouble();
        if (v > 0) {
          sum += v;
        }
      }
      assertThat(entry.get("time").asDouble()).isCloseTo(sum, within(0.002));
      assertThat(entry.get("startedDateTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }
  }

  @Test
  void bodiesHeadersQueryAndExtrasAreExported() {
    JsonNode first = har.at("/log/entries/0");
    assertThat(first.at("/request/method").asText()).isEqualTo("GET");
    assertThat(first.at("/request/queryString/0/name").asText()).isEqualTo("q");
    assertThat(first.at("/request/queryString/0/value").asText()).isEqualTo("hello world");
    assertThat(first.at("/response/content/text").asText()).isEqualTo(ClassicCaptureTest.TEXT);
    assertThat(first.at("/_reprokit/attempts/0/kind").asText()).isEqualTo("initial");

    JsonNode gzip = har.at("/log/entries/1");
    assertThat(gzip.at("/response/content/text").asText()).isEqualTo("{\"ok\":true,\"items\":[1,2,3]}");
    assertThat(gzip.at("/_reprokit/contentEncoding").asText()).isEqualTo("gzip");
    assertThat(gzip.at("/response/cookies/0/name").asText()).isEqualTo("session");

    JsonNode binary = har.at("/log/entries/2");
    assertThat(binary.at("/response/content/encoding").asText()).isEqualTo("base64");
    assertThat(Base64.getDecoder().decode(binary.at("/response/content/text").asText()))
        .isEqualTo(Recordings.BINARY);

    JsonNode post = har.at("/log/entries/3");
    assertThat(post.at("/request/postData/mimeType").asText()).startsWith("application/json");
    assertThat(post.at("/request/postData/text").asText()).isEqualTo(Recordings.JSON_BODY);

    JsonNode form = har.at("/log/entries/5");
    assertThat(form.at("/request/postData/params/1/value").asText()).isEqualTo("a b&c");

    JsonNode redirect = har.at("/log/entries/8");
    assertThat(redirect.at("/_reprokit/attempts")).hasSize(2);
    assertThat(redirect.at("/_reprokit/attempts/1/kind").asText()).isEqualTo("redirect");
  }
}

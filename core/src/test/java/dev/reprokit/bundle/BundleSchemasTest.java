package dev.reprokit.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reprokit.event.Event;
import dev.reprokit.internal.json.ReproJson;
import dev.reprokit.testing.BundleSchemas;
import org.junit.jupiter.api.Test;

/** The schemas accept what the writer writes and reject what it never writes. */
class BundleSchemasTest {

  private static ObjectNode json(Event e) throws Exception {
    return (ObjectNode) ReproJson.mapper().readTree(
        ReproJson.mapper().writerFor(Event.class).writeValueAsBytes(e));
  }

  private static ObjectNode httpEvent() throws Exception {
    Event http = SampleSnapshots.everyEventType(10).stream()
        .filter(e -> e instanceof dev.reprokit.event.HttpExchangeEvent).findFirst().orElseThrow();
    return json(http);
  }

  @Test
  void everyEventTypeMatchesTheEventSchema() throws Exception {
    for (Event e : SampleSnapshots.everyEventType(10)) {
      assertThat(BundleSchemas.problems("event.schema.json", json(e))).as(e.toString()).isEmpty();
    }
  }

  @Test
  void unknownEventFieldIsRejected() throws Exception {
    ObjectNode http = httpEvent();
    http.put("surprise", 1);
    assertThat(BundleSchemas.problems("event.schema.json", http))
        .anyMatch(p -> p.contains("surprise"));
  }

  @Test
  void wrongFieldTypeIsRejected() throws Exception {
    ObjectNode http = httpEvent();
    http.put("status", "two hundred");
    assertThat(BundleSchemas.problems("event.schema.json", http)).isNotEmpty();
  }

  @Test
  void unknownEventTypeIsRejected() throws Exception {
    ObjectNode http = httpEvent();
    http.put("type", "smtp");
    assertThat(BundleSchemas.problems("event.schema.json", http)).isNotEmpty();
  }

  @Test
  void payloadWithBothDataAndEntryIsRejected() throws Exception {
    ObjectNode http = httpEvent();
    ((ObjectNode) http.get("requestBody")).put("entry", "payloads/1-requestBody.json");
    assertThat(BundleSchemas.problems("event.schema.json", http)).isNotEmpty();
  }

  @Test
  void failureWithoutTypeIsRejected() throws Exception {
    JsonNode failure = ReproJson.mapper().readTree("{\"message\":\"no type\"}");
    assertThat(BundleSchemas.problems("failure.schema.json", failure)).isNotEmpty();
  }

  @Test
  void manifestOfAnotherMajorVersionIsRejected() throws Exception {
    JsonNode manifest = ReproJson.mapper().readTree("{\"format\":\"reprokit.bundle\","
        + "\"version\":\"2.0\"}");
    assertThat(BundleSchemas.problems("manifest.schema.json", manifest))
        .anyMatch(p -> p.contains("version"));
  }
}

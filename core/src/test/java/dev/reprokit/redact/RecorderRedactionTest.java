package dev.reprokit.redact;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reprokit.CaptureResult;
import dev.reprokit.Recorder;
import dev.reprokit.RecorderConfig;
import dev.reprokit.event.Header;
import dev.reprokit.event.HttpExchangeEvent;
import dev.reprokit.event.Payload;
import dev.reprokit.testing.BundleSchemas;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end through the real recorder and bundle writer: the manifest shows what redaction did. */
class RecorderRedactionTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private Path capture(RedactionConfig redaction) {
    RecorderConfig config = RecorderConfig.builder().bundleDirectory(dir).redaction(redaction)
        .configuration(Map.of("db.password", "CfgPw1", "pool.size", "8")).build();
    try (Recorder recorder = Recorder.create(config)) {
      byte[] body = "{\"user\":\"bob\",\"password\":\"BodyPw1\"}".getBytes(UTF_8);
      recorder.record(new HttpExchangeEvent(recorder.nextSequence(), System.currentTimeMillis(),
          System.nanoTime(), 1, "main", null, "classic", "POST", "https://api/login?api_key=UrlKey1",
          "HTTP/1.1", List.of(new Header("Authorization", "Bearer HdrTok1"),
              new Header("Content-Type", "application/json")),
          Payload.of("application/json", body.length, body), 401, "Unauthorized", List.of(),
          null, null, 1, List.of(), null));
      CaptureResult result = recorder.capture("login failed for token=ReasonTok1",
          new IllegalStateException("bad credentials password=ErrPw1"));
      assertThat(result.written()).as(result.message()).isTrue();
      return result.bundle().orElseThrow();
    }
  }

  private static Map<String, String> entries(Path bundle) throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(bundle))) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        zip.transferTo(out);
        entries.put(e.getName(), out.toString(UTF_8));
      }
    }
    return entries;
  }

  @Test
  void authorizationHeaderNeverReachesBundle() throws Exception {
    Path bundle = capture(RedactionConfig.DEFAULT);
    BundleSchemas.assertValid(bundle);
    Map<String, String> entries = entries(bundle);
    String all = String.join("\n", entries.values());
    assertThat(all).doesNotContain("HdrTok1", "BodyPw1", "UrlKey1", "CfgPw1", "ReasonTok1", "ErrPw1")
        .contains("Bearer ‹redacted:");
    JsonNode redaction = JSON.readTree(entries.get("manifest.json")).get("redaction");
    assertThat(redaction.get("enabled").asBoolean()).isTrue();
    Map<String, Long> counts = new LinkedHashMap<>();
    redaction.get("rules").forEach(r -> counts.put(r.get("rule").asText(), r.get("replaced").asLong()));
    assertThat(counts).containsEntry("header.authorization", 1L).containsEntry("query.param", 1L)
        .containsEntry("body.json-field", 1L).containsEntry("named.secret", 1L)
        .containsKeys("text.pem", "jdbc.url-password");
  }

  @Test
  void explicitOptOutIsRecordedInTheManifest() throws Exception {
    Path bundle = capture(RedactionConfig.disabled());
    Map<String, String> entries = entries(bundle);
    JsonNode redaction = JSON.readTree(entries.get("manifest.json")).get("redaction");
    assertThat(redaction.get("enabled").asBoolean()).isFalse();
    assertThat(redaction.get("rules")).isEmpty();
    assertThat(entries.get("events.jsonl")).contains("HdrTok1");
  }
}

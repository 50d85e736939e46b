package dev.reprokit.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reprokit.CaptureResult;
import dev.reprokit.Recorder;
import dev.reprokit.RecorderConfig;
import dev.reprokit.bundle.Bundle;
import dev.reprokit.bundle.BundleReader;
import dev.reprokit.event.HttpExchangeEvent;
import dev.reprokit.redact.RedactionConfig;
import dev.reprokit.redact.Redactor;
import dev.reprokit.testing.BundleSchemas;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: capture real exchanges, write a bundle through the recorder, read it back. */
class BundleRoundTripTest {
  static final String TOKEN = "Bearer e2e-secret-token-9f8e7d";
  static final String API_KEY = "e2e-api-key-5c4b3a";
  static final String PASSWORD = "e2e-pass-0w0rd";

  record Written(Path bundle, List<String> answers) {}

  static Written captureAndWrite(Path dir) throws Exception {
    RecorderConfig config = RecorderConfig.builder()
        .bundleDirectory(dir)
        .automaticTriggers(Set.of())
        .build();
    try (Recorder recorder = Recorder.create(config);
        LoopbackServer server = Recordings.server();
        CloseableHttpClient client = ReproHttp.capture(HttpClients.custom(), recorder).build()) {
      HttpGet get = new HttpGet(server.url("/text?page=2&api_key=" + API_KEY));
      get.addHeader("Authorization", TOKEN);
      get.addHeader("X-Api-Key", API_KEY);
      String a = client.execute(get, r -> EntityUtils.toString(r.getEntity()));
      String b = client.execute(new HttpGet(server.url("/gzip")), r -> EntityUtils.toString(r.getEntity()));
      HttpPost post = new HttpPost(server.url("/echo"));
      post.addHeader("Authorization", TOKEN);
      post.setEntity(new StringEntity("{\"item\":\"book\",\"qty\":2}", ContentType.APPLICATION_JSON));
      String c = client.execute(post, r -> EntityUtils.toString(r.getEntity()));
      byte[] d = client.execute(new HttpGet(server.url("/binary")), r -> EntityUtils.toByteArray(r.getEntity()));
      assertThat(d).isEqualTo(Recordings.BINARY);
      String e = client.execute(new HttpGet(server.url("/error")), r -> r.getCode() + " " + EntityUtils.toString(r.getEntity()));
      client.execute(new HttpGet(server.url("/redirect")), r -> EntityUtils.toString(r.getEntity()));
      HttpPost form = new HttpPost(server.url("/echo?form=1"));
      form.setEntity(new StringEntity("user=ann&password=" + PASSWORD, ContentType.APPLICATION_FORM_URLENCODED));
      client.execute(form, r -> EntityUtils.toString(r.getEntity()));
      int refused;
      try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
        refused = s.getLocalPort();
      }
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.execute(
          new HttpGet("http://127.0.0.1:" + refused + "/down"), r -> r.getCode()))
          .isInstanceOf(java.net.ConnectException.class);
      CaptureResult result = recorder.capture("end-to-end test of HTTP capture");
      assertThat(result.written()).as(result.message()).isTrue();
      return new Written(result.path(), List.of(a, b, c, e));
    }
  }

  @Test
  void capturedExchangesMakeASchemaValidBundleThatReplays(@TempDir Path dir) throws Exception {
    Written written = captureAndWrite(dir);

    BundleSchemas.assertValid(written.bundle());
    Bundle bundle = BundleReader.create().read(written.bundle());
    List<HttpExchangeEvent> http = bundle.events().stream()
        .filter(HttpExchangeEvent.class::isInstance).map(HttpExchangeEvent.class::cast).toList();
    assertThat(http).hasSize(8);
    assertThat(http.get(5).attempts()).extracting(a -> a.kind()).containsExactly("initial", "redirect");
    assertThat(http.get(7).status()).isZero();
    assertThat(http.get(7).error().type()).endsWith("ConnectException");
    assertThat(http.get(1).contentEncoding()).isEqualTo("gzip");
    assertThat(http.get(3).responseBody().data()).isEqualTo(Recordings.BINARY);

    // the support engineer's loop: the bundle's exchanges answer the app again, offline
    try (CloseableHttpClient stub = HttpReplay.stubClient(bundle.events())) {
      String b = stub.execute(new HttpGet("http://anywhere/gzip"), r -> EntityUtils.toString(r.getEntity()));
      assertThat(b).isEqualTo(written.answers().get(1));
      String e = stub.execute(new HttpGet("http://anywhere/error"),
          r -> r.getCode() + " " + EntityUtils.toString(r.getEntity()));
      assertThat(e).isEqualTo(written.answers().get(3));
    }
    assertThat(HarExporter.toHar(bundle.events())).contains("\"entries\"");
  }

  @Test
  void authorizationHeaderAndApiKeyNeverReachTheBundle(@TempDir Path dir) throws Exception {
    Redactor probe = Redactor.forBundle(RedactionConfig.DEFAULT);
    boolean redactionLanded = !TOKEN.equals(probe.redactHeaderValue("Authorization", TOKEN));
    if (!redactionLanded) {
      System.out.println("SKIPPED authorizationHeaderAndApiKeyNeverReachTheBundle: the core"
          + " Redactor is still the placeholder that returns its input; this test runs once"
          + " redaction lands on main.");
    }
    Assumptions.assumeTrue(redactionLanded,
        "core redaction has not landed yet (Redactor is a placeholder)");
    Written written = captureAndWrite(dir);
    byte[] zip = Files.readAllBytes(written.bundle());
    String raw = new String(zip, StandardCharsets.ISO_8859_1);
    assertThat(raw).doesNotContain("e2e-secret-token").doesNotContain(API_KEY).doesNotContain(PASSWORD);
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(written.bundle()))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        assertThat(text).as(entry.getName()).doesNotContain("e2e-secret-token")
            .doesNotContain(API_KEY).doesNotContain(PASSWORD);
      }
    }
    // the redacted values become shell variables in the curl export, and match anything in replay
    List<dev.reprokit.event.Event> events = BundleReader.create().read(written.bundle()).events();
    String script = CurlExporter.toScript(events);
    // the header and the query carried the same key: one pseudonym, one variable
    assertThat(script).contains("Authorization: Bearer ${AUTH_TOKEN}", "X-Api-Key: ${API_KEY}",
        "api_key=${API_KEY}", "password=${PASSWORD}");
    try (CloseableHttpClient stub = HttpReplay.stubClient(events)) {
      HttpGet get = new HttpGet("http://anywhere/text?page=2&api_key=a-staging-key");
      int status = stub.execute(get, r -> r.getCode());
      assertThat(status).isEqualTo(200);
      HttpPost form = new HttpPost("http://anywhere/echo?form=1");
      form.setEntity(new StringEntity("user=ann&password=other", ContentType.APPLICATION_FORM_URLENCODED));
      int created = stub.execute(form, r -> r.getCode());
      assertThat(created).isEqualTo(201);
    }
  }
}

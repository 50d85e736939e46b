package dev.reprokit.http;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.reprokit.event.Event;
import dev.reprokit.event.HttpExchangeEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.Test;

/** Loads exported mappings into a real WireMock 3 server and gets the recorded answers back. */
class WireMockExporterTest {

  record Answer(int status, byte[] body) {}

  static Answer send(CloseableHttpClient client, String base, HttpExchangeEvent e) throws Exception {
    URI recorded = URI.create(e.uri());
    String url = base + recorded.getRawPath() + (recorded.getRawQuery() == null ? "" : "?" + recorded.getRawQuery());
    HttpUriRequestBase request = new HttpUriRequestBase(e.method(), URI.create(url));
    e.requestHeaders().stream()
        .filter(h -> !List.of("host", "content-length", "transfer-encoding", "connection")
            .contains(h.name().toLowerCase()))
        .forEach(h -> request.addHeader(h.name(), h.value()));
    if (e.requestBody() != null) {
      request.setEntity(new ByteArrayEntity(e.requestBody().data(),
          e.requestBody().contentType() == null ? null : ContentType.parse(e.requestBody().contentType())));
    }
    return client.execute(request, r -> new Answer(r.getCode(),
        r.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(r.getEntity())));
  }

  @Test
  void wireMockServesTheRecordedResponsesInRecordedOrder() throws Exception {
    List<Event> events;
    try (LoopbackServer server = Recordings.server()) {
      events = Recordings.record(server);
    }
    String mappings = WireMockExporter.toMappings(events);
    JsonNode tree = new ObjectMapper().readTree(mappings);
    assertThat(tree.get("mappings")).hasSize(10);

    WireMockServer wiremock = new WireMockServer(options().dynamicPort());
    wiremock.start();
    try {
      HttpResponse<String> imported = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create(wiremock.baseUrl() + "/__admin/mappings/import"))
              .POST(HttpRequest.BodyPublishers.ofString(mappings)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(imported.statusCode()).as(imported.body()).isBetween(200, 299);
      assertThat(wiremock.getStubMappings()).hasSize(10);

      List<HttpExchangeEvent> exchanges = new ArrayList<>();
      events.forEach(e -> {
        if (e instanceof HttpExchangeEvent h) {
          exchanges.add(h);
        }
      });
      try (CloseableHttpClient client = HttpClients.custom().disableRedirectHandling().build()) {
        for (HttpExchangeEvent e : exchanges) {
          Answer answer = send(client, wiremock.baseUrl(), e);
          if (e.uri().endsWith("/redirect")) {
            // the recorded exchange is the final answer after the redirect was followed
            assertThat(answer.status()).isEqualTo(200);
          } else {
            assertThat(answer.status()).as(e.uri()).isEqualTo(e.status());
          }
          assertThat(answer.body()).as(e.method() + " " + e.uri())
              .isEqualTo(e.responseBody() == null ? new byte[0] : e.responseBody().data());
        }
        HttpExchangeEvent counter = exchanges.stream().filter(e -> e.uri().endsWith("/counter"))
            .findFirst().orElseThrow();
        assertThat(new String(send(client, wiremock.baseUrl(), counter).body(), StandardCharsets.UTF_8))
            .as("the last recorded answer keeps answering").isEqualTo("call 2");
      }
      assertThat(wiremock.findAllUnmatchedRequests()).isEmpty();
    } finally {
      wiremock.stop();
    }
  }

  @Test
  void redactedValuesMatchAnything() throws Exception {
    List<Event> events;
    try (LoopbackServer server = Recordings.server()) {
      events = Recordings.redacted(Recordings.record(server));
    }
    String mappings = WireMockExporter.toMappings(events);
    assertThat(mappings).contains("${json-unit.any-string}").doesNotContain("hunter2");
    WireMockServer wiremock = new WireMockServer(options().dynamicPort());
    wiremock.start();
    try {
      HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create(wiremock.baseUrl() + "/__admin/mappings/import"))
              .POST(HttpRequest.BodyPublishers.ofString(mappings)).build(),
          HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> post = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create(wiremock.baseUrl() + "/echo?mode=json"))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(
                  "{\"item\":\"book\",\"qty\":2,\"password\":\"other-secret\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(post.statusCode()).isEqualTo(201);
      HttpResponse<String> get = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create(wiremock.baseUrl() + "/text?q=hello%20world&page=2&api_key=anything")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(get.statusCode()).isEqualTo(200);
      assertThat(get.body()).isEqualTo(ClassicCaptureTest.TEXT);
    } finally {
      wiremock.stop();
    }
  }
}

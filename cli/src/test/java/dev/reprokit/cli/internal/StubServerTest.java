package dev.reprokit.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.Test;

class StubServerTest {
  private final StringWriter log = new StringWriter();

  @Test
  void answersARecordedRequestWithTheRecordedResponseWhateverTheQueryOrder() throws Exception {
    LoadedBundle bundle = Fixtures.syncBundle("tr-TR");
    try (StubServer server = StubServer.start(bundle.events(), 0, new PrintWriter(log));
        CloseableHttpClient http = HttpClients.createDefault()) {
      String[] got = http.execute(
          new HttpGet(server.baseUri().resolve("/v1/customers?size=5&page=1")),
          r -> new String[] {String.valueOf(r.getCode()), r.getFirstHeader("Content-Type")
              .getValue(), EntityUtils.toString(r.getEntity(), StandardCharsets.UTF_8)});

      assertThat(got).containsExactly("200", "application/json; charset=utf-8",
          "{\"customers\":[{\"name\":\"Martín\"}]}");
      assertThat(server.unmatched()).isZero();
    }
  }

  @Test
  void unmatchedRequestGets404WithANearMissReport() throws Exception {
    LoadedBundle bundle = Fixtures.syncBundle("tr-TR");
    try (StubServer server = StubServer.start(bundle.events(), 0, new PrintWriter(log));
        CloseableHttpClient http = HttpClients.createDefault()) {
      String[] got = http.execute(
          new HttpGet(server.baseUri().resolve("/v1/customers?page=2&size=5")),
          r -> new String[] {String.valueOf(r.getCode()),
              EntityUtils.toString(r.getEntity(), StandardCharsets.UTF_8)});

      assertThat(got[0]).isEqualTo("404");
      assertThat(got[1]).contains("Nearest recorded requests")
          .contains("#1 GET ").contains("/v1/customers?page=1&size=5")
          .contains("query parameter page: recorded \"1\", got \"2\"");
      assertThat(log.toString()).contains("unmatched: GET /v1/customers?page=2&size=5");
      assertThat(server.unmatched()).isEqualTo(1);
    }
  }
}

package dev.reprokit.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reprokit.event.Event;
import dev.reprokit.event.Header;
import dev.reprokit.event.HttpExchangeEvent;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Runs the exported commands with the real curl binary against a loopback server. */
class CurlExporterTest {
  /** Headers curl sets itself or that the export deliberately replaces. */
  static final Set<String> NOT_COMPARED =
      Set.of("host", "content-length", "transfer-encoding", "connection", "accept-encoding");

  static boolean curlAvailable() {
    return new File("/usr/bin/curl").canExecute();
  }

  static List<String> comparableHeaders(List<Header> headers) {
    List<String> list = new ArrayList<>();
    for (Header h : headers) {
      if (!NOT_COMPARED.contains(h.name().toLowerCase(Locale.ROOT))) {
        list.add(h.name().toLowerCase(Locale.ROOT) + ": " + h.value());
      }
    }
    list.sort(null);
    return list;
  }

  static List<String> comparableHeaders(LoopbackServer.Received r) {
    List<String> list = new ArrayList<>();
    r.headers().forEach((name, values) -> {
      if (!NOT_COMPARED.contains(name.toLowerCase(Locale.ROOT))) {
        values.forEach(v -> list.add(name.toLowerCase(Locale.ROOT) + ": " + v));
      }
    });
    list.sort(null);
    return list;
  }

  @Test
  void curlReproducesMethodPathHeadersAndBodyWithSecretsFromShellVariables() throws Exception {
    Assumptions.assumeTrue(curlAvailable(), "/usr/bin/curl is not installed: curl export test skipped");
    List<Event> original;
    try (LoopbackServer recordedFrom = Recordings.server()) {
      original = Recordings.record(recordedFrom);
    }
    List<Event> redacted = Recordings.redacted(original);

    try (LoopbackServer target = Recordings.server()) {
      String script = CurlExporter.toScript(redacted, target.url(""));
      assertThat(script).doesNotContain("secret-token-1", "key-456", "k-123", "hunter2");
      assertThat(script).contains("${AUTH_TOKEN}", "${X_API_KEY}", "${API_KEY}", "${PASSWORD}");

      ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", script);
      pb.environment().put("AUTH_TOKEN", "Bearer secret-token-1");
      pb.environment().put("X_API_KEY", "key-456");
      pb.environment().put("API_KEY", "k-123");
      pb.environment().put("PASSWORD", "hunter2");
      pb.redirectErrorStream(true);
      Process process = pb.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as(output).isZero();

      List<HttpExchangeEvent> exchanges = new ArrayList<>();
      for (Event e : original) {
        if (e instanceof HttpExchangeEvent h) {
          exchanges.add(h);
        }
      }
      // curl does not follow redirects: each command sends exactly the recorded first attempt
      assertThat(target.received).hasSize(exchanges.size());
      for (int i = 0; i < exchanges.size(); i++) {
        HttpExchangeEvent recorded = exchanges.get(i);
        LoopbackServer.Received got = target.received.get(i);
        java.net.URI uri = java.net.URI.create(recorded.uri());
        assertThat(got.method()).as("method of #%d", i).isEqualTo(recorded.method());
        assertThat(got.path()).isEqualTo(uri.getPath());
        assertThat(got.query()).isEqualTo(uri.getRawQuery());
        assertThat(comparableHeaders(got)).as("headers of #%d", i)
            .isEqualTo(comparableHeaders(recorded.requestHeaders()));
        byte[] body = recorded.requestBody() == null ? new byte[0] : recorded.requestBody().data();
        assertThat(got.body()).as("body of #%d", i).isEqualTo(body);
      }
    }
  }

  @Test
  void scriptDeclaresEachVariableOnceAndNeedsThemSet() throws Exception {
    Assumptions.assumeTrue(curlAvailable(), "/usr/bin/curl is not installed: curl export test skipped");
    List<Event> redacted;
    try (LoopbackServer server = Recordings.server()) {
      redacted = Recordings.redacted(Recordings.record(server));
    }
    String script = CurlExporter.toScript(redacted, "http://127.0.0.1:9");
    String declaration = ": \"${AUTH_TOKEN:?";
    assertThat(script).contains(declaration);
    assertThat(script.indexOf(declaration)).isEqualTo(script.lastIndexOf(declaration));
    Process process = new ProcessBuilder("/bin/sh", "-c", script).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isNotZero();
    assertThat(output).contains("set API_KEY to the value for query parameter api_key");
  }
}

package dev.reprokit.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.core5.http.HttpVersion;
import org.apache.hc.core5.http.ProtocolVersion;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.net.URIAuthority;
import org.junit.jupiter.api.Test;

class RequestUrisTest {

  private static String getUri(BasicHttpRequest request) throws Exception {
    return request.getUri().toString();
  }

  private static BasicHttpRequest copyOf(BasicHttpRequest request) {
    BasicHttpRequest copy = new BasicHttpRequest(request.getMethod(), "/");
    copy.setScheme(request.getScheme());
    copy.setAuthority(request.getAuthority());
    copy.setPath(request.getPath());
    return copy;
  }

  @Test
  void thisHttpcoreAssemblesUrisAsMirrored() {
    assertThat(RequestUris.probeAssembly()).isTrue();
  }

  @Test
  void answersWhatGetUriAnswers() throws Exception {
    String[] targets = {
      "http://localhost:8080/a?b=c", "http://localhost:8080/a?b=c", "https://example.com/x",
      "http://user:secret@example.com:81/p#fragment", "http://example.com", "http://[::1]:9/v6",
      "http://localhost:8080/a?b=c",
    };
    for (String target : targets) {
      HttpGet app = new HttpGet(URI.create(target));
      BasicHttpRequest copy = copyOf(app);

      assertThat(RequestUris.uriOf(copy)).as(target).isEqualTo(getUri(copyOf(app)));
      assertThat(RequestUris.uriOf(app)).as(target).isEqualTo(getUri(new HttpGet(URI.create(target))));
    }
  }

  @Test
  void aTargetThatUriRejectsIsStillRecordedWithItsHost() throws Exception {
    // getUri() throws for a space in the path; the client sends the request all the same,
    // so the exchange keeps the whole target instead of losing its scheme and host.
    BasicHttpRequest request = new BasicHttpRequest("GET", "/a b?c=d");
    request.setScheme("http");
    request.setAuthority(new URIAuthority("h", 8080));

    assertThat(RequestUris.uriOf(request)).isEqualTo("http://h:8080/a b?c=d");
    org.assertj.core.api.Assertions.assertThatThrownBy(request::getUri)
        .isInstanceOf(java.net.URISyntaxException.class);
  }

  @Test
  void assemblesWithoutParsingWhatGetUriParses() throws Exception {
    String[] targets = {"http://localhost:8080/a?b=c%20d", "https://example.com", "http://[::1]:9/v6",
        "http://user@example.net:81/p?q#f", "http://example.com:0/x"};
    for (String target : targets) {
      HttpGet app = new HttpGet(URI.create(target));
      assertThat(RequestUris.assemble(app)).as(target).isEqualTo(getUri(app));
      assertThat(RequestUris.assemble(copyOf(app))).as(target).isEqualTo(getUri(copyOf(app)));
    }
  }

  @Test
  void attemptGetsTheExchangeStringOnlyWhenItsPartsAssembleToIt() throws Exception {
    HttpGet app = new HttpGet(URI.create("http://localhost:8080/a?b=c"));
    String exchangeUri = RequestUris.uriOf(app);
    BasicHttpRequest sameTarget = copyOf(app);
    BasicHttpRequest redirected = copyOf(app);
    redirected.setPath("/elsewhere");
    BasicHttpRequest otherPort = copyOf(app);
    otherPort.setAuthority(new URIAuthority("localhost", 8081));

    assertThat(RequestUris.attemptUri(sameTarget, exchangeUri)).isSameAs(exchangeUri);
    assertThat(RequestUris.attemptUri(redirected, exchangeUri)).isEqualTo(getUri(copyOf(redirected)))
        .isEqualTo("http://localhost:8080/elsewhere");
    assertThat(RequestUris.attemptUri(otherPort, exchangeUri)).isEqualTo("http://localhost:8081/a?b=c");
    assertThat(RequestUris.attemptUri(sameTarget, null)).isEqualTo(exchangeUri);
  }

  @Test
  void assemblyComparisonRejectsNearMisses() {
    BasicHttpRequest request = new BasicHttpRequest("GET", "/p");
    request.setScheme("http");
    request.setAuthority(new URIAuthority("h", 8080));

    assertThat(RequestUris.assemblesTo(request, "http://h:8080/p")).isTrue();
    assertThat(RequestUris.assemblesTo(request, "http://h:808/p")).isFalse();
    assertThat(RequestUris.assemblesTo(request, "http://h:80800/p")).isFalse();
    assertThat(RequestUris.assemblesTo(request, "http://h:8080/p/")).isFalse();
    assertThat(RequestUris.assemblesTo(request, "https://h:8080/p")).isFalse();
    assertThat(RequestUris.assemblesTo(request, "http://h/p")).isFalse();
  }

  @Test
  void asyncRequestsUseTheSameAssembly() throws Exception {
    SimpleHttpRequest request = SimpleHttpRequest.create("GET", "http://localhost:1/s?x=1");

    assertThat(RequestUris.uriOf(request)).isEqualTo("http://localhost:1/s?x=1");
    assertThat(RequestUris.uriOf(request)).isEqualTo(request.getUri().toString());
  }

  @Test
  void protocolTextIsWhatToStringGives() {
    for (ProtocolVersion v : new ProtocolVersion[] {HttpVersion.HTTP_1_1, HttpVersion.HTTP_1_0,
        HttpVersion.HTTP_2, new ProtocolVersion("HTTP", 1, 1), new ProtocolVersion("SPDY", 3, 1),
        HttpVersion.HTTP_0_9}) {
      assertThat(ExchangeState.protocolText(v)).isEqualTo(v.toString());
    }
    assertThat(ExchangeState.protocolText(null)).isNull();
  }
}

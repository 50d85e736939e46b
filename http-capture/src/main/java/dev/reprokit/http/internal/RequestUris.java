package dev.reprokit.http.internal;

import java.net.URI;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.net.URIAuthority;

/**
 * The URI strings of requests, as {@code request.getUri().toString()} gives them, without
 * parsing a {@code URI} per request.
 *
 * <p>httpcore5's {@link BasicHttpRequest} keeps no {@code URI}: every {@code getUri()}
 * assembles scheme, host, port and path into a string and parses it, and the parse was the
 * largest single cost of capturing a small exchange (about 4 µs of 15 on a 2-core machine).
 * For a request whose {@code getUri()} is {@code BasicHttpRequest}'s, and only when a probe at
 * class initialisation confirmed that this httpcore5 assembles URIs that way, the string is
 * assembled here as {@code getUri()} would assemble it: the same string whenever
 * {@code getUri()} succeeds (a {@code URI} made from a string gives that string back), and the
 * assembled string, where {@code getUri()} would throw, for a target that {@code URI} rejects
 * (a space in the path, say), which the client sends all the same. Other requests call
 * {@code getUri()}. An attempt whose parts assemble to its exchange's URI shares the
 * exchange's string. Stateless.
 */
final class RequestUris {
  /** Whether a request class answers {@code getUri()} with {@code BasicHttpRequest}'s code. */
  private static final ClassValue<Boolean> BASIC_GET_URI = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      try {
        return BasicHttpRequest.class.isAssignableFrom(type)
            && type.getMethod("getUri").getDeclaringClass() == BasicHttpRequest.class;
      } catch (NoSuchMethodException | SecurityException e) {
        return false;
      }
    }
  };
  private static final boolean ASSEMBLY_KNOWN = probeAssembly();

  private RequestUris() {}

  /**
   * {@code request.getUri().toString()}, assembled without a parse where that is known to give
   * the same string; {@code null} when a request of another kind fails in {@code getUri()}.
   */
  static String uriOf(HttpRequest request) {
    if (ASSEMBLY_KNOWN && BASIC_GET_URI.get(request.getClass())) {
      return assemble(request);
    }
    try {
      return request.getUri().toString();
    } catch (Exception e) {
      return null;
    }
  }

  /** The string {@code BasicHttpRequest.getUri()} parses, by the rules {@link #assemblesTo} mirrors. */
  static String assemble(HttpRequest request) {
    StringBuilder uri = new StringBuilder(64);
    URIAuthority authority = request.getAuthority();
    if (authority != null) {
      uri.append(request.getScheme() != null ? request.getScheme() : "http").append("://")
          .append(authority.getHostName());
      if (authority.getPort() >= 0) {
        uri.append(':').append(authority.getPort());
      }
    }
    String path = request.getPath();
    if (path == null) {
      uri.append('/');
    } else {
      if (uri.length() > 0 && !path.startsWith("/")) {
        uri.append('/');
      }
      uri.append(path);
    }
    return uri.toString();
  }

  /**
   * The URI string of an attempt's request: {@code exchangeUri} when the request's parts
   * assemble to it, else as {@link #uriOf}.
   *
   * @param exchangeUri the exchange's URI string, or {@code null} when it did not come from
   *     {@code getUri()}
   */
  static String attemptUri(HttpRequest request, String exchangeUri) {
    if (exchangeUri != null && ASSEMBLY_KNOWN && BASIC_GET_URI.get(request.getClass())
        && assemblesTo(request, exchangeUri)) {
      return exchangeUri;
    }
    return uriOf(request);
  }

  /**
   * Whether {@code BasicHttpRequest.getUri()} assembles {@code expected} from this request's
   * parts, compared without building the string. Mirrors httpcore5's {@code
   * assembleRequestUri}: {@code scheme "://" host [":" port]} when there is an authority (the
   * scheme defaulting to {@code http}), then the path ({@code "/"} when there is none, with a
   * {@code "/"} before a relative path after an authority). A string that {@code getUri()}
   * produced once parses again to itself, so equal means the same answer.
   */
  static boolean assemblesTo(HttpRequest request, String expected) {
    int at = 0;
    URIAuthority authority = request.getAuthority();
    if (authority != null) {
      at = match(expected, at, request.getScheme() != null ? request.getScheme() : "http");
      at = match(expected, at, "://");
      at = match(expected, at, authority.getHostName());
      if (authority.getPort() >= 0) {
        at = match(expected, at, ":");
        at = matchNumber(expected, at, authority.getPort());
      }
    }
    String path = request.getPath();
    if (path == null) {
      at = match(expected, at, "/");
    } else {
      if (at > 0 && !path.startsWith("/")) {
        at = match(expected, at, "/");
      }
      at = match(expected, at, path);
    }
    return at == expected.length();
  }

  /** The index after {@code part} if {@code s} has it at {@code at}; negative once unmatched. */
  private static int match(String s, int at, String part) {
    if (at < 0 || part == null || !s.startsWith(part, at)) {
      return Integer.MIN_VALUE;
    }
    return at + part.length();
  }

  private static int matchNumber(String s, int at, int number) {
    if (at < 0) {
      return Integer.MIN_VALUE;
    }
    int digits = 1;
    for (int rest = number / 10; rest > 0; rest /= 10) {
      digits++;
    }
    if (at + digits > s.length()) {
      return Integer.MIN_VALUE;
    }
    int rest = number;
    for (int i = at + digits - 1; i >= at; i--) {
      if (s.charAt(i) != (char) ('0' + rest % 10)) {
        return Integer.MIN_VALUE;
      }
      rest /= 10;
    }
    return at + digits;
  }

  /**
   * Checks that this httpcore5's {@code getUri()} is the assembly {@link #assemblesTo} mirrors
   * and keeps nothing of a URI it was given (user info, fragment), so that another version's
   * rules switch the shortcuts off instead of recording a different string.
   */
  static boolean probeAssembly() {
    try {
      BasicHttpRequest[] probes = {
        parts("https", "example.com", 8443, "/a/b?c=d%20e"),
        parts("http", "localhost", -1, "/"),
        parts("http", "127.0.0.1", 80, "x"),
        parts(null, "example.org", -1, null),
        new BasicHttpRequest("GET", URI.create("http://user@example.net:8080/p?q=1#fragment")),
        new BasicHttpRequest("GET", URI.create("http://[::1]:9/v6")),
        new BasicHttpRequest("GET", "/relative?x=y"),
      };
      for (BasicHttpRequest probe : probes) {
        String actual = probe.getUri().toString();
        if (!assemblesTo(probe, actual) || assemblesTo(probe, actual + "x")
            || !assemble(probe).equals(actual)) {
          return false;
        }
      }
      return true;
    } catch (Throwable t) {
      if (t instanceof OutOfMemoryError oom) {
        throw oom;
      }
      return false;
    }
  }

  private static BasicHttpRequest parts(String scheme, String host, int port, String path) {
    BasicHttpRequest request = new BasicHttpRequest("GET", "/");
    request.setScheme(scheme);
    request.setAuthority(new URIAuthority(host, port));
    request.setPath(path);
    return request;
  }
}

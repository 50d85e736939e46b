package dev.reprokit.http.internal;

import dev.reprokit.event.ErrorInfo;
import dev.reprokit.event.Header;
import dev.reprokit.event.HttpExchangeEvent;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.util.Locale;
import java.util.Set;
import org.apache.hc.core5.http.HttpResponse;

/** Turns a recorded exchange back into a response head and body, or into its I/O error. */
final class ReplayResponses {
  /** Headers that described the wire form of the body; the stub serves the decoded body. */
  private static final Set<String> WIRE_HEADERS =
      Set.of("content-encoding", "content-length", "transfer-encoding", "connection", "keep-alive");

  private ReplayResponses() {}

  static void copyHeaders(HttpExchangeEvent e, HttpResponse response) {
    for (Header h : e.responseHeaders()) {
      if (!WIRE_HEADERS.contains(h.name().toLowerCase(Locale.ROOT))) {
        response.addHeader(h.name(), h.value());
      }
    }
  }

  static byte[] body(HttpExchangeEvent e) {
    return e.responseBody() == null || e.responseBody().data() == null
        ? new byte[0] : e.responseBody().data();
  }

  static String contentType(HttpExchangeEvent e) {
    String type = e.responseBody() == null ? null : e.responseBody().contentType();
    return type != null ? type : Bodies.header(e.responseHeaders(), "Content-Type");
  }

  static org.apache.hc.core5.http.ContentType parsedContentType(HttpExchangeEvent e) {
    String type = contentType(e);
    try {
      return type == null ? null : org.apache.hc.core5.http.ContentType.parse(type);
    } catch (RuntimeException unparsable) {
      return null;
    }
  }

  /** The recorded error as an exception of the same class when that is possible. */
  static IOException error(HttpExchangeEvent e) {
    ErrorInfo error = e.error();
    String message = "replayed from recording #" + e.seq() + ": " + error.summary();
    try {
      Class<?> type = Class.forName(error.type(), false, ReplayResponses.class.getClassLoader());
      if (IOException.class.isAssignableFrom(type)) {
        Constructor<?> c = type.getConstructor(String.class);
        return (IOException) c.newInstance(message);
      }
    } catch (ReflectiveOperationException | LinkageError | RuntimeException ignored) {
      // fall through to a plain IOException
    }
    return new IOException(message);
  }
}

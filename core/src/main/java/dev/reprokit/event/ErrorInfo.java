package dev.reprokit.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A throwable turned into data: class, message, stack, causes and suppressed exceptions,
 * plus SQLState and vendor code for {@link SQLException}s (and the chain of
 * {@link SQLException#getNextException() next exceptions}).
 *
 * <p>Built with {@link #of(Throwable)}, which bounds the depth of causes and the number of
 * stack frames so that a pathological exception cannot blow up a bundle.
 *
 * @param type fully qualified class name
 * @param message the message, possibly {@code null}
 * @param sqlState SQLState for SQL exceptions, else {@code null}
 * @param vendorCode vendor error code for SQL exceptions, else {@code null}
 * @param stack stack frames as {@code StackTraceElement.toString()}, innermost first
 * @param cause the cause, or {@code null}
 * @param suppressed suppressed exceptions
 * @param next for SQL exceptions, the chained {@code getNextException()} exceptions
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ErrorInfo(
    String type,
    String message,
    String sqlState,
    Integer vendorCode,
    List<String> stack,
    ErrorInfo cause,
    List<ErrorInfo> suppressed,
    List<ErrorInfo> next) {

  /** Maximum stack frames kept per throwable. */
  public static final int MAX_FRAMES = 64;

  /** Maximum depth of causes, suppressed and next exceptions followed. */
  public static final int MAX_DEPTH = 8;

  public ErrorInfo {
    if (type == null || type.isEmpty()) {
      throw new IllegalArgumentException("type must name the exception class");
    }
    stack = stack == null ? List.of() : List.copyOf(stack);
    suppressed = suppressed == null ? List.of() : List.copyOf(suppressed);
    next = next == null ? List.of() : List.copyOf(next);
  }

  /** Converts a throwable, or returns {@code null} for {@code null}. Never throws for a non-null argument. */
  public static ErrorInfo of(Throwable t) {
    if (t == null) {
      return null;
    }
    return convert(t, 0, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private static ErrorInfo convert(Throwable t, int depth, Set<Throwable> seen) {
    seen.add(t);
    String message;
    try {
      message = t.getMessage();
    } catch (RuntimeException e) { // a hostile getMessage() must not break conversion
      message = "<getMessage() threw " + e.getClass().getName() + ">";
    }
    StackTraceElement[] frames = t.getStackTrace();
    List<String> stack = new ArrayList<>(Math.min(frames.length, MAX_FRAMES));
    for (int i = 0; i < frames.length && i < MAX_FRAMES; i++) {
      stack.add(frames[i].toString());
    }
    if (frames.length > MAX_FRAMES) {
      stack.add("... " + (frames.length - MAX_FRAMES) + " more");
    }
    String sqlState = null;
    Integer vendorCode = null;
    List<ErrorInfo> next = new ArrayList<>();
    if (t instanceof SQLException sql) {
      sqlState = sql.getSQLState();
      vendorCode = sql.getErrorCode();
      SQLException n = sql.getNextException();
      while (n != null && next.size() < MAX_DEPTH && !seen.contains(n)) {
        next.add(depth < MAX_DEPTH ? convert(n, depth + 1, seen) : shallow(n));
        n = n.getNextException();
      }
    }
    ErrorInfo cause = null;
    Throwable c = t.getCause();
    if (c != null && !seen.contains(c)) {
      cause = depth < MAX_DEPTH ? convert(c, depth + 1, seen) : shallow(c);
    }
    List<ErrorInfo> suppressed = new ArrayList<>();
    for (Throwable s : t.getSuppressed()) {
      if (suppressed.size() >= MAX_DEPTH || seen.contains(s)) {
        continue;
      }
      suppressed.add(depth < MAX_DEPTH ? convert(s, depth + 1, seen) : shallow(s));
    }
    return new ErrorInfo(
        t.getClass().getName(), message, sqlState, vendorCode, stack, cause, suppressed, next);
  }

  private static ErrorInfo shallow(Throwable t) {
    return new ErrorInfo(t.getClass().getName(), null, null, null, null, null, null, null);
  }

  /** {@code type: message}, as {@link Throwable#toString()} prints it. */
  public String summary() {
    return message == null ? type : type + ": " + message;
  }

  long estimatedBytes() {
    long n = 64 + Event.bytesOf(type) + Event.bytesOf(message) + 64L * stack.size();
    if (cause != null) {
      n += cause.estimatedBytes();
    }
    for (ErrorInfo s : suppressed) {
      n += s.estimatedBytes();
    }
    for (ErrorInfo s : next) {
      n += s.estimatedBytes();
    }
    return n;
  }
}

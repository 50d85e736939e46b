package dev.reprokit.http;

import dev.reprokit.InvalidConfigurationException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Immutable settings of the in-process replay stub, for {@link HttpReplay}. Start from
 * {@link #DEFAULT} or {@link #builder()}; {@link #toBuilder()} copies.
 *
 * <table>
 *   <caption>Settings and defaults</caption>
 *   <tr><th>setting</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>ignoredBodyFields</td><td>none</td><td>JSON pointers ({@code *} matches one
 *       segment) left out when JSON request bodies are compared</td></tr>
 *   <tr><td>matchHost</td><td>{@code false}</td><td>also match scheme, host and port (by
 *       default only method, path, query and body)</td></tr>
 *   <tr><td>matchBody</td><td>{@code true}</td><td>compare request bodies (JSON-aware when
 *       both are JSON)</td></tr>
 *   <tr><td>repeatLast</td><td>{@code true}</td><td>once every recorded answer to a request
 *       was served, serve the last one again instead of failing</td></tr>
 * </table>
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 */
public final class ReplayOptions {

  /** Every setting at its default. */
  public static final ReplayOptions DEFAULT = builder().build();

  private final Set<String> ignoredBodyFields;
  private final boolean matchHost;
  private final boolean matchBody;
  private final boolean repeatLast;

  private ReplayOptions(Builder b) {
    this.ignoredBodyFields = Set.copyOf(b.ignoredBodyFields);
    this.matchHost = b.matchHost;
    this.matchBody = b.matchBody;
    this.repeatLast = b.repeatLast;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.ignoredBodyFields.addAll(ignoredBodyFields);
    b.matchHost = matchHost;
    b.matchBody = matchBody;
    b.repeatLast = repeatLast;
    return b;
  }

  public Set<String> ignoredBodyFields() {
    return ignoredBodyFields;
  }

  public boolean matchHost() {
    return matchHost;
  }

  public boolean matchBody() {
    return matchBody;
  }

  public boolean repeatLast() {
    return repeatLast;
  }

  /** Builds {@link ReplayOptions}. Not thread-safe. */
  public static final class Builder {
    private final Set<String> ignoredBodyFields = new LinkedHashSet<>();
    private boolean matchHost;
    private boolean matchBody = true;
    private boolean repeatLast = true;

    private Builder() {}

    /** JSON pointers (e.g. {@code /requestId}, {@code /items/*}{@code /ts}) to ignore in bodies. */
    public Builder ignoredBodyFields(String... pointers) {
      return ignoredBodyFields(List.of(pointers));
    }

    /** JSON pointers to ignore in bodies; each must be empty or start with {@code /}. */
    public Builder ignoredBodyFields(Iterable<String> pointers) {
      Objects.requireNonNull(pointers, "ignoredBodyFields");
      for (String p : pointers) {
        if (p == null || !(p.isEmpty() || p.startsWith("/"))) {
          throw new InvalidConfigurationException(
              "ignoredBodyFields must be JSON pointers starting with '/', was " + p);
        }
        ignoredBodyFields.add(p);
      }
      return this;
    }

    public Builder matchHost(boolean on) {
      this.matchHost = on;
      return this;
    }

    public Builder matchBody(boolean on) {
      this.matchBody = on;
      return this;
    }

    public Builder repeatLast(boolean on) {
      this.repeatLast = on;
      return this;
    }

    public ReplayOptions build() {
      return new ReplayOptions(this);
    }
  }
}

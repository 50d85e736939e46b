package dev.reprokit.redact;

import dev.reprokit.InvalidConfigurationException;
import dev.reprokit.internal.redact.Rules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Immutable redaction settings of a recorder: which default rules run, which names, patterns
 * and JSON pointers the application adds, and the key pseudonyms are computed with.
 *
 * <p>Redaction is on by default: {@link #DEFAULT} runs every default rule (see
 * {@link #ruleNames()} and {@code docs/redaction.md}) under a random key per bundle. A default
 * rule is switched off only explicitly, by its stable name; redaction as a whole only with
 * {@link #disabled()} (or {@code enabled(false)}), and the manifest of every bundle then says
 * so.
 *
 * <pre>{@code
 * RedactionConfig redaction = RedactionConfig.builder()
 *     .secretHeader("X-Tenant-Signature")        // rule user.header
 *     .secretQueryParameter("ticket")             // rule user.query-param
 *     .secretField("iban")                        // rule user.field (JSON, form, named values, columns)
 *     .secretPattern("\\bACCT-[0-9]{8}\\b")      // rule user.regex
 *     .secretJsonPointer("/customer/card/number")  // rule user.json-pointer
 *     .pseudonymKey(keyBytesFromYourVault)        // same secret, same pseudonym across bundles
 *     .disableRule("header.cookie")               // keep cookies readable (you are sure?)
 *     .build();
 * RecorderConfig config = RecorderConfig.builder().redaction(redaction).build();
 * }</pre>
 *
 * <table>
 *   <caption>Settings and defaults</caption>
 *   <tr><th>setting</th><th>default</th></tr>
 *   <tr><td>enabled</td><td>{@code true}</td></tr>
 *   <tr><td>secretHeader / secretQueryParameter / secretField</td><td>none added</td></tr>
 *   <tr><td>secretPattern / secretJsonPointer</td><td>none added</td></tr>
 *   <tr><td>pseudonymKey</td><td>none: a random 256-bit key per bundle</td></tr>
 *   <tr><td>disableRule</td><td>none: every default rule runs</td></tr>
 * </table>
 *
 * <p>Instances are immutable and thread-safe; the {@link Builder} is not thread-safe.
 */
public final class RedactionConfig {

  /** Every default rule on, no user rules, a random key per bundle. */
  public static final RedactionConfig DEFAULT = builder().build();

  /** Shortest pseudonym key accepted, in bytes. */
  public static final int MIN_KEY_BYTES = 16;

  private final boolean enabled;
  private final Set<String> secretHeaders;
  private final Set<String> secretQueryParameters;
  private final Set<String> secretFields;
  private final List<Pattern> secretPatterns;
  private final List<String> secretJsonPointers;
  private final byte[] pseudonymKey;
  private final Set<String> disabledRules;

  private RedactionConfig(Builder b) {
    this.enabled = b.enabled;
    this.secretHeaders = Collections.unmodifiableSet(new LinkedHashSet<>(b.secretHeaders));
    this.secretQueryParameters =
        Collections.unmodifiableSet(new LinkedHashSet<>(b.secretQueryParameters));
    this.secretFields = Collections.unmodifiableSet(new LinkedHashSet<>(b.secretFields));
    this.secretPatterns = List.copyOf(b.secretPatterns);
    this.secretJsonPointers = List.copyOf(b.secretJsonPointers);
    this.pseudonymKey = b.pseudonymKey == null ? null : b.pseudonymKey.clone();
    this.disabledRules = Collections.unmodifiableSet(new LinkedHashSet<>(b.disabledRules));
  }

  /** A builder with every setting at its default. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Redaction switched off altogether: secrets reach bundles as they were recorded. Every
   * bundle's manifest records {@code "redaction": {"enabled": false}}. Use only where the
   * bundles never leave a trusted machine.
   */
  public static RedactionConfig disabled() {
    return builder().enabled(false).build();
  }

  /** A builder holding this configuration's settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.enabled = enabled;
    b.secretHeaders.addAll(secretHeaders);
    b.secretQueryParameters.addAll(secretQueryParameters);
    b.secretFields.addAll(secretFields);
    b.secretPatterns.addAll(secretPatterns);
    b.secretJsonPointers.addAll(secretJsonPointers);
    b.pseudonymKey = pseudonymKey == null ? null : pseudonymKey.clone();
    b.disabledRules.addAll(disabledRules);
    return b;
  }

  /**
   * The stable name of every rule, default rules first, then user rules ({@code user.*}),
   * which run only when names, patterns or pointers are added.
   */
  public static List<String> ruleNames() {
    return Rules.ALL;
  }

  /** {@code false} only when redaction was switched off explicitly. */
  public boolean enabled() {
    return enabled;
  }

  /** Header names added by the application, lower case. */
  public Set<String> secretHeaders() {
    return secretHeaders;
  }

  /** Query parameter names added by the application, lower case. */
  public Set<String> secretQueryParameters() {
    return secretQueryParameters;
  }

  /** Field names added by the application, lower case. */
  public Set<String> secretFields() {
    return secretFields;
  }

  /** Regular expressions added by the application. */
  public List<Pattern> secretPatterns() {
    return secretPatterns;
  }

  /** JSON pointers added by the application. */
  public List<String> secretJsonPointers() {
    return secretJsonPointers;
  }

  /** {@code true} when a pseudonym key was supplied (pseudonyms are stable across bundles). */
  public boolean hasPseudonymKey() {
    return pseudonymKey != null;
  }

  /** A copy of the supplied pseudonym key, or {@code null} for a random key per bundle. */
  public byte[] pseudonymKey() {
    return pseudonymKey == null ? null : pseudonymKey.clone();
  }

  /** Default rules switched off by name. */
  public Set<String> disabledRules() {
    return disabledRules;
  }

  /** {@code true} when redaction is on and the named rule is not switched off. */
  public boolean ruleEnabled(String rule) {
    return enabled && !disabledRules.contains(rule);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RedactionConfig c
        && enabled == c.enabled
        && secretHeaders.equals(c.secretHeaders)
        && secretQueryParameters.equals(c.secretQueryParameters)
        && secretFields.equals(c.secretFields)
        && patternsText(secretPatterns).equals(patternsText(c.secretPatterns))
        && secretJsonPointers.equals(c.secretJsonPointers)
        && Arrays.equals(pseudonymKey, c.pseudonymKey)
        && disabledRules.equals(c.disabledRules);
  }

  @Override
  public int hashCode() {
    return Objects.hash(enabled, secretHeaders, secretQueryParameters, secretFields,
        patternsText(secretPatterns), secretJsonPointers, Arrays.hashCode(pseudonymKey),
        disabledRules);
  }

  private static List<String> patternsText(List<Pattern> patterns) {
    return patterns.stream().map(p -> p.pattern() + "/" + p.flags()).toList();
  }

  /** Never prints the key. */
  @Override
  public String toString() {
    if (!enabled) {
      return "RedactionConfig[disabled]";
    }
    return "RedactionConfig[headers=" + secretHeaders + ", queryParameters=" + secretQueryParameters
        + ", fields=" + secretFields + ", patterns=" + patternsText(secretPatterns)
        + ", jsonPointers=" + secretJsonPointers + ", pseudonymKey="
        + (pseudonymKey == null ? "random per bundle" : "supplied") + ", disabledRules="
        + disabledRules + "]";
  }

  /** Builds a {@link RedactionConfig}. Every setter checks its argument at once. Not thread-safe. */
  public static final class Builder {
    private static final Pattern HEADER_TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private boolean enabled = true;
    private final Set<String> secretHeaders = new LinkedHashSet<>();
    private final Set<String> secretQueryParameters = new LinkedHashSet<>();
    private final Set<String> secretFields = new LinkedHashSet<>();
    private final List<Pattern> secretPatterns = new ArrayList<>();
    private final List<String> secretJsonPointers = new ArrayList<>();
    private byte[] pseudonymKey;
    private final Set<String> disabledRules = new LinkedHashSet<>();

    private Builder() {}

    /**
     * {@code false} switches redaction off altogether (secrets reach bundles; the manifest
     * records it). Default {@code true}.
     */
    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /** Adds a header name (case-insensitive) whose value is replaced whole. Rule {@code user.header}. */
    public Builder secretHeader(String name) {
      if (name == null || !HEADER_TOKEN.matcher(name).matches()) {
        throw new InvalidConfigurationException(
            "secretHeader must be a non-empty HTTP header name (token characters), was "
                + quote(name));
      }
      secretHeaders.add(name.toLowerCase(Locale.ROOT));
      return this;
    }

    /** Adds a query parameter name (case-insensitive) whose values are replaced. Rule {@code user.query-param}. */
    public Builder secretQueryParameter(String name) {
      secretQueryParameters.add(checkName("secretQueryParameter", name));
      return this;
    }

    /**
     * Adds a field name (case-insensitive, exact) whose values are replaced wherever a name
     * labels a value: JSON and form fields, environment variables, system properties,
     * configuration entries, mark attributes, connection properties and SQL columns. Rule
     * {@code user.field}.
     */
    public Builder secretField(String name) {
      secretFields.add(checkName("secretField", name));
      return this;
    }

    /**
     * Adds a regular expression; every match anywhere in text is replaced. When the pattern
     * has a capturing group, only group 1 is replaced (so {@code "pin=(\\d+)"} keeps
     * {@code pin=}). Rule {@code user.regex}.
     */
    public Builder secretPattern(String regex) {
      if (regex == null || regex.isEmpty()) {
        throw new InvalidConfigurationException("secretPattern must be a non-empty regular expression");
      }
      try {
        return secretPattern(Pattern.compile(regex));
      } catch (PatternSyntaxException e) {
        throw new InvalidConfigurationException(
            "secretPattern is not a valid regular expression: " + e.getDescription()
                + " near index " + e.getIndex() + " of " + quote(regex));
      }
    }

    /** Adds a compiled regular expression; see {@link #secretPattern(String)}. */
    public Builder secretPattern(Pattern pattern) {
      if (pattern == null) {
        throw new InvalidConfigurationException("secretPattern must not be null");
      }
      if (pattern.matcher("").matches()) {
        throw new InvalidConfigurationException(
            "secretPattern must not match the empty string, was " + quote(pattern.pattern()));
      }
      secretPatterns.add(pattern);
      return this;
    }

    /**
     * Adds a JSON pointer (RFC 6901, e.g. {@code /customer/card/number}); the value there, or
     * every value below it, is replaced in JSON bodies. A reference token {@code *} matches
     * any member or array element. Rule {@code user.json-pointer}.
     */
    public Builder secretJsonPointer(String pointer) {
      if (pointer == null || !pointer.startsWith("/")) {
        throw new InvalidConfigurationException(
            "secretJsonPointer must be a JSON pointer starting with '/', was " + quote(pointer));
      }
      for (int i = 0; i < pointer.length(); i++) {
        if (pointer.charAt(i) == '~'
            && (i + 1 >= pointer.length() || (pointer.charAt(i + 1) != '0' && pointer.charAt(i + 1) != '1'))) {
          throw new InvalidConfigurationException(
              "secretJsonPointer has '~' not followed by 0 or 1 at index " + i + ": " + quote(pointer));
        }
      }
      secretJsonPointers.add(pointer);
      return this;
    }

    /**
     * A key (at least 16 bytes; 32 random bytes recommended) for the HMAC-SHA256 pseudonyms, so
     * that the same secret maps to the same pseudonym in every bundle. Keep it secret: with
     * it, guessed secrets can be confirmed. Default: none, a random key per bundle.
     */
    public Builder pseudonymKey(byte[] key) {
      if (key == null || key.length < MIN_KEY_BYTES) {
        throw new InvalidConfigurationException("pseudonymKey must be at least " + MIN_KEY_BYTES
            + " bytes, was " + (key == null ? "null" : key.length + " bytes"));
      }
      this.pseudonymKey = key.clone();
      return this;
    }

    /** Goes back to a random key per bundle. */
    public Builder randomPseudonymKey() {
      this.pseudonymKey = null;
      return this;
    }

    /**
     * Switches one rule off by its stable name (see {@link RedactionConfig#ruleNames()}).
     *
     * @throws InvalidConfigurationException when no rule has that name
     */
    public Builder disableRule(String name) {
      disabledRules.add(checkRule("disableRule", name));
      return this;
    }

    /** Switches a rule switched off by {@link #disableRule(String)} back on. */
    public Builder enableRule(String name) {
      disabledRules.remove(checkRule("enableRule", name));
      return this;
    }

    public RedactionConfig build() {
      return new RedactionConfig(this);
    }

    private static String checkRule(String setting, String name) {
      if (name == null || !Rules.isKnown(name)) {
        throw new InvalidConfigurationException(setting + ": unknown redaction rule "
            + quote(name) + "; known rules are " + String.join(", ", Rules.ALL));
      }
      return name;
    }

    private static String checkName(String setting, String name) {
      if (name == null || name.isBlank()) {
        throw new InvalidConfigurationException(
            setting + " must be a non-blank name, was " + quote(name));
      }
      return name.trim().toLowerCase(Locale.ROOT);
    }

    private static String quote(String s) {
      return s == null ? "null" : "'" + s + "'";
    }
  }
}

package dev.reprokit.internal.redact;

import dev.reprokit.redact.RedactionConfig;
import dev.reprokit.redact.RedactionSummary;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The redaction machinery behind {@code dev.reprokit.redact.Redactor}: rules, counters and
 * pseudonyms for one bundle. Every public method is total: it never throws (except
 * {@link OutOfMemoryError}); a rule that fails on a value replaces the value whole and counts
 * a fault. Thread-safe.
 */
public final class RedactionEngine {
  private static final Logger LOG = LoggerFactory.getLogger("dev.reprokit.redact");

  static final Set<String> SECRET_QUERY_NAMES = Set.of(
      "token", "access_token", "refresh_token", "id_token", "api_key", "apikey", "key",
      "password", "passwd", "pwd", "secret", "client_secret", "signature", "sig", "code");

  private static final Set<String> SECRET_HEADERS = Set.of(
      "x-api-key", "x-auth-token", "x-csrf-token", "x-xsrf-token");
  private static final Pattern X_SECRET_HEADER = Pattern.compile("x-.+-(key|token|secret|auth)");
  private static final Set<String> NOT_SECRET_HEADERS = Set.of(
      "www-authenticate", "proxy-authenticate", "authentication-info",
      "proxy-authentication-info");
  private static final Set<String> URL_HEADERS = Set.of(
      "location", "content-location", "referer", "origin");
  /** Authentication schemes kept in front of a replaced credential; any other first word is not. */
  private static final Pattern AUTH_SCHEME = Pattern.compile(
      "\\s*((?i:basic|bearer|digest|negotiate|ntlm|token|oauth|apikey|api-key|dpop|hoba|mutual"
          + "|vapid|aws4-hmac-sha256|scram-sha-1|scram-sha-256|sharedkey|ssws|splunk|kerberos))"
          + "\\s+(\\S.*)", Pattern.DOTALL);

  private static final Pattern PEM = Pattern.compile(
      "-----BEGIN ([A-Z0-9 ]{1,64})-----(.*?)(-----END \\1-----|\\z)", Pattern.DOTALL);
  private static final Pattern BEARER = Pattern.compile(
      "(?i)\\bbearer(?:\\s+|%20)([A-Za-z0-9\\-._~+/]+=*)(?![A-Za-z0-9\\-._~+/=])");
  private static final Pattern JWT = Pattern.compile(
      "(?<![A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]+)\\.(eyJ[A-Za-z0-9_-]+)\\.([A-Za-z0-9_-]+)");
  private static final Pattern URI_CREDENTIALS = Pattern.compile(
      "\\b([A-Za-z][A-Za-z0-9+.-]*://)([^\\s:/?#@'\"<>]*):([^\\s/?#'\"<>]+)@");
  private static final Pattern KEY_SEP = Pattern.compile(
      "(?<![A-Za-z0-9_])(\\\\?[\"']?)([A-Za-z_][A-Za-z0-9_.\\-]{0,99})\\1[ \\t]*[=:][ \\t]*");
  private static final Pattern XML_ELEMENT = Pattern.compile(
      "<([A-Za-z_][A-Za-z0-9_.\\-:]{0,99})(?:\\s[^>]*)?>([^<]+)</\\1>");
  private static final Pattern SCHEME_WORD =
      Pattern.compile("(?i)(basic|bearer|digest|negotiate|ntlm|token)\\s+");
  private static final Pattern ORACLE_USER_PASS =
      Pattern.compile("(?i)(jdbc:(?:repro:)?oracle:[a-z0-9]+:)([^/@:\\s]+)/([^@\\s]+)@");
  private static final Pattern JDBC_IN_TEXT = Pattern.compile("jdbc:[^\\s\"'<>`]+");
  private static final Pattern JDBC_PARAM = Pattern.compile(
      "([;?&(]\\s*)([A-Za-z_][A-Za-z0-9_.\\-]*)\\s*=\\s*(\\{[^}]*\\}|[^;&)]*)");

  private final RedactionConfig config;
  private final boolean on;
  private final Pseudonyms pseudonyms;
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
  private final List<String> ran;
  private final List<String[]> pointers;
  private final AtomicBoolean faultLogged = new AtomicBoolean();
  /** Set by the bundle writer before any body is redacted; {@code null} otherwise. */
  private volatile BodyPrescan bodyPrescan;

  public RedactionEngine(RedactionConfig config) {
    this.config = config;
    this.on = config.enabled();
    this.pseudonyms = new Pseudonyms(config.pseudonymKey());
    List<String> r = new ArrayList<>();
    if (on) {
      for (String rule : Rules.DEFAULT_RULES.keySet()) {
        if (config.ruleEnabled(rule)) {
          r.add(rule);
        }
      }
      addIf(r, Rules.USER_HEADER, !config.secretHeaders().isEmpty());
      addIf(r, Rules.USER_QUERY_PARAM, !config.secretQueryParameters().isEmpty());
      addIf(r, Rules.USER_FIELD, !config.secretFields().isEmpty());
      addIf(r, Rules.USER_REGEX, !config.secretPatterns().isEmpty());
      addIf(r, Rules.USER_JSON_POINTER, !config.secretJsonPointers().isEmpty());
    }
    this.ran = List.copyOf(r);
    for (String rule : ran) {
      counts.put(rule, new LongAdder());
    }
    List<String[]> ps = new ArrayList<>();
    for (String p : config.secretJsonPointers()) {
      String[] tokens = p.substring(1).split("/", -1);
      for (int i = 0; i < tokens.length; i++) {
        tokens[i] = tokens[i].replace("~1", "/").replace("~0", "~");
      }
      ps.add(tokens);
    }
    this.pointers = List.copyOf(ps);
  }

  private void addIf(List<String> r, String rule, boolean configured) {
    if (configured && config.ruleEnabled(rule)) {
      r.add(rule);
    }
  }

  public boolean enabled() {
    return on;
  }

  boolean ruleOn(String rule) {
    return counts.containsKey(rule);
  }

  List<String[]> pointers() {
    return pointers;
  }

  // ---------------------------------------------------------------- pseudonyms, counts, faults

  /** The pseudonym of a secret, without counting it. */
  public String pseudonym(String secret) {
    return pseudonyms.of(secret == null ? "" : secret);
  }

  String pseudonym(byte[] secret) {
    return pseudonyms.of(secret);
  }

  /** Counts one replacement by {@code rule} and returns the pseudonym of {@code secret}. */
  String replace(String rule, String secret) {
    count(rule);
    return pseudonyms.of(secret);
  }

  void count(String rule) {
    LongAdder a = counts.get(rule);
    if (a == null) {
      a = counts.computeIfAbsent(rule, k -> new LongAdder());
    }
    a.increment();
  }

  /**
   * Called when a rule threw on a value: counts the fault, logs the first one of this bundle,
   * and returns the pseudonym of the whole value (never the value itself).
   */
  public String fault(String whole, Throwable t) {
    if (t instanceof OutOfMemoryError oom) {
      throw oom;
    }
    count(Rules.FAULT);
    if (faultLogged.compareAndSet(false, true)) {
      try {
        LOG.warn("ReproKit redaction rule failed; the value was replaced whole. Further"
            + " failures in this bundle are counted as '{}' in the manifest.", Rules.FAULT, t);
      } catch (Throwable ignored) { // logging must not break redaction
        if (ignored instanceof OutOfMemoryError oom) {
          throw oom;
        }
      }
    }
    return pseudonyms.of(whole == null ? "" : whole);
  }

  public long faults() {
    LongAdder a = counts.get(Rules.FAULT);
    return a == null ? 0 : a.sum();
  }

  public RedactionSummary summary() {
    if (!on) {
      return new RedactionSummary(false, List.of());
    }
    List<RedactionSummary.RuleCount> rules = new ArrayList<>();
    for (String rule : ran) {
      rules.add(new RedactionSummary.RuleCount(rule, counts.get(rule).sum()));
    }
    long f = faults();
    if (f > 0) {
      rules.add(new RedactionSummary.RuleCount(Rules.FAULT, f));
    }
    return new RedactionSummary(true, rules);
  }

  // ---------------------------------------------------------------- names

  /** The name test alone: built-in patterns or a configured field name. */
  public boolean isSecretName(String name) {
    return name != null
        && (SecretNames.isSecret(name)
            || config.secretFields().contains(name.trim().toLowerCase(Locale.ROOT)));
  }

  /** The enabled rule that makes a field name secret, or {@code null}. */
  String fieldRule(String name, String defaultRule) {
    if (name == null) {
      return null;
    }
    if (ruleOn(Rules.USER_FIELD) && config.secretFields().contains(name.trim().toLowerCase(Locale.ROOT))) {
      return Rules.USER_FIELD;
    }
    if (ruleOn(defaultRule) && SecretNames.isSecret(name)) {
      return defaultRule;
    }
    return null;
  }

  /** Environment variable, system property, configuration entry, mark attribute. */
  public String namedValue(String name, String value) {
    if (!on || value == null) {
      return value;
    }
    try {
      String rule = fieldRule(name, Rules.NAMED_SECRET);
      if (rule != null) {
        return value.isEmpty() ? value : replace(rule, value);
      }
      return freeValue(value);
    } catch (Throwable t) {
      return fault(value, t);
    }
  }

  /** A value with no name to go by: a URL, a JDBC URL or text; guarded. */
  public String freeValueGuarded(String value) {
    if (!on || value == null || value.isEmpty()) {
      return value;
    }
    try {
      return freeValue(value);
    } catch (Throwable t) {
      return fault(value, t);
    }
  }

  /** A value with no name to go by: a URL, a JDBC URL or text. */
  String freeValue(String value) {
    String trimmed = value.trim();
    if (trimmed.regionMatches(true, 0, "jdbc:", 0, 5)) {
      return jdbcUrlUnguarded(value);
    }
    if (trimmed.indexOf("://") > 0 && trimmed.indexOf(' ') < 0) {
      return urlUnguarded(value);
    }
    return text(value, Mode.TEXT);
  }

  // ---------------------------------------------------------------- text

  /** How text is represented: normal strings, bytes as ISO-8859-1 chars, or SQL. */
  enum Mode {
    TEXT, BYTES, SQL
  }

  /** Text rules (PEM, Bearer, JWT, URI credentials, key-value, user regexes). */
  public String text(String s) {
    if (!on || s == null || s.isEmpty()) {
      return s;
    }
    try {
      return text(s, Mode.TEXT);
    } catch (Throwable t) {
      return fault(s, t);
    }
  }

  String text(String s, Mode mode) {
    if (s == null || s.isEmpty()) {
      return s;
    }
    String r = s;
    // The words of the original text serve every step: a replacement (a pseudonym, in
    // non-ASCII brackets) brings none in and cannot join two halves of one.
    long words = TEXT_WORDS.find(s);
    if (ruleOn(Rules.TEXT_PEM) && r.contains("-----BEGIN ")) {
      r = replaceGroup(r, PEM, 2, Rules.TEXT_PEM, mode);
    }
    if (ruleOn(Rules.TEXT_BEARER) && (words & BEARER_WORD) != 0 && containsIgnoreCase(r, "bearer")) {
      r = replaceBearer(r, mode);
    }
    if (ruleOn(Rules.TEXT_JWT_SIGNATURE) && r.contains("eyJ")) {
      r = replaceGroup(r, JWT, 3, Rules.TEXT_JWT_SIGNATURE, mode);
    }
    if (mode != Mode.BYTES && ruleOn(Rules.JDBC_URL_PASSWORD) && r.contains("jdbc:")) {
      r = jdbcUrlsInText(r);
    }
    // the pattern ends in '@': most URLs carry no user info, and skip the regex
    if (ruleOn(Rules.TEXT_URI_CREDENTIALS) && r.contains("://") && r.indexOf('@') >= 0) {
      r = replaceGroup(r, URI_CREDENTIALS, 3, Rules.TEXT_URI_CREDENTIALS, mode);
    }
    // key-value and XML pairs need a secret name: one of the name test's words (the patterns
    // match ASCII names only), or any name when the configuration adds field names
    if (mode != Mode.SQL && ((ruleOn(Rules.TEXT_KEY_VALUE) && (words & SECRET_NAME_WORD) != 0)
        || ruleOn(Rules.USER_FIELD))) {
      r = keyValues(r, mode);
    }
    if (ruleOn(Rules.USER_REGEX)) {
      for (Pattern p : config.secretPatterns()) {
        r = replaceGroup(r, p, p.matcher("").groupCount() >= 1 ? 1 : 0, Rules.USER_REGEX, mode);
      }
    }
    return r;
  }

  /**
   * {@code false} only when {@link #text(String, Mode)} in {@code TEXT} mode certainly returns
   * {@code chars[off, off + len)} unchanged: none of the text rules' triggers is there (a
   * {@code :}, {@code =} or {@code <} for key-value, URI and JDBC rules; {@code -----BEGIN },
   * {@code bearer} in any ASCII case, {@code eyJ}) and no user pattern is configured. Each
   * rule's pattern needs its trigger, so skipping such text changes nothing; it saves building
   * a string for every ordinary value of a JSON body.
   */
  boolean textMayChange(char[] chars, int off, int len) {
    if (ruleOn(Rules.USER_REGEX)) {
      return true;
    }
    int end = off + len;
    for (int i = off; i < end; i++) {
      char c = chars[i];
      switch (c) {
        case ':', '=', '<':
          return true;
        case '-':
          if (startsWith(chars, i, end, "-----BEGIN ", false)) {
            return true;
          }
          break;
        case 'b', 'B':
          if (startsWith(chars, i, end, "bearer", true)) {
            return true;
          }
          break;
        case 'e':
          if (startsWith(chars, i, end, "eyJ", false)) {
            return true;
          }
          break;
        default:
          break;
      }
    }
    return false;
  }

  /** {@code word} at {@code chars[i]}, optionally ignoring ASCII case ({@code word} lower case). */
  private static boolean startsWith(char[] chars, int i, int end, String word, boolean asciiCase) {
    if (end - i < word.length()) {
      return false;
    }
    for (int k = 0; k < word.length(); k++) {
      char c = chars[i + k];
      if (asciiCase && c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      if (c != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static final long BEARER_WORD = 1L;
  private static final long SECRET_NAME_WORD = 2L;

  /**
   * {@code bearer} (the bearer rule's pattern needs it in some ASCII case), and the words one
   * of which a name needs to pass {@link SecretNames#isSecret} when it is ASCII.
   */
  private static final AsciiAnchors TEXT_WORDS = AsciiAnchors.builder()
      .word("bearer", 0)
      .word("pass", 1).word("pwd", 1).word("secret", 1).word("token", 1).word("credential", 1)
      .word("session", 1).word("key", 1).word("private", 1).word("auth", 1)
      .build();

  /** The pseudonym in the representation of {@code mode}. */
  private String secret(String rule, String raw, Mode mode) {
    count(rule);
    if (mode == Mode.BYTES) {
      String p = pseudonyms.of(raw.getBytes(StandardCharsets.ISO_8859_1));
      return new String(p.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
    return pseudonyms.of(raw);
  }

  private String replaceGroup(String s, Pattern p, int group, String rule, Mode mode) {
    Matcher m = p.matcher(s);
    StringBuilder out = null;
    int last = 0;
    while (m.find()) {
      int start = m.start(group);
      int end = m.end(group);
      if (start < 0 || end <= start) {
        continue;
      }
      String found = s.substring(start, end);
      if (Pseudonyms.isPseudonym(found) || found.isBlank()) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(s.length() + 32);
      }
      out.append(s, last, start).append(secret(rule, found, mode));
      last = end;
    }
    if (out == null) {
      return s;
    }
    return out.append(s, last, s.length()).toString();
  }

  private String replaceBearer(String s, Mode mode) {
    Matcher m = BEARER.matcher(s);
    StringBuilder out = null;
    int last = 0;
    while (m.find()) {
      int start = m.start(1);
      int end = m.end(1);
      String token = s.substring(start, end);
      // "Bearer realm="x"": an auth-param of a challenge, not a token
      if (end < s.length() && s.charAt(end) == '"' && token.matches("[A-Za-z_]+=")) {
        continue;
      }
      // "the bearer of news": lower-case prose, not a credential
      if (s.startsWith("bearer", m.start()) && token.matches("[a-z]+")) {
        continue;
      }
      if (Pseudonyms.isPseudonym(token)) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(s.length() + 32);
      }
      out.append(s, last, start).append(secret(Rules.TEXT_BEARER, token, mode));
      last = end;
    }
    if (out == null) {
      return s;
    }
    return out.append(s, last, s.length()).toString();
  }

  /** {@code name=value}, {@code name: value}, {@code "name":"value"}, {@code <name>value</name>}. */
  private String keyValues(String s, Mode mode) {
    String r = s;
    if (r.indexOf('=') >= 0 || r.indexOf(':') >= 0) {
      Matcher m = KEY_SEP.matcher(r);
      StringBuilder out = null;
      int last = 0;
      int from = 0;
      while (from < r.length() && m.find(from)) {
        from = m.end();
        String rule = fieldRule(m.group(2), Rules.TEXT_KEY_VALUE);
        if (rule == null) {
          from = m.start(2) + m.group(2).length();
          continue;
        }
        int[] v = valueSpan(r, m.end());
        if (v == null) {
          continue;
        }
        String value = r.substring(v[0], v[1]);
        if (Pseudonyms.isPseudonym(value)) {
          from = v[1];
          continue;
        }
        if (out == null) {
          out = new StringBuilder(r.length() + 32);
        }
        out.append(r, last, v[0]).append(secret(rule, value, mode));
        last = v[1];
        from = v[1];
      }
      if (out != null) {
        r = out.append(r, last, r.length()).toString();
      }
    }
    if (r.indexOf('<') >= 0) {
      Matcher m = XML_ELEMENT.matcher(r);
      StringBuilder out = null;
      int last = 0;
      while (m.find()) {
        String name = m.group(1);
        int colon = name.indexOf(':');
        String rule = fieldRule(colon >= 0 ? name.substring(colon + 1) : name, Rules.TEXT_KEY_VALUE);
        String value = m.group(2);
        if (rule == null || value.isBlank() || Pseudonyms.isPseudonym(value)) {
          continue;
        }
        if (out == null) {
          out = new StringBuilder(r.length() + 32);
        }
        out.append(r, last, m.start(2)).append(secret(rule, value, mode));
        last = m.end(2);
      }
      if (out != null) {
        r = out.append(r, last, r.length()).toString();
      }
    }
    return r;
  }

  /** Where the value after a key-value separator starts and ends, or {@code null} if none. */
  private static int[] valueSpan(String s, int from) {
    int i = from;
    Matcher scheme = SCHEME_WORD.matcher(s);
    scheme.region(i, s.length());
    if (scheme.lookingAt() && scheme.end() < s.length()) {
      i = scheme.end();
    }
    if (i >= s.length()) {
      return null;
    }
    char c = s.charAt(i);
    int start;
    int end;
    if (c == '"' || c == '\'') {
      start = i + 1;
      end = start;
      while (end < s.length() && s.charAt(end) != c) {
        end += s.charAt(end) == '\\' ? 2 : 1;
      }
      end = Math.min(end, s.length());
    } else if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '"') { // \"value\" in escaped JSON
      start = i + 2;
      end = s.indexOf("\\\"", start);
      if (end < 0) {
        end = s.length();
      }
    } else {
      start = i;
      end = i;
      while (end < s.length() && !isValueEnd(s.charAt(end))) {
        end++;
      }
    }
    if (end <= start) {
      return null;
    }
    String v = s.substring(start, end);
    if (v.equals("?") || v.equals("null") || v.equals("true") || v.equals("false")) {
      return null;
    }
    return new int[] {start, end};
  }

  private static boolean isValueEnd(char c) {
    return Character.isWhitespace(c) || ",;&\"'<>(){}[]".indexOf(c) >= 0;
  }

  private static boolean containsIgnoreCase(String s, String word) {
    int n = word.length();
    for (int i = 0; i + n <= s.length(); i++) {
      if (s.regionMatches(true, i, word, 0, n)) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- headers

  public String headerValue(String name, String value) {
    if (!on || value == null || value.isEmpty() || name == null) {
      return value;
    }
    try {
      return headerUnguarded(name, value);
    } catch (Throwable t) {
      return fault(value, t);
    }
  }

  /**
   * What a header's name says about its value (lower-cased and trimmed, as the rules compare
   * it); which rules are on is asked at each use. An application sends the same few header
   * names again and again, so the answers are kept per name.
   */
  private record HeaderName(boolean userSecret, HeaderRule special, boolean secret,
      boolean url) {}

  /** The headers whose values have a rule of their own. */
  private enum HeaderRule { AUTHORIZATION, COOKIE, SET_COOKIE }

  private static final int HEADER_NAME_CACHE_LIMIT = 1024;
  private final Map<String, HeaderName> headerNames = new ConcurrentHashMap<>();

  private HeaderName headerName(String name) {
    HeaderName h = headerNames.get(name);
    if (h == null) {
      String lower = name.trim().toLowerCase(Locale.ROOT);
      HeaderRule special = switch (lower) {
        case "authorization", "proxy-authorization" -> HeaderRule.AUTHORIZATION;
        case "cookie" -> HeaderRule.COOKIE;
        case "set-cookie", "set-cookie2" -> HeaderRule.SET_COOKIE;
        default -> null;
      };
      h = new HeaderName(config.secretHeaders().contains(lower), special,
          SECRET_HEADERS.contains(lower) || X_SECRET_HEADER.matcher(lower).matches()
              || (SecretNames.isSecret(lower) && !NOT_SECRET_HEADERS.contains(lower)
                  && !lower.startsWith("access-control-")),
          URL_HEADERS.contains(lower));
      if (headerNames.size() < HEADER_NAME_CACHE_LIMIT) {
        headerNames.put(name, h);
      }
    }
    return h;
  }

  private String headerUnguarded(String name, String value) {
    HeaderName h = headerName(name);
    if (ruleOn(Rules.USER_HEADER) && h.userSecret()) {
      return replace(Rules.USER_HEADER, value);
    }
    if (h.special() == HeaderRule.AUTHORIZATION) {
      if (ruleOn(Rules.HEADER_AUTHORIZATION)) {
        Matcher m = AUTH_SCHEME.matcher(value);
        if (m.matches()) {
          return m.group(1) + " " + replace(Rules.HEADER_AUTHORIZATION, m.group(2));
        }
        return replace(Rules.HEADER_AUTHORIZATION, value);
      }
      return text(value, Mode.TEXT);
    }
    if (h.special() == HeaderRule.COOKIE) {
      return ruleOn(Rules.HEADER_COOKIE) ? cookies(value, false) : text(value, Mode.TEXT);
    }
    if (h.special() == HeaderRule.SET_COOKIE) {
      return ruleOn(Rules.HEADER_COOKIE) ? cookies(value, true) : text(value, Mode.TEXT);
    }
    if (ruleOn(Rules.HEADER_SECRET) && h.secret()) {
      return replace(Rules.HEADER_SECRET, value);
    }
    if (h.url()) {
      return urlUnguarded(value);
    }
    return text(value, Mode.TEXT);
  }

  /** Cookie: every value replaced, names kept. Set-Cookie: the value, attributes kept. */
  private String cookies(String value, boolean set) {
    String[] parts = value.split(";", -1);
    StringBuilder out = new StringBuilder(value.length() + 32);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        out.append(';');
      }
      String part = parts[i];
      if (set && i > 0) { // attributes: Path, Domain, Expires, HttpOnly...
        out.append(foldedCookies(part));
        continue;
      }
      int eq = part.indexOf('=');
      String v = eq < 0 ? part.trim() : part.substring(eq + 1).trim();
      if (v.isEmpty() || Pseudonyms.isPseudonym(v)) {
        out.append(part);
        continue;
      }
      if (eq < 0) {
        out.append(part, 0, part.indexOf(v)).append(replace(Rules.HEADER_COOKIE, v));
      } else {
        out.append(part, 0, eq + 1);
        String after = part.substring(eq + 1);
        out.append(after, 0, after.indexOf(v)).append(replace(Rules.HEADER_COOKIE, v));
      }
    }
    return out.toString();
  }

  private static final Pattern FOLDED_COOKIE = Pattern.compile(",\\s*([^=;,\\s]+)=([^;,]*)");
  private static final Set<String> COOKIE_ATTRIBUTES = Set.of("expires", "max-age", "domain",
      "path", "secure", "httponly", "samesite", "priority", "partitioned", "version", "comment");

  /** Set-Cookie headers folded into one with commas: {@code a=1; Path=/, b=2; Path=/}. */
  private String foldedCookies(String attribute) {
    if (attribute.indexOf(',') < 0) {
      return attribute;
    }
    Matcher m = FOLDED_COOKIE.matcher(attribute);
    StringBuilder out = null;
    int last = 0;
    while (m.find()) {
      String value = m.group(2).trim();
      if (COOKIE_ATTRIBUTES.contains(m.group(1).toLowerCase(Locale.ROOT)) || value.isEmpty()
          || Pseudonyms.isPseudonym(value)) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(attribute.length() + 32);
      }
      out.append(attribute, last, m.start(2)).append(replace(Rules.HEADER_COOKIE, value));
      last = m.end(2);
    }
    return out == null ? attribute : out.append(attribute, last, attribute.length()).toString();
  }

  // ---------------------------------------------------------------- URLs

  public String url(String url) {
    if (!on || url == null || url.isEmpty()) {
      return url;
    }
    try {
      return urlUnguarded(url);
    } catch (Throwable t) {
      return fault(url, t);
    }
  }

  String urlUnguarded(String url) {
    String r = url;
    int sep = r.indexOf("://");
    int authStart = sep > 0 && isScheme(r, 0, sep) ? sep + 3 : -1;
    int pathStart = 0;
    if (authStart > 0) {
      int authEnd = authStart;
      while (authEnd < r.length() && "/?#".indexOf(r.charAt(authEnd)) < 0
          && !Character.isWhitespace(r.charAt(authEnd))) {
        authEnd++;
      }
      int at = r.lastIndexOf('@', authEnd - 1);
      if (at >= authStart && ruleOn(Rules.URL_USERINFO)) {
        String userInfo = r.substring(authStart, at);
        int colon = userInfo.indexOf(':');
        String replaced;
        if (colon >= 0) {
          String pass = userInfo.substring(colon + 1);
          replaced = pass.isEmpty() || Pseudonyms.isPseudonym(pass) ? userInfo
              : userInfo.substring(0, colon + 1)
                  + replace(Rules.URL_USERINFO, decode(pass));
        } else {
          replaced = userInfo.isEmpty() || Pseudonyms.isPseudonym(userInfo) ? userInfo
              : replace(Rules.URL_USERINFO, decode(userInfo));
        }
        r = r.substring(0, authStart) + replaced + r.substring(at);
        authEnd += replaced.length() - userInfo.length();
      }
      pathStart = authEnd;
    }
    int q = r.indexOf('?', pathStart);
    int h = r.indexOf('#', pathStart);
    if (q >= 0 && (h < 0 || q < h)) {
      int qEnd = h < 0 ? r.length() : h;
      String params = params(r.substring(q + 1, qEnd), false);
      r = r.substring(0, q + 1) + params + r.substring(qEnd);
      h = h < 0 ? -1 : q + 1 + params.length();
    }
    if (h >= 0 && r.indexOf('=', h) > 0) { // OAuth implicit flow: #access_token=...
      r = r.substring(0, h + 1) + params(r.substring(h + 1), false);
    }
    return text(r, Mode.TEXT);
  }

  private static boolean isScheme(String s, int from, int to) {
    if (to <= from || !Character.isLetter(s.charAt(from))) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.' || c == ':')) {
        return false;
      }
    }
    return true;
  }

  /** Query strings and form bodies: {@code a=1&b=2}. */
  String params(String params, boolean form) {
    if (params.isEmpty()) {
      return params;
    }
    String[] pairs = params.split("&", -1);
    StringBuilder out = new StringBuilder(params.length() + 32);
    for (int i = 0; i < pairs.length; i++) {
      if (i > 0) {
        out.append('&');
      }
      String pair = pairs[i];
      int eq = pair.indexOf('=');
      if (eq <= 0) { // not a field: a mislabelled body or a bare flag; text rules still apply
        String red = text(pair, Mode.TEXT);
        out.append(red.equals(pair) ? pair : form ? urlSafe(red) : red);
        continue;
      }
      String name = decode(pair.substring(0, eq));
      String raw = pair.substring(eq + 1);
      String redName = text(name, Mode.TEXT);
      if (redName.equals(name)) {
        out.append(pair, 0, eq + 1);
      } else { // a name that carries a secret itself: not a real field name
        out.append(encodeParam(redName, form)).append('=');
      }
      if (raw.isEmpty() || Pseudonyms.isPseudonym(raw)) {
        out.append(raw);
        continue;
      }
      String rule = paramRule(name, form);
      String value = decode(raw);
      if (rule != null) {
        String p = replace(rule, value);
        out.append(form ? urlSafe(p) : p);
      } else {
        String red = text(value, Mode.TEXT);
        out.append(red.equals(value) ? raw : encodeParam(red, form));
      }
    }
    return out.toString();
  }

  private String paramRule(String name, boolean form) {
    String lower = name.trim().toLowerCase(Locale.ROOT);
    if (!form && ruleOn(Rules.USER_QUERY_PARAM) && config.secretQueryParameters().contains(lower)) {
      return Rules.USER_QUERY_PARAM;
    }
    if (ruleOn(Rules.USER_FIELD) && config.secretFields().contains(lower)) {
      return Rules.USER_FIELD;
    }
    String rule = form ? Rules.BODY_FORM_FIELD : Rules.QUERY_PARAM;
    if (ruleOn(rule) && (SECRET_QUERY_NAMES.contains(lower) || SecretNames.isSecret(name))) {
      return rule;
    }
    return null;
  }

  static String decode(String s) {
    if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
      return s;
    }
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  /** Form-encodes a value, keeping pseudonyms readable in URLs ({@code :} always). */
  private static String encodeParam(String s, boolean form) {
    String e = java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("%3A", ":");
    return form ? e : e.replace("%E2%80%B9", "‹").replace("%E2%80%BA", "›");
  }

  /** Percent-encodes the non-ASCII characters of a pseudonym for form bodies (ASCII by spec). */
  static String urlSafe(String s) {
    return s.replace("‹", "%E2%80%B9").replace("›", "%E2%80%BA");
  }

  // ---------------------------------------------------------------- JDBC URLs

  public String jdbcUrl(String url) {
    if (!on || url == null || url.isEmpty()) {
      return url;
    }
    try {
      return jdbcUrlUnguarded(url);
    } catch (Throwable t) {
      return fault(url, t);
    }
  }

  String jdbcUrlUnguarded(String url) {
    return text(jdbcUrlCore(url), Mode.TEXT);
  }

  /** The JDBC rules alone, without the text rules. */
  private String jdbcUrlCore(String url) {
    String r = url;
    if (ruleOn(Rules.JDBC_URL_PASSWORD)) {
      r = replaceGroup(r, ORACLE_USER_PASS, 3, Rules.JDBC_URL_PASSWORD, Mode.TEXT);
      int sep = r.indexOf("://");
      if (sep > 0) {
        int authStart = sep + 3;
        int authEnd = authStart;
        while (authEnd < r.length() && "/?;#".indexOf(r.charAt(authEnd)) < 0) {
          authEnd++;
        }
        int at = r.lastIndexOf('@', authEnd - 1);
        if (at > authStart) {
          String userInfo = r.substring(authStart, at);
          int colon = userInfo.indexOf(':');
          if (colon >= 0 && colon + 1 < userInfo.length()
              && !Pseudonyms.isPseudonym(userInfo.substring(colon + 1))) {
            r = r.substring(0, authStart) + userInfo.substring(0, colon + 1)
                + replace(Rules.JDBC_URL_PASSWORD, decode(userInfo.substring(colon + 1)))
                + r.substring(at);
          }
        }
      }
    }
    Matcher m = JDBC_PARAM.matcher(r);
    StringBuilder out = null;
    int last = 0;
    while (m.find()) {
      String rule = fieldRule(m.group(2), Rules.JDBC_URL_PASSWORD);
      String value = m.group(3).trim();
      if (rule == null || value.isEmpty() || Pseudonyms.isPseudonym(value)) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(r.length() + 32);
      }
      int start = m.start(3);
      int end = m.end(3);
      String raw = m.group(3);
      if (raw.startsWith("{") && raw.endsWith("}") && raw.length() > 2) {
        out.append(r, last, start).append('{')
            .append(replace(rule, raw.substring(1, raw.length() - 1))).append('}');
      } else {
        out.append(r, last, start).append(replace(rule, decode(raw.trim())));
      }
      last = end;
    }
    if (out != null) {
      r = out.append(r, last, r.length()).toString();
    }
    return r;
  }

  /** JDBC URLs quoted in text, e.g. in a driver's exception message. */
  private String jdbcUrlsInText(String s) {
    Matcher m = JDBC_IN_TEXT.matcher(s);
    StringBuilder out = null;
    int last = 0;
    while (m.find()) {
      String url = m.group();
      String red = jdbcUrlCore(url);
      if (!red.equals(url)) {
        if (out == null) {
          out = new StringBuilder(s.length() + 32);
        }
        out.append(s, last, m.start()).append(red);
        last = m.end();
      }
    }
    return out == null ? s : out.append(s, last, s.length()).toString();
  }

  // ---------------------------------------------------------------- bodies

  /**
   * From now on JSON bodies are scanned by {@code prescan}, which also tells a later check of
   * the same arrays what they hold (the bundle writer's leak gate).
   */
  public void prescanBodies(BodyPrescan prescan) {
    this.bodyPrescan = prescan;
  }

  BodyPrescan bodyPrescan() {
    return bodyPrescan;
  }

  public byte[] body(String contentType, byte[] body) {
    if (!on || body == null || body.length == 0) {
      return body;
    }
    try {
      return Bodies.redact(this, contentType, body);
    } catch (Throwable t) {
      return fault(new String(body, StandardCharsets.ISO_8859_1), t)
          .getBytes(StandardCharsets.UTF_8);
    }
  }

  /** Text rules over bytes, preserving every byte outside the replaced values. */
  byte[] textBytes(byte[] body) {
    String latin = new String(body, StandardCharsets.ISO_8859_1);
    String r = text(latin, Mode.BYTES);
    return r.equals(latin) ? body : r.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Form bodies: bytes as ISO-8859-1 chars, values percent-decoded as UTF-8. */
  byte[] formBytes(byte[] body) {
    String latin = new String(body, StandardCharsets.ISO_8859_1);
    String r = params(latin, true);
    return r.equals(latin) ? body : r.getBytes(StandardCharsets.ISO_8859_1);
  }

  // ---------------------------------------------------------------- SQL

  /** SQL text: secret literals by column and after PASSWORD / IDENTIFIED BY, then text rules. */
  public String sql(String sql) {
    if (!on || sql == null || sql.isEmpty()) {
      return sql;
    }
    try {
      return SqlColumns.redactLiterals(this, sql);
    } catch (Throwable t) {
      return fault(sql, t);
    }
  }

  String sqlText(String sql) {
    return text(sql, Mode.SQL);
  }

  String secretValue(String rule, String value) {
    return replace(rule, value);
  }
}

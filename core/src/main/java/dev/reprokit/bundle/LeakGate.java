package dev.reprokit.bundle;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import dev.reprokit.event.Event;
import dev.reprokit.internal.redact.AsciiAnchors;
import dev.reprokit.internal.redact.BodyPrescan;
import dev.reprokit.internal.json.ReproJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last line of defence before a bundle is written: scans the text of every entry, after
 * the redaction rules ran, for values that still look like secrets, replaces each with a keyed
 * pseudonym (from the bundle's {@code Redactor}) and counts the hits per entry and rule for the
 * manifest ({@link LeakGateHit}).
 *
 * <p>Rules that apply to any text: {@value #PEM}, {@value #JWT}, {@value #BEARER},
 * {@value #BASIC}, {@value #AWS_KEY}, {@value #KNOWN_TOKEN}, {@value #URL_CREDENTIALS},
 * {@value #PASSWORD_PAIR}; in JSON also {@value #SECRET_NAME} (a value under a secret-looking
 * field name, or a {@code {"name": ..., "value": ...}} pair with a secret-looking name). Only
 * in HTTP header values and in URL query strings: {@value #HIGH_ENTROPY_HEADER} and
 * {@value #HIGH_ENTROPY_QUERY}, long tokens of mixed letters and digits that are neither UUIDs
 * nor hex digests. Binary payloads (images, archives, octet streams) are not scanned.
 *
 * <p>Not thread-safe: one gate per bundle being written.
 */
final class LeakGate {
  static final String PEM = "pem-block";
  static final String JWT = "jwt";
  static final String BEARER = "bearer-token";
  static final String BASIC = "basic-credentials";
  static final String AWS_KEY = "aws-access-key-id";
  static final String KNOWN_TOKEN = "known-token";
  static final String URL_CREDENTIALS = "url-credentials";
  static final String PASSWORD_PAIR = "password-pair";
  static final String SECRET_NAME = "secret-name";
  static final String HIGH_ENTROPY_HEADER = "high-entropy-header";
  static final String HIGH_ENTROPY_QUERY = "high-entropy-query";

  /** The manifest's name for hits in trigger text that the manifest itself carries. */
  static final String MANIFEST = Manifest.ENTRY;

  private static final String PSEUDONYM_MARK = "‹redacted";

  /** A name whose value is a secret: ends in password, secret, token, api key, ... */
  private static final Pattern SECRET_NAME_PATTERN = Pattern.compile(
      "(?i).*(?:password|passwd|passphrase|pwd|secret|api[_.-]?key|access[_.-]?key"
          + "|auth[_.-]?token|access[_.-]?token|refresh[_.-]?token|session[_.-]?token"
          + "|private[_.-]?key|credentials?|x-api-token|authorization|cookie)");

  /** Header names whose values are never secrets and often look random (ids, versions). */
  private static final Set<String> PLAIN_HEADERS = Set.of("user-agent", "accept",
      "accept-encoding", "accept-language", "accept-charset", "content-type", "content-length",
      "content-encoding", "content-language", "host", "date", "server", "via", "vary",
      "connection", "cache-control", "pragma", "expires", "etag", "if-none-match", "if-match",
      "last-modified", "if-modified-since", "traceparent", "tracestate", "x-request-id",
      "x-correlation-id", "request-id", "b3", "x-b3-traceid", "x-b3-spanid", "x-amzn-trace-id",
      "transfer-encoding", "keep-alive", "upgrade", "content-disposition", "link");

  /**
   * One rule: where it looks, which group it replaces and when a match really is a secret.
   * The regular expression runs only on text that contains one of the {@code anchors} (ASCII
   * words compared ignoring ASCII case, which is all a pattern without {@code UNICODE_CASE}
   * matches), so that ordinary text costs one scan ({@link #ANCHORS}), not a regex run.
   */
  private record Rule(String name, Pattern pattern, int group, Predicate<String> isSecret,
      char needs, String... anchors) {
    /** A rule whose pattern needs no particular character besides its anchors. */
    Rule(String name, Pattern pattern, int group, Predicate<String> isSecret,
        String... anchors) {
      this(name, pattern, group, isSecret, NOTHING_NEEDED, anchors);
    }

    /** {@code false} when the pattern certainly finds nothing: a character it needs is absent. */
    boolean mayMatch(String text) {
      return needs == NOTHING_NEEDED || text.indexOf(needs) >= 0;
    }
  }

  private static final char NOTHING_NEEDED = 0;

  private static final Predicate<String> ANY = v -> true;

  /** Rules for any text, in the order they run (whole tokens before their parts). */
  private static final List<Rule> TEXT_RULES = List.of(
      new Rule(PEM, Pattern.compile(
          "-----BEGIN ([A-Z0-9 ]{1,40})-----([\\s\\S]*?)(?:-----END \\1-----|\\z)"), 2,
          v -> !v.isBlank(), "-----begin "),
      new Rule(JWT, Pattern.compile(
          "(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{8,}"), 0,
          ANY, "eyj"),
      new Rule(KNOWN_TOKEN, Pattern.compile("(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{30,255}"
          + "|github_pat_[A-Za-z0-9_]{22,255}|xox[abposr]-[A-Za-z0-9-]{10,250}"
          + "|[sr]k_(?:live|test)_[A-Za-z0-9]{16,250}|AIza[0-9A-Za-z_-]{35}"
          + "|glpat-[A-Za-z0-9_-]{20,250})"), 0, ANY, "ghp_", "gho_", "ghu_", "ghs_", "ghr_",
          "github_pat_", "xox", "k_live_", "k_test_", "aiza", "glpat-"),
      new Rule(AWS_KEY, Pattern.compile("(?<![A-Z0-9])(?:AKIA|ASIA)[0-9A-Z]{16}(?![A-Z0-9])"),
          0, ANY, "akia", "asia"),
      new Rule(BEARER, Pattern.compile(
          "(?i)(?<![A-Za-z0-9])bearer\\s+([A-Za-z0-9._~+/-]{8,}=*)"), 1,
          LeakGate::looksLikeToken, "bearer"),
      new Rule(BASIC, Pattern.compile(
          "(?i)(?<![A-Za-z0-9])basic\\s+([A-Za-z0-9+/]{6,}={0,2})(?![A-Za-z0-9+/=])"), 1,
          LeakGate::isBase64Credentials, "basic"),
      new Rule(URL_CREDENTIALS, Pattern.compile(
          "(?i)\\b[a-z][a-z0-9+.-]{1,20}://[^\\s/:@?#\"'<>]{1,256}:([^\\s/@?#\"'<>]{1,256})@"), 1,
          LeakGate::isValue, '@', "://"), // most URLs carry no user info: no '@', no regex
      new Rule(PASSWORD_PAIR, Pattern.compile("(?i)(?<![A-Za-z0-9])[A-Za-z0-9_.-]{0,64}"
          + "(?:password|passwd|passphrase|pwd|secret|api[_-]?key|access[_-]?token"
          + "|auth[_-]?token|private[_-]?key)[\"']?\\s{0,4}[=:]\\s{0,4}[\"']?"
          + "([^\\s&;\"',}<>)\\]]{1,4096})"), 1, LeakGate::isValue, "pass", "pwd", "secret",
          "key", "token"));

  /** The bit of {@link #ANCHORS} that says where {@link #QUERY_RULE}'s pattern may start. */
  private static final long QUERY_START = 1L << 62;

  /** {@code [A-Za-z0-9_.~%\[\]-]}: the characters of a parameter name in {@link #QUERY_RULE}. */
  private static final String QUERY_NAME_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.~%[]-";

  /**
   * The anchors of {@link #TEXT_RULES} (rule {@code r} sets bit {@code r}) and
   * {@link #QUERY_START} (a separator {@code ? & ;} followed by a parameter name's character),
   * found in one pass over a text or a payload.
   */
  private static final AsciiAnchors ANCHORS = anchors(AsciiAnchors.builder());

  /**
   * For {@link #cannotHit}: the same, plus the words that a secret-looking name needs
   * ({@link #SECRET_NAME_PATTERN}) and {@code headers}, which a header value needs to be
   * scanned by {@link #HEADER_RULE}; a backslash stops the scan (an escape can hide any
   * character).
   */
  private static final AsciiAnchors JSON_ANCHORS = anchors(AsciiAnchors.builder()
      .word("pass", 0).word("pwd", 0).word("secret", 0).word("key", 0).word("token", 0)
      .word("credential", 0).word("authorization", 0).word("cookie", 0).word("headers", 0)
      .stopAt('\\'));

  private static AsciiAnchors anchors(AsciiAnchors.Builder b) {
    return words(b).build();
  }

  /** Adds the words of {@link #ANCHORS} to {@code b}, at the same bits. */
  private static AsciiAnchors.Builder words(AsciiAnchors.Builder b) {
    for (int r = 0; r < TEXT_RULES.size(); r++) {
      // A text rule runs only when one of its anchors is found: a rule without anchors would
      // silently never run, so it is refused here, when the class loads.
      if (TEXT_RULES.get(r).anchors().length == 0) {
        throw new IllegalStateException("leak gate rule " + TEXT_RULES.get(r).name()
            + " has no anchor words: give it the words its pattern cannot match without");
      }
      for (String a : TEXT_RULES.get(r).anchors()) {
        b.word(a, r);
      }
    }
    return b.pair("?&;", QUERY_NAME_CHARS, 62);
  }

  /**
   * A scan for the redactor to run over each JSON body instead of its own: it finds the
   * redactor's words and {@link #ANCHORS}' words in one pass, so that {@link #bytes} can skip
   * a payload whose very array it found neither in.
   */
  static BodyPrescan bodyPrescan() {
    return new BodyPrescan(PRESCAN_WORDS);
  }

  private static final BodyPrescan.Words PRESCAN_WORDS = BodyPrescan.Words.of(LeakGate::words);

  private static final Rule HEADER_RULE = new Rule(HIGH_ENTROPY_HEADER,
      Pattern.compile("(?<![A-Za-z0-9+/_~.-])([A-Za-z0-9+/_~.-]{20,4096}={0,2})"), 1,
      LeakGate::isHighEntropy);

  private static final Rule QUERY_RULE = new Rule(HIGH_ENTROPY_QUERY,
      Pattern.compile("[?&;][A-Za-z0-9_.~%\\[\\]-]{1,64}=([^&#\\s\"'<>]{20,4096})"), 1,
      v -> {
        String decoded = percentDecode(v);
        return !decoded.regionMatches(true, 0, "data:", 0, 5) && isHighEntropy(decoded);
      });

  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]*={0,2}");
  private static final Pattern UUID = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F:._-]+");

  private final UnaryOperator<String> pseudonym;
  private final boolean enabled;
  private final BodyPrescan prescan;
  private final Map<String, Map<String, Long>> hits = new LinkedHashMap<>();

  /** A gate that replaces findings with {@code pseudonym}'s answer (the bundle's redactor). */
  LeakGate(UnaryOperator<String> pseudonym) {
    this(pseudonym, true);
  }

  /**
   * A gate; a disabled one (redaction switched off explicitly by the user) passes everything
   * through and finds nothing.
   */
  LeakGate(UnaryOperator<String> pseudonym, boolean enabled) {
    this(pseudonym, enabled, null);
  }

  /**
   * A gate that trusts {@code prescan} (run by the bundle's redactor, see
   * {@link #bodyPrescan()}) about the payload arrays it scanned; {@code null}: none.
   */
  LeakGate(UnaryOperator<String> pseudonym, boolean enabled, BodyPrescan prescan) {
    this.pseudonym = pseudonym;
    this.enabled = enabled;
    this.prescan = prescan;
  }

  /** Every hit so far, by entry (in the order first found) and rule. */
  List<LeakGateHit> hits() {
    List<LeakGateHit> out = new ArrayList<>();
    hits.forEach((entry, rules) ->
        rules.forEach((rule, count) -> out.add(new LeakGateHit(entry, rule, count))));
    return out;
  }

  // ---- text ----------------------------------------------------------------------------------

  /** {@code text} with every finding replaced; {@code null} stays {@code null}. */
  String text(String entry, String text) {
    return enabled ? scan(entry, text, false) : text;
  }

  private String scan(String entry, String text, boolean headerValue) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    // The anchors of the original text suffice for every rule: a replacement (a pseudonym in
    // non-ASCII brackets) brings no anchor in and cannot join two halves of one.
    long found = ANCHORS.find(text);
    for (int r = 0; found != 0 && r < TEXT_RULES.size(); r++) {
      if ((found & (1L << r)) != 0) {
        out = apply(entry, TEXT_RULES.get(r), out);
      }
    }
    if ((found & QUERY_START) != 0
        && out.indexOf('=') >= 0 && (out.indexOf('?') >= 0 || out.indexOf('&') >= 0
        || out.indexOf(';') >= 0)) {
      out = apply(entry, QUERY_RULE, out);
    }
    if (headerValue) {
      out = apply(entry, HEADER_RULE, out);
    }
    return out;
  }

  private String apply(String entry, Rule rule, String text) {
    if (!rule.mayMatch(text)) {
      return text;
    }
    Matcher m = rule.pattern.matcher(text);
    StringBuilder b = null;
    int copied = 0;
    while (m.find()) {
      String value = m.group(rule.group);
      if (value == null || value.contains(PSEUDONYM_MARK) || !rule.isSecret.test(value)
          || ((rule == HEADER_RULE || rule == QUERY_RULE) && dataUri(text, m.start(rule.group)))) {
        continue;
      }
      if (b == null) {
        b = new StringBuilder(text.length());
      }
      b.append(text, copied, m.start(rule.group)).append(pseudonym.apply(value));
      copied = m.end(rule.group);
      count(entry, rule.name);
    }
    if (b == null) {
      return text;
    }
    return b.append(text, copied, text.length()).toString();
  }

  /** The value starts right after {@code ;base64,}: the data of a data URI (an image). */
  private static boolean dataUri(String text, int start) {
    return start >= 7 && text.regionMatches(true, start - 7, "base64,", 0, 7)
        && text.lastIndexOf("data:", start) >= 0;
  }

  private void count(String entry, String rule) {
    hits.computeIfAbsent(entry, e -> new LinkedHashMap<>()).merge(rule, 1L, Long::sum);
  }

  // ---- bytes: text entries and payloads -------------------------------------------------------

  /**
   * The bytes of a text entry or payload with findings replaced, or the same array when there
   * were none or the bytes are binary (by media type, or not text at all).
   */
  byte[] bytes(String entry, String contentType, byte[] data) {
    if (!enabled || data == null || data.length == 0 || gzip(data)
        || !textual(contentType, data)) {
      return data;
    }
    if ((prescan != null && prescan.clean(data)) || ANCHORS.find(data) == 0) {
      return data; // no rule could match: no decoding, no copy
    }
    String text;
    boolean utf8 = true;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(data)).toString();
    } catch (CharacterCodingException notUtf8) {
      if (!textual(null, data)) {
        return data; // binary after all (a text media type on compressed or encrypted bytes)
      }
      text = new String(data, StandardCharsets.ISO_8859_1); // one char per byte, ASCII rules
      utf8 = false;
    }
    String scanned = text(entry, text);
    if (scanned == text) {
      return data;
    }
    return utf8 ? scanned.getBytes(StandardCharsets.UTF_8)
        : scanned.replace("‹", "<").replace("›", ">").getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Gzip data (a body kept as it came over the wire): the redactor inflates those. */
  private static boolean gzip(byte[] data) {
    return data.length >= 2 && data[0] == (byte) 0x1f && data[1] == (byte) 0x8b;
  }

  /** Text media types, or (type unknown) bytes without control characters other than space. */
  static boolean textual(String contentType, byte[] data) {
    String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (!ct.isBlank()) {
      if (ct.startsWith("text/") || ct.contains("json") || ct.contains("xml")
          || ct.contains("x-www-form-urlencoded") || ct.contains("javascript")
          || ct.contains("yaml") || ct.contains("csv") || ct.contains("graphql")
          || ct.contains("markdown") || ct.contains("ndjson") || ct.contains("sql")) {
        return true;
      }
      if (!ct.startsWith("application/octet-stream")) {
        return false; // images, audio, video, archives, protobuf, pdf ...
      }
    }
    int n = Math.min(data.length, 8192);
    for (int i = 0; i < n; i++) {
      int c = data[i] & 0xff;
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
        return false;
      }
    }
    return true;
  }

  /**
   * Every inline payload of every event (before the payload plan moves large ones to their own
   * entries), scanned; hits are counted under the entry the payload ends up in, which
   * {@link #attributePayloads} settles once the plan has run.
   */
  List<Event> payloads(List<Event> events) throws IOException {
    if (!enabled) {
      return events;
    }
    List<Event> out = new ArrayList<>(events.size());
    for (Event e : events) {
      out.add(Payloads.map(e, (seq, field, p) -> {
        if (p.data() == null) {
          return p;
        }
        byte[] scanned = bytes(pendingKey(seq, field), p.contentType(), p.data());
        return scanned == p.data() ? p : p.withData(scanned);
      }));
    }
    return out;
  }

  /** Moves payload hits to their final entry: the payload's own entry, else events.jsonl. */
  void attributePayloads(List<Event> planned) throws IOException {
    if (hits.keySet().stream().noneMatch(k -> k.startsWith(PENDING))) {
      return;
    }
    Map<String, String> entryOf = new LinkedHashMap<>();
    for (Event e : planned) {
      Payloads.map(e, (seq, field, p) -> {
        entryOf.put(pendingKey(seq, field), p.entry() == null ? BundleReader.EVENTS : p.entry());
        return p;
      });
    }
    Map<String, Map<String, Long>> settled = new LinkedHashMap<>();
    hits.forEach((entry, rules) -> {
      String target = entry.startsWith(PENDING)
          ? entryOf.getOrDefault(entry, BundleReader.EVENTS) : entry;
      Map<String, Long> into = settled.computeIfAbsent(target, t -> new LinkedHashMap<>());
      rules.forEach((rule, count) -> into.merge(rule, count, Long::sum));
    });
    hits.clear();
    hits.putAll(settled);
  }

  private static final String PENDING = "\u0000payload:";

  private static String pendingKey(long seq, String field) {
    return PENDING + seq + ":" + field;
  }

  // ---- JSON ----------------------------------------------------------------------------------

  /**
   * A JSON document (one object, or one line of {@code events.jsonl}) with findings in string
   * values replaced, or the same array when there were none. Base64 payload data is skipped
   * here: {@link #payloads} scans it decoded.
   */
  byte[] json(String entry, byte[] json, boolean pretty) throws IOException {
    byte[] replaced = json(entry, json, 0, json.length, pretty);
    return replaced == null ? json : replaced;
  }

  /**
   * {@link #json(String, byte[], boolean)} of the document in {@code buffer[from, to)}: its
   * replacement, or {@code null} when it stays as it is.
   */
  byte[] json(String entry, byte[] buffer, int from, int to, boolean pretty) throws IOException {
    if (!enabled || cannotHit(buffer, from, to)) {
      return null;
    }
    JsonFactory factory = ReproJson.mapper().getFactory();
    // First pass: scan only. Most documents hold no secret and are returned as they are.
    Map<Integer, String> replaced = new java.util.HashMap<>();
    Deque<String> names = new ArrayDeque<>(); // the "name" string of each open object
    try (JsonParser p = factory.createParser(buffer, from, to - from)) {
      JsonToken t;
      int index = 0;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.START_OBJECT) {
          names.push("");
        } else if (t == JsonToken.END_OBJECT && !names.isEmpty()) {
          names.pop();
        } else if (t == JsonToken.VALUE_STRING) {
          String value = p.getText();
          String field = p.currentName();
          if ("name".equals(field) && !names.isEmpty()) {
            names.pop();
            names.push(value);
          }
          String scanned = scanJsonValue(entry, p.getParsingContext(), field,
              names.isEmpty() ? "" : names.peek(), value);
          if (!scanned.equals(value)) {
            replaced.put(index, scanned);
          }
          index++;
        }
      }
    }
    if (replaced.isEmpty()) {
      return null;
    }
    // Second pass: copy every token exactly, strings replaced where the first pass said so.
    ByteArrayOutputStream out = new ByteArrayOutputStream(to - from + 64);
    try (JsonParser p = factory.createParser(buffer, from, to - from);
        JsonGenerator g = factory.createGenerator(out)) {
      if (pretty) {
        g.useDefaultPrettyPrinter();
      }
      JsonToken t;
      int index = 0;
      while ((t = p.nextToken()) != null) {
        String replacement = t == JsonToken.VALUE_STRING ? replaced.get(index++) : null;
        if (replacement != null) {
          g.writeString(replacement);
        } else {
          g.copyCurrentEventExact(p);
        }
      }
    }
    return out.toByteArray();
  }


  /**
   * {@code true} when {@link #json} certainly finds nothing in the document: no backslash (an
   * escape could hide any word), no anchor of a text rule, no word that a secret-looking name
   * or a header list needs, no place where a query parameter could start. Every rule's pattern
   * needs one of these in the value or name it looks at, and without escapes those appear in
   * the document as they are. Most events cost this one scan instead of a parse.
   */
  private static boolean cannotHit(byte[] buffer, int from, int to) {
    return JSON_ANCHORS.find(buffer, from, to) == 0;
  }

  /**
   * For tests of the anchors: the name of a rule whose pattern finds something in
   * {@code text} although the anchors that the scans rely on (or the character the rule says
   * it needs) are not all there, or {@code null} when every match is covered.
   */
  static String uncoveredMatch(String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    long found = ANCHORS.find(text);
    long bytesFound = ANCHORS.find(utf8);
    long json = JSON_ANCHORS.find(utf8);
    for (int r = 0; r < TEXT_RULES.size(); r++) {
      Rule rule = TEXT_RULES.get(r);
      if (rule.pattern().matcher(text).find() && ((found & (1L << r)) == 0
          || (bytesFound & (1L << r)) == 0 || json == 0 || !rule.mayMatch(text))) {
        return rule.name();
      }
    }
    if (QUERY_RULE.pattern().matcher(text).find()
        && ((found & QUERY_START) == 0 || (bytesFound & QUERY_START) == 0 || json == 0)) {
      return QUERY_RULE.name();
    }
    if (isSecretName(text) && json == 0) {
      return SECRET_NAME;
    }
    return null;
  }

  private String scanJsonValue(String entry, JsonStreamContext ctx, String field,
      String siblingName, String value) {
    if (value.isEmpty() || value.contains(PSEUDONYM_MARK)) {
      return value;
    }
    if (("data".equals(field) || "@bytes".equals(field)) && BASE64.matcher(value).matches()) {
      return value;
    }
    boolean pair = "value".equals(field) && !siblingName.isEmpty();
    if ((field != null && !"name".equals(field) && secretName(field) && isValue(value))
        || (pair && secretName(siblingName) && isValue(value))) {
      count(entry, SECRET_NAME);
      return pseudonym.apply(value);
    }
    boolean header = "value".equals(field) && inHeaders(ctx)
        && !remembered(plainHeaders, siblingName,
            n -> PLAIN_HEADERS.contains(n.toLowerCase(Locale.ROOT)));
    return scan(entry, value, header);
  }

  /** A string inside an object inside an array under a field named {@code ...headers}. */
  private boolean inHeaders(JsonStreamContext ctx) {
    JsonStreamContext array = ctx == null ? null : ctx.getParent();
    JsonStreamContext holder = array == null ? null : array.getParent();
    if (array == null || !array.inArray() || holder == null) {
      return false;
    }
    String name = holder.getCurrentName();
    return name != null && remembered(headerLists, name,
        n -> n.toLowerCase(Locale.ROOT).endsWith("headers"));
  }

  static boolean isSecretName(String name) {
    return name != null && name.length() <= 128 && SECRET_NAME_PATTERN.matcher(name).matches();
  }

  // What the gate decided about names, per name: a bundle repeats the same few thousand.
  private final Map<String, Boolean> secretNames = new java.util.HashMap<>();
  private final Map<String, Boolean> plainHeaders = new java.util.HashMap<>();
  private final Map<String, Boolean> headerLists = new java.util.HashMap<>();

  private boolean secretName(String name) {
    return name != null && remembered(secretNames, name, LeakGate::isSecretName);
  }

  private static boolean remembered(Map<String, Boolean> decisions, String name,
      Predicate<String> decide) {
    Boolean known = decisions.get(name);
    if (known == null) {
      known = decide.test(name);
      if (decisions.size() < 10_000) {
        decisions.put(name, known);
      }
    }
    return known;
  }

  // ---- what counts as a secret ---------------------------------------------------------------

  /** A value worth replacing: not a placeholder, mask, template or JSON literal. */
  static boolean isValue(String v) {
    if (v == null || v.isBlank()) {
      return false;
    }
    char first = v.charAt(0);
    if (first == '?' || first == ':' || first == '$' || first == '%' || first == '{'
        || first == '<' || first == '[') {
      return false; // bind placeholders, templates, masks
    }
    if (v.chars().allMatch(c -> c == '*' || c == 'x' || c == 'X' || c == '.' || c == '#')) {
      return false;
    }
    String lower = v.toLowerCase(Locale.ROOT);
    return !(lower.equals("null") || lower.equals("true") || lower.equals("false")
        || lower.equals("none") || lower.equals("redacted") || lower.equals("undefined"));
  }

  /** A bearer token, not an English word: has a digit, a symbol or mixed case. */
  static boolean looksLikeToken(String v) {
    boolean upper = false;
    boolean lower = false;
    boolean other = false;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        upper = true;
      } else if (c >= 'a' && c <= 'z') {
        lower = true;
      } else {
        other = true;
      }
    }
    return other || (upper && lower && v.length() >= 12);
  }

  /** Base64 of {@code user:password}. */
  static boolean isBase64Credentials(String v) {
    try {
      byte[] decoded = Base64.getDecoder().decode(v);
      String s = new String(decoded, StandardCharsets.UTF_8);
      int colon = s.indexOf(':');
      return colon > 0 && s.chars().allMatch(c -> c >= 0x20 && c != 0x7f && c != 0xfffd);
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
  }

  /**
   * A long random-looking token: at least 20 chars, not a UUID, not a hex digest, with upper
   * and lower case letters and digits and a Shannon entropy of at least 3.5 bits per char, or
   * two of those classes over at least 32 chars at 4 bits per char. A token with separators
   * other than {@code -} and {@code _} (a URL, a path, a host name) counts only when one of
   * its parts is itself a random-looking run of 12 or more letters and digits.
   */
  static boolean isHighEntropy(String v) {
    String t = v;
    while (t.endsWith("=")) {
      t = t.substring(0, t.length() - 1);
    }
    if (t.length() < 20 || UUID.matcher(t).matches() || HEX.matcher(t).matches()) {
      return false;
    }
    int classes = classes(t);
    double entropy = entropy(t);
    boolean random = (classes == 3 && entropy >= 3.5)
        || (classes == 2 && t.length() >= 32 && entropy >= 4.0);
    if (!random || TOKEN.matcher(t).matches()) {
      return random;
    }
    for (String part : SEPARATORS.split(t)) {
      if (part.length() >= 12 && !HEX.matcher(part).matches() && classes(part) == 3) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]+");
  private static final Pattern SEPARATORS = Pattern.compile("[^A-Za-z0-9_-]+");

  private static int classes(String t) {
    boolean upper = false;
    boolean lower = false;
    boolean digit = false;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      upper |= c >= 'A' && c <= 'Z';
      lower |= c >= 'a' && c <= 'z';
      digit |= c >= '0' && c <= '9';
    }
    return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0);
  }

  static double entropy(String s) {
    Map<Character, Integer> counts = new LinkedHashMap<>();
    for (int i = 0; i < s.length(); i++) {
      counts.merge(s.charAt(i), 1, Integer::sum);
    }
    double h = 0;
    for (int n : counts.values()) {
      double p = (double) n / s.length();
      h -= p * Math.log(p) / Math.log(2);
    }
    return h;
  }

  private static String percentDecode(String v) {
    if (v.indexOf('%') < 0) {
      return v;
    }
    try {
      return java.net.URLDecoder.decode(v, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return v;
    }
  }
}

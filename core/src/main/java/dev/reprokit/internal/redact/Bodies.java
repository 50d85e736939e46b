package dev.reprokit.internal.redact;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bodies by content type: JSON (field names at any depth, JSON pointers, text rules on every
 * string; the rest kept character for character), form-urlencoded (field names), other text
 * (text rules, every other byte kept), binary (untouched).
 */
final class Bodies {
  private static final JsonFactory JSON = JsonFactory.builder().build();

  enum Kind {
    JSON, FORM, MULTIPART, TEXT, BINARY
  }

  private Bodies() {}

  /** Largest decompressed size of a gzip body that is redacted (a bigger one is cut there). */
  static final int MAX_INFLATED = 16 * 1024 * 1024;

  /** The redacted body as the engine hands it back: a captured payload's own bytes. */
  static byte[] redact(RedactionEngine engine, String contentType, byte[] body) {
    return redact(engine, contentType, body, true);
  }

  /**
   * @param payload {@code body} is the captured payload's own array, not one made here (an
   *     inflated body, a multipart part): only such an array may be remembered by a
   *     {@link BodyPrescan}, whose set would otherwise keep temporary arrays alive
   */
  private static byte[] redact(RedactionEngine engine, String contentType, byte[] body,
      boolean payload) {
    String mime = mime(contentType);
    if (isGzip(body) && !mime.contains("gzip") && !mime.contains("zip")) {
      return gzipped(engine, contentType, body);
    }
    Charset charset = charset(contentType);
    Kind kind = kind(mime, body);
    switch (kind) {
      case BINARY:
        return body;
      case MULTIPART: {
        String boundary = parameter(contentType, "boundary");
        return boundary == null || boundary.isEmpty()
            ? text(engine, body, charset) : multipart(engine, body, boundary);
      }
      case FORM:
        // raw white space: not really form-urlencoded (a mislabelled body): text rules
        return hasRawWhitespace(body) ? text(engine, body, charset) : engine.formBytes(body);
      case JSON: {
        byte[] r = json(engine, body, charset == null ? StandardCharsets.UTF_8 : charset,
            payload);
        if (r != null) {
          return r;
        }
        return text(engine, body, charset); // not JSON after all: text rules, never a throw
      }
      default:
        return text(engine, body, charset);
    }
  }

  private static byte[] text(RedactionEngine engine, byte[] body, Charset charset) {
    if (charset != null && !isAsciiCompatible(charset)) {
      String s = new String(body, charset);
      String r = engine.text(s, RedactionEngine.Mode.TEXT);
      return r.equals(s) ? body : r.getBytes(charset);
    }
    return engine.textBytes(body);
  }

  static boolean isGzip(byte[] body) {
    return body.length >= 3 && (body[0] & 0xFF) == 0x1F && (body[1] & 0xFF) == 0x8B && body[2] == 8;
  }

  /**
   * A gzip-compressed text body (a request sent with {@code Content-Encoding: gzip}): inflated
   * (as far as it goes; a body cut by the size cap is inflated up to the cut), redacted by its
   * content type and compressed again when anything was replaced. Unchanged bodies keep their
   * bytes.
   */
  private static byte[] gzipped(RedactionEngine engine, String contentType, byte[] body) {
    java.io.ByteArrayOutputStream inflated = new java.io.ByteArrayOutputStream(body.length * 4);
    try (java.util.zip.GZIPInputStream in =
        new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
      byte[] buf = new byte[8192];
      int n;
      while ((n = in.read(buf)) > 0 && inflated.size() < MAX_INFLATED) {
        inflated.write(buf, 0, Math.min(n, MAX_INFLATED - inflated.size()));
      }
    } catch (java.io.IOException truncated) {
      // a capped body ends mid-stream: redact what could be inflated
    }
    byte[] plain = inflated.toByteArray();
    if (plain.length == 0 || isGzip(plain)) {
      return body;
    }
    byte[] red = redact(engine, contentType, plain, false);
    if (red == plain) {
      return body;
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(body.length);
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
      gz.write(red);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e); // in memory: cannot happen; the engine's guard replaces the body whole
    }
    return out.toByteArray();
  }

  private static boolean hasRawWhitespace(byte[] body) {
    for (byte b : body) {
      if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
        return true;
      }
    }
    return false;
  }

  private static boolean isAsciiCompatible(Charset cs) {
    String n = cs.name().toUpperCase(Locale.ROOT);
    return !(n.startsWith("UTF-16") || n.startsWith("UTF-32") || n.startsWith("UTF_16"));
  }

  static String mime(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
  }

  static Charset charset(String contentType) {
    String name = parameter(contentType, "charset");
    if (name == null) {
      return null;
    }
    try {
      return Charset.forName(name);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** A media type parameter's value without quotes, or {@code null}. */
  static String parameter(String contentType, String name) {
    if (contentType == null) {
      return null;
    }
    String[] params = contentType.split(";");
    for (int i = 1; i < params.length; i++) {
      String p = params[i].trim();
      if (p.length() > name.length() && p.regionMatches(true, 0, name + "=", 0, name.length() + 1)) {
        return p.substring(name.length() + 1).trim().replace("\"", "");
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- multipart

  private static final java.util.regex.Pattern PART_NAME =
      java.util.regex.Pattern.compile("(?i)content-disposition:[^\\r\\n]*?\\bname=\"([^\"]*)\"");
  private static final java.util.regex.Pattern PART_TYPE =
      java.util.regex.Pattern.compile("(?i)(?:^|\\n)content-type:\\s*([^\\r\\n]+)");

  /**
   * {@code multipart/*}: a part named like a secret has its content replaced; other parts are
   * redacted by their own content type (binary parts untouched); part headers get text rules.
   */
  static byte[] multipart(RedactionEngine engine, byte[] body, String boundary) {
    String s = new String(body, StandardCharsets.ISO_8859_1);
    String delimiter = "--" + boundary;
    List<Integer> at = new ArrayList<>();
    for (int i = s.indexOf(delimiter); i >= 0; i = s.indexOf(delimiter, i + delimiter.length())) {
      at.add(i);
    }
    if (at.isEmpty()) {
      return engine.textBytes(body);
    }
    StringBuilder out = new StringBuilder(s.length() + 64);
    out.append(engine.text(s.substring(0, at.get(0)), RedactionEngine.Mode.BYTES)); // preamble
    for (int k = 0; k < at.size(); k++) {
      int start = at.get(k) + delimiter.length();
      int end = k + 1 < at.size() ? at.get(k + 1) : s.length();
      out.append(delimiter);
      String segment = s.substring(start, end);
      if (segment.startsWith("--") || k + 1 == at.size()) { // closing delimiter and epilogue
        out.append(engine.text(segment, RedactionEngine.Mode.BYTES));
        continue;
      }
      int headerEnd = segment.indexOf("\r\n\r\n");
      int sep = 4;
      if (headerEnd < 0) {
        headerEnd = segment.indexOf("\n\n");
        sep = 2;
      }
      if (headerEnd < 0) {
        out.append(engine.text(segment, RedactionEngine.Mode.BYTES));
        continue;
      }
      String headers = segment.substring(0, headerEnd + sep);
      int contentEnd = segment.endsWith("\r\n") ? segment.length() - 2
          : segment.endsWith("\n") ? segment.length() - 1 : segment.length();
      contentEnd = Math.max(contentEnd, headerEnd + sep);
      String content = segment.substring(headerEnd + sep, contentEnd);
      java.util.regex.Matcher name = PART_NAME.matcher(headers);
      String rule = name.find() ? engine.fieldRule(name.group(1), Rules.BODY_FORM_FIELD) : null;
      out.append(engine.text(headers, RedactionEngine.Mode.BYTES));
      if (rule != null && !content.isEmpty()) {
        String p = engine.secretValue(rule, new String(
            content.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        out.append(new String(p.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
      } else {
        java.util.regex.Matcher type = PART_TYPE.matcher(headers);
        byte[] bytes = content.getBytes(StandardCharsets.ISO_8859_1);
        byte[] red = redact(engine, type.find() ? type.group(1).trim() : "text/plain", bytes,
            false);
        out.append(red == bytes ? content : new String(red, StandardCharsets.ISO_8859_1));
      }
      out.append(segment, contentEnd, segment.length());
    }
    String r = out.toString();
    return r.equals(s) ? body : r.getBytes(StandardCharsets.ISO_8859_1);
  }

  static Kind kind(String mime, byte[] body) {
    if (mime.equals("application/x-www-form-urlencoded")) {
      return Kind.FORM;
    }
    if (mime.startsWith("multipart/")) {
      return Kind.MULTIPART;
    }
    if (mime.endsWith("/json") || mime.endsWith("+json") || mime.endsWith("-json")
        || mime.equals("application/x-ndjson") || mime.equals("application/jsonl")
        || mime.equals("application/json-seq")) {
      return Kind.JSON;
    }
    if (mime.startsWith("text/") || mime.endsWith("xml") || mime.contains("javascript")
        || mime.contains("graphql") || mime.contains("yaml") || mime.contains("csv")
        || mime.contains("x-www-form") || mime.contains("sql")
        || mime.contains("toml") || mime.contains("properties")) {
      return Kind.TEXT;
    }
    if (!mime.isEmpty() && !mime.equals("application/unknown")
        && !mime.equals("application/octet-stream") && !mime.equals("*/*")) {
      return Kind.BINARY; // images, audio, video, pdf, zip, protobuf, ...
    }
    // no (useful) content type: sniff
    if (!looksTextual(body)) {
      return Kind.BINARY;
    }
    if (mime.equals("application/octet-stream")) {
      return Kind.BINARY;
    }
    int i = 0;
    while (i < body.length && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t')) {
      i++;
    }
    if (i < body.length && (body[i] == '{' || body[i] == '[')) {
      return Kind.JSON;
    }
    return Kind.TEXT;
  }

  /** No NUL bytes and few control characters in the first 4 KiB. */
  static boolean looksTextual(byte[] body) {
    int n = Math.min(body.length, 4096);
    int control = 0;
    for (int i = 0; i < n; i++) {
      int b = body[i] & 0xFF;
      if (b == 0) {
        return false;
      }
      if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
        control++;
      }
    }
    return control * 20 <= n;
  }

  // ---------------------------------------------------------------- JSON

  private static final class Frame {
    final boolean array;
    final List<String> path;
    final String rule;
    int index;
    String field;

    Frame(boolean array, List<String> path, String rule) {
      this.array = array;
      this.path = path;
      this.rule = rule;
    }

    /**
     * Follows a field name or the end of an object or array on {@code stack} and says so;
     * {@code false} for a token that starts a container or is a value, which the caller handles.
     */
    static boolean followed(JsonToken t, JsonParser p, Deque<Frame> stack)
        throws java.io.IOException {
      if (t == JsonToken.FIELD_NAME) {
        stack.peek().field = p.currentName();
        return true;
      }
      if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
        stack.pop();
        return true;
      }
      return false;
    }
  }

  /** A replacement of chars [start, end) by text. */
  private record Splice(int start, int end, String text) {}

  /**
   * The redacted JSON, or {@code null} when the body is not JSON in {@code charset}.
   *
   * <p>UTF-8 bodies (the usual case) are parsed as bytes ({@link #jsonUtf8}); other charsets,
   * and the rare bodies that path hands back (broken JSON, a BOM, a lone surrogate in a
   * replacement), are decoded to characters ({@link #jsonChars}). Both give the same bytes.
   */
  static byte[] json(RedactionEngine engine, byte[] body, Charset charset) {
    return json(engine, body, charset, false);
  }

  private static byte[] json(RedactionEngine engine, byte[] body, Charset charset,
      boolean payload) {
    if (charset.equals(StandardCharsets.UTF_8) && nothingToRedact(engine, body, payload)) {
      return body;
    }
    if (charset.equals(StandardCharsets.UTF_8) && byteParserReadsUtf8(body)) {
      byte[] r = jsonUtf8(engine, body);
      if (r != null) {
        return r;
      }
    }
    return jsonChars(engine, body, charset);
  }

  /**
   * ASCII words one of which every change by the built-in JSON and text rules needs: a field
   * or key name is secret only when it contains {@code pass}, {@code pwd}, {@code secret},
   * {@code token}, {@code credential}, {@code session}, {@code key}, {@code private} or
   * {@code auth} ({@link SecretNames}; key-value and XML text rules ask the same name test);
   * the other text rules need {@code -----BEGIN }, {@code bearer}, {@code eyJ}, {@code jdbc:}
   * or {@code ://}.
   */
  static final String[] REDACTION_WORDS = {"pass", "pwd", "secret", "token", "credential",
      "session", "key", "private", "auth", "-----begin ", "bearer", "eyj", "jdbc:", "://"};

  static final AsciiAnchors REDACTION_ANCHORS = anchors(REDACTION_WORDS);

  private static AsciiAnchors anchors(String... words) {
    AsciiAnchors.Builder b = AsciiAnchors.builder().stopAtNonAscii().stopAt('\\');
    for (String w : words) {
      b.word(w, 0);
    }
    return b.build();
  }

  /**
   * {@code true} when the JSON rules certainly leave {@code body} as it is, parsed or not: no
   * user field, pointer or pattern is configured (those can match anything), the body is plain
   * ASCII without a backslash (so no escape or case folding can hide a word), and none of
   * {@link #REDACTION_ANCHORS} occurs. The usual API response costs one scan, not a parse.
   */
  private static boolean nothingToRedact(RedactionEngine engine, byte[] body,
      boolean payload) {
    if (engine.ruleOn(Rules.USER_FIELD) || engine.ruleOn(Rules.USER_JSON_POINTER)
        || engine.ruleOn(Rules.USER_REGEX)) {
      return false;
    }
    BodyPrescan prescan = engine.bodyPrescan();
    if (prescan != null) {
      return prescan.nothingToRedact(body, payload); // the same answer, one scan for the gate
    }
    return REDACTION_ANCHORS.find(body) == 0; // a stop (non-ASCII, backslash) is non-zero too
  }

  /**
   * Jackson's byte parser detects the encoding from the first four bytes: it reads the body as
   * the same UTF-8 that the char path decodes when there is no BOM and no NUL byte there (a NUL
   * would make it guess UTF-16 or UTF-32). The body must be well-formed UTF-8, as the char
   * path's strict decoder requires; otherwise that path answers ({@code null}: text rules).
   */
  private static boolean byteParserReadsUtf8(byte[] body) {
    if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB
        && (body[2] & 0xFF) == 0xBF) {
      return false;
    }
    for (int i = 0; i < Math.min(4, body.length); i++) {
      if (body[i] == 0) {
        return false;
      }
    }
    return Utf8.isWellFormed(body);
  }

  /** A value the JSON rules may replace: its bytes [start, end), decoded text and rule. */
  private record Candidate(int start, int end, String value, String rule, boolean number) {}

  /** Marks a field name without a rule in the per-body cache of field rules. */
  private static final String NO_RULE = new String("no rule");

  /**
   * {@link #jsonChars} for a well-formed UTF-8 body, on its bytes: the first pass parses and
   * only notes the values a rule may change, with their byte offsets, without counting or
   * replacing anything; field-name decisions are cached per body (the parser hands out
   * canonical names) and a value is turned into a string only when a rule applies or a text
   * rule's trigger is in it. A body without such values is returned as the same array, without
   * a copy. Otherwise the replacements are computed and spliced between the untouched byte
   * ranges, so every byte outside a replaced value is kept.
   *
   * @return the redacted body, or {@code null} when the JSON does not parse to its end (the
   *     char path then applies its fallback: replacements found so far, then text rules)
   */
  private static byte[] jsonUtf8(RedactionEngine engine, byte[] body) {
    boolean pointers = engine.ruleOn(Rules.USER_JSON_POINTER);
    List<Candidate> candidates = null;
    Map<String, String> fieldRules = new HashMap<>();
    try (JsonParser p = JSON.createParser(body)) {
      Deque<Frame> stack = new ArrayDeque<>();
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (Frame.followed(t, p, stack)) {
          continue;
        }
        Frame parent = stack.peek();
        List<String> path = null;
        String rule;
        if (parent == null) {
          path = pointers ? List.of() : null;
          rule = pointers ? pointerRule(engine, path) : null;
        } else {
          rule = parent.rule;
          if (rule == null && !parent.array) {
            rule = fieldRule(engine, fieldRules, parent.field);
          }
          if (pointers) {
            String key = parent.array ? String.valueOf(parent.index++) : parent.field;
            path = append(parent.path, key);
            if (rule == null) {
              rule = pointerRule(engine, path);
            }
          }
        }
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          stack.push(new Frame(t == JsonToken.START_ARRAY, path, rule));
          continue;
        }
        boolean number = t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT;
        if (t == JsonToken.VALUE_STRING) {
          if (rule == null
              && !engine.textMayChange(p.getTextCharacters(), p.getTextOffset(), p.getTextLength())) {
            continue; // the common case: an ordinary value, no string built
          }
        } else if (!(rule != null && number)) {
          continue;
        }
        int start = (int) p.currentTokenLocation().getByteOffset();
        String value = p.getText();
        int end = (int) p.currentLocation().getByteOffset();
        if (hasSurrogate(value)) {
          return null; // the char path's encoder decides what a lone surrogate becomes
        }
        if (candidates == null) {
          candidates = new ArrayList<>();
        }
        candidates.add(new Candidate(start, end, value, rule, number));
      }
    } catch (Exception e) {
      return null; // truncated or broken JSON: nothing was counted yet
    }
    if (candidates == null) {
      return body;
    }
    List<Splice> splices = new ArrayList<>(candidates.size());
    try {
      for (Candidate c : candidates) {
        String replaced;
        if (c.number()) {
          replaced = engine.secretValue(c.rule(), c.value());
        } else if (c.rule() != null) {
          replaced = c.value().isEmpty() || Pseudonyms.isPseudonym(c.value())
              ? c.value() : engine.secretValue(c.rule(), c.value());
        } else {
          replaced = engine.text(c.value(), RedactionEngine.Mode.TEXT);
        }
        if (c.number() || !replaced.equals(c.value())) {
          splices.add(new Splice(c.start(), c.end(), quote(replaced)));
        }
      }
    } catch (Exception e) {
      // a rule that throws (a user pattern): the char path's handling of it, from the start
      return null;
    }
    if (splices.isEmpty()) {
      return body;
    }
    int size = body.length;
    byte[][] texts = new byte[splices.size()][];
    for (int i = 0; i < texts.length; i++) {
      Splice s = splices.get(i);
      texts[i] = s.text().getBytes(StandardCharsets.UTF_8);
      size += texts[i].length - (s.end() - s.start());
    }
    byte[] out = new byte[size];
    int last = 0;
    int at = 0;
    for (int i = 0; i < texts.length; i++) {
      Splice s = splices.get(i);
      System.arraycopy(body, last, out, at, s.start() - last);
      at += s.start() - last;
      System.arraycopy(texts[i], 0, out, at, texts[i].length);
      at += texts[i].length;
      last = s.end();
    }
    System.arraycopy(body, last, out, at, body.length - last);
    return java.util.Arrays.equals(out, body) ? body : out;
  }

  private static String fieldRule(RedactionEngine engine, Map<String, String> cache,
      String name) {
    String rule = cache.get(name);
    if (rule == null) {
      rule = engine.fieldRule(name, Rules.BODY_JSON_FIELD);
      cache.put(name, rule == null ? NO_RULE : rule);
      return rule;
    }
    return rule == NO_RULE ? null : rule;
  }

  private static boolean hasSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isSurrogate(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** {@link #json} on decoded characters: for any charset and for the cases the byte path hands back. */
  static byte[] jsonChars(RedactionEngine engine, byte[] body, Charset charset) {
    String text;
    try {
      text = charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
    char[] chars = text.toCharArray();
    List<Splice> splices = new ArrayList<>();
    boolean complete = false;
    try (JsonParser p = JSON.createParser(chars)) {
      Deque<Frame> stack = new ArrayDeque<>();
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (Frame.followed(t, p, stack)) {
          continue;
        }
        Frame parent = stack.peek();
        List<String> path;
        String rule;
        if (parent == null) {
          path = List.of();
          rule = pointerRule(engine, path);
        } else {
          String key = parent.array ? String.valueOf(parent.index++) : parent.field;
          path = append(parent.path, key);
          rule = parent.rule;
          if (rule == null && !parent.array) {
            rule = engine.fieldRule(key, Rules.BODY_JSON_FIELD);
          }
          if (rule == null) {
            rule = pointerRule(engine, path);
          }
        }
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          stack.push(new Frame(t == JsonToken.START_ARRAY, path, rule));
          continue;
        }
        if (t == JsonToken.VALUE_STRING) {
          int start = (int) p.currentTokenLocation().getCharOffset();
          String value = p.getText();
          int end = (int) p.currentLocation().getCharOffset();
          String replaced;
          if (rule != null) {
            replaced = value.isEmpty() || Pseudonyms.isPseudonym(value)
                ? value : engine.secretValue(rule, value);
          } else {
            replaced = engine.text(value, RedactionEngine.Mode.TEXT);
          }
          if (!replaced.equals(value)) {
            splices.add(new Splice(start, end, quote(replaced)));
          }
        } else if (rule != null
            && (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT)) {
          int start = (int) p.currentTokenLocation().getCharOffset();
          String value = p.getText();
          int end = (int) p.currentLocation().getCharOffset();
          splices.add(new Splice(start, end, quote(engine.secretValue(rule, value))));
        }
      }
      complete = true;
    } catch (Exception e) {
      // truncated or broken JSON: keep what was found, then text rules over everything
    }
    String out = apply(text, splices);
    if (!complete) {
      out = engine.text(out, RedactionEngine.Mode.TEXT);
    }
    if (out.equals(text)) {
      return body;
    }
    CharBuffer cb = CharBuffer.wrap(out);
    try {
      ByteBuffer bb = charset.newEncoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .encode(cb);
      byte[] bytes = new byte[bb.remaining()];
      bb.get(bytes);
      return bytes;
    } catch (CharacterCodingException e) { // a pseudonym's ‹› not in the charset: escape them
      return out.replace("‹", "\\u2039").replace("›", "\\u203a").getBytes(charset);
    }
  }

  private static String pointerRule(RedactionEngine engine, List<String> path) {
    if (!engine.ruleOn(Rules.USER_JSON_POINTER)) {
      return null;
    }
    for (String[] pointer : engine.pointers()) {
      if (pointer.length == path.size()) {
        boolean match = true;
        for (int i = 0; i < pointer.length; i++) {
          if (!pointer[i].equals("*") && !pointer[i].equals(path.get(i))) {
            match = false;
            break;
          }
        }
        if (match) {
          return Rules.USER_JSON_POINTER;
        }
      }
    }
    return null;
  }

  private static List<String> append(List<String> path, String key) {
    List<String> p = new ArrayList<>(path.size() + 1);
    p.addAll(path);
    p.add(key == null ? "" : key);
    return p;
  }

  private static String quote(String s) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
  }

  private static String apply(String text, List<Splice> splices) {
    if (splices.isEmpty()) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length() + 32 * splices.size());
    int last = 0;
    for (Splice s : splices) {
      sb.append(text, last, s.start()).append(s.text());
      last = s.end();
    }
    return sb.append(text, last, text.length()).toString();
  }
}

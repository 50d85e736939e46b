package dev.reprokit.redact;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Generators of realistic inputs with planted secrets, for the redaction properties. Every
 * generator records the secrets it planted; {@link #assertNoneLeaks} checks that none of
 * them, in any encoding the input used, survives in an output.
 */
final class Planted {
  static final String TOKEN_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  static final String TOKEN_EXTRA = "-._~";
  static final String ANY_EXTRA = " @:/?#&=%+;,\"'\\<>{}[]é€☃中\t";

  static final List<String> SECRET_HEADERS = List.of("Authorization", "Proxy-Authorization",
      "X-Api-Key", "X-Auth-Token", "X-CSRF-Token", "X-XSRF-Token", "x-amz-security-token",
      "X-Goog-Api-Key", "X-Custom-Secret", "X-Internal-Auth", "X-Session-Key");
  static final List<String> PLAIN_HEADERS = List.of("Accept", "Content-Type", "User-Agent",
      "X-Request-Id", "Cache-Control", "Via", "X-Forwarded-For", "Warning", "X-Note");
  static final List<String> SECRET_QUERY = List.of("token", "access_token", "refresh_token",
      "id_token", "api_key", "apikey", "key", "password", "passwd", "pwd", "secret",
      "client_secret", "signature", "sig", "code", "sessionId", "authToken", "X-Amz-Credential");
  static final List<String> SECRET_FIELDS = List.of("password", "passwd", "pwd", "secret",
      "token", "api_key", "apiKey", "access_key", "private_key", "credential", "credentials",
      "auth", "session", "client_secret", "sessionId", "authToken", "userPassword",
      "refresh_token", "PRIVATE_KEY", "x-api-key");
  static final List<String> SECRET_ENV = List.of("DB_PASSWORD", "AWS_SECRET_ACCESS_KEY",
      "GITHUB_TOKEN", "STRIPE_API_KEY", "app.datasource.password", "jwt.signing-key",
      "GOOGLE_APPLICATION_CREDENTIALS", "BASIC_AUTH", "ssh.private", "mailPasswd", "OAUTH_SECRET",
      "javax.net.ssl.keyStorePassword", "SESSION_SECRET", "encryptionKey", "REDIS_AUTH");
  static final List<String> PLAIN_NAMES = List.of("JAVA_HOME", "PATH", "LANG", "app.name",
      "server.port", "USER", "HOME", "TZ", "user.timezone", "region", "color", "page", "sort",
      "name", "email", "id", "count", "author", "keyword", "state", "q", "lang");
  static final List<String> WORDS = List.of("order", "customer", "checkout", "failed", "ok",
      "retry", "value", "alpha", "beta", "gamma", "delta", "42", "7", "2026-11-27", "EUR",
      "shipping", "note", "hello world", "a/b", "x-y", "Ünïcode", "€100");

  private final Random r;
  final List<String> secrets = new ArrayList<>();

  private final long seed;

  Planted(long seed) {
    this.seed = seed;
    this.r = new Random(seed);
  }

  /** The seed, so that a falsified case can be rebuilt with {@code new Planted(seed)}. */
  @Override
  public String toString() {
    return "Planted[seed=" + seed + "L, secrets=" + secrets + "]";
  }

  Random random() {
    return r;
  }

  <T> T pick(List<T> list) {
    return list.get(r.nextInt(list.size()));
  }

  String randomCase(String s) {
    return switch (r.nextInt(3)) {
      case 0 -> s;
      case 1 -> s.toUpperCase(Locale.ROOT);
      default -> s.toLowerCase(Locale.ROOT);
    };
  }

  /** A secret of token characters (safe in URLs, headers, free text): letters and digits mixed. */
  String token() {
    return plant(randomString(TOKEN_CHARS + (r.nextBoolean() ? TOKEN_EXTRA : ""), 12, 32));
  }

  /** A secret of any characters, for containers that encode them (JSON, URL-encoded, named values). */
  String anySecret() {
    return plant(randomString(TOKEN_CHARS + ANY_EXTRA, 10, 30));
  }

  /** Records a secret someone else built. */
  String plant(String secret) {
    secrets.add(secret);
    return secret;
  }

  private String randomString(String alphabet, int min, int max) {
    int n = min + r.nextInt(max - min + 1);
    StringBuilder sb = new StringBuilder(n);
    // a capital and a digit, so that no secret reads like a word
    sb.append((char) ('A' + r.nextInt(26))).append((char) ('0' + r.nextInt(10)));
    while (sb.length() < n) {
      sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  String word() {
    return pick(WORDS);
  }

  String prose() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
      sb.append(i == 0 ? "" : " ").append(word());
    }
    return sb.toString();
  }

  /** Free text with one planted secret in a shape the text rules know. */
  String textWithSecret() {
    String before = prose();
    String after = prose();
    String middle = switch (r.nextInt(7)) {
      case 0 -> "Bearer " + token();
      case 1 -> jwt();
      case 2 -> pick(List.of("https", "amqp", "redis", "postgres")) + "://" + pick(List.of("u", "admin"))
          + ":" + token() + "@host" + r.nextInt(9) + ":" + (1000 + r.nextInt(9000)) + "/p";
      case 3 -> "-----BEGIN " + pick(List.of("PRIVATE KEY", "RSA PRIVATE KEY", "CERTIFICATE"))
          + "-----\n" + pem() + "\n-----END " + "__LABEL__" + "-----";
      case 4 -> randomCase(pick(SECRET_FIELDS)) + pick(List.of("=", ": ", " = ", ":")) + token();
      case 5 -> "\"" + pick(SECRET_FIELDS) + "\": \"" + token() + "\"";
      default -> "<" + pick(List.of("password", "apiKey", "token")) + ">" + token() + "</"
          + "__TAG__" + ">";
    };
    if (middle.contains("__LABEL__")) {
      String label = middle.substring(11, middle.indexOf("-----", 11));
      middle = middle.replace("__LABEL__", label);
    }
    if (middle.contains("__TAG__")) {
      middle = middle.replace("__TAG__", middle.substring(1, middle.indexOf('>')));
    }
    return before + " " + middle + " " + after;
  }

  private String pem() {
    byte[] der = new byte[48 + r.nextInt(64)];
    r.nextBytes(der);
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(der);
    plant(body.substring(0, Math.min(body.length(), 40)));
    return body;
  }

  /** A JWT whose signature is a planted secret; header and claims are not secret. */
  String jwt() {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String claims = b64.encodeToString(("{\"sub\":\"" + r.nextInt(100000) + "\"}").getBytes(StandardCharsets.UTF_8));
    byte[] sig = new byte[32];
    r.nextBytes(sig);
    String signature = b64.encodeToString(sig);
    plant(signature);
    return header + "." + claims + "." + signature;
  }

  // ------------------------------------------------------------------ scenarios

  /** Headers with secrets under secret names and inside the text of ordinary headers. */
  Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 0, n = 1 + r.nextInt(6); i < n; i++) {
      switch (r.nextInt(5)) {
        case 0 -> {
          String name = randomCase(pick(List.of("Authorization", "Proxy-Authorization")));
          headers.put(name, (r.nextBoolean() ? pick(List.of("Bearer ", "Basic ", "Token ", "Digest ")) : "")
              + (r.nextBoolean() ? token() : anySecret().trim() + "x"));
        }
        case 1 -> {
          StringBuilder cookie = new StringBuilder();
          for (int c = 0, m = 1 + r.nextInt(3); c < m; c++) {
            cookie.append(c == 0 ? "" : "; ").append(pick(PLAIN_NAMES)).append('=').append(token());
          }
          headers.put(r.nextBoolean() ? "Cookie" : "cookie", cookie.toString());
        }
        case 2 -> headers.put("Set-Cookie", pick(PLAIN_NAMES) + "=" + token() + "; Path=/; HttpOnly");
        case 3 -> headers.put(randomCase(pick(SECRET_HEADERS)), anySecret());
        default -> headers.put(pick(PLAIN_HEADERS) + "-" + i, textWithSecret());
      }
    }
    return headers;
  }

  /** A URL with secret query and fragment parameters and user info. */
  String url() {
    StringBuilder url = new StringBuilder(pick(List.of("https://", "http://", "ftp://")));
    switch (r.nextInt(3)) {
      case 0 -> url.append(pick(List.of("alice", "svc", "u"))).append(':').append(enc(anySecret())).append('@');
      case 1 -> url.append(token()).append('@');
      default -> { }
    }
    url.append(pick(List.of("api.example.com", "10.0.0.1:8443", "h"))).append('/')
        .append(pick(List.of("v1/orders", "search", "oauth/callback", "")));
    url.append('?').append(params(false));
    if (r.nextInt(4) == 0) {
      url.append('#').append(pick(List.of("access_token", "id_token"))).append('=').append(token())
          .append("&state=").append(enc(word()));
    }
    return url.toString();
  }

  /** {@code a=1&password=...}: URL-encoded, secret names from the default lists. */
  String params(boolean form) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0, n = 1 + r.nextInt(6); i < n; i++) {
      sb.append(i == 0 ? "" : "&");
      if (r.nextInt(3) == 0) {
        sb.append(enc(pick(PLAIN_NAMES))).append('=').append(enc(word()));
      } else {
        String name = randomCase(form ? pick(SECRET_FIELDS) : pick(SECRET_QUERY));
        sb.append(enc(name)).append('=').append(enc(anySecret()));
      }
    }
    return sb.toString();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Environment variables / system properties / configuration with planted secrets. */
  Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    for (int i = 0, n = 1 + r.nextInt(8); i < n; i++) {
      switch (r.nextInt(4)) {
        case 0, 1 -> env.put(pick(SECRET_ENV) + (r.nextBoolean() ? "" : "_" + i), anySecret());
        case 2 -> env.put(pick(PLAIN_NAMES) + i, switch (r.nextInt(3)) {
          case 0 -> textWithSecret();
          case 1 -> jdbcUrl();
          default -> "postgres://app:" + enc(anySecret()) + "@db:5432/app";
        });
        default -> env.put(pick(PLAIN_NAMES) + "_" + i, word());
      }
    }
    return env;
  }

  /** A JDBC URL in one of the drivers' syntaxes with a planted password. */
  String jdbcUrl() {
    String pw = plant(randomString(TOKEN_CHARS + "!$*-_.~", 10, 24));
    return switch (r.nextInt(9)) {
      case 0 -> "jdbc:postgresql://db:5432/app?user=app&password=" + pw + "&ssl=" + r.nextBoolean();
      case 1 -> "jdbc:postgresql://db/app?" + randomCase("sslpassword") + "=" + pw;
      case 2 -> "jdbc:mariadb://db:3306/app?user=root&" + randomCase("password") + "=" + pw;
      case 3 -> "jdbc:mysql://db/app;password=" + pw + ";user=x";
      case 4 -> "jdbc:h2:mem:test" + r.nextInt(99) + ";USER=sa;PASSWORD=" + pw + ";MODE=PostgreSQL";
      case 5 -> "jdbc:mysql://root:" + pw + "@db:3306/app?useSSL=false";
      case 6 -> "jdbc:oracle:thin:scott/" + pw + "@db:1521:orcl";
      case 7 -> "jdbc:sqlserver://db;user=sa;password={" + pw + "};encrypt=true";
      default -> "jdbc:repro:postgresql://db/app?pwd=" + pw;
    };
  }

  /** A random JSON document; values under secret names are planted secrets (strings or big numbers). */
  JsonNode jsonTree() {
    return json(this, 0, false);
  }

  /** A random document; values under secret names are planted secrets (strings or big numbers). */
  private static JsonNode json(Planted p, int depth, boolean secret) {
    int kind = depth >= 4 ? 3 : p.random().nextInt(depth == 0 ? 2 : 5);
    switch (kind) {
      case 0: {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (int i = 0, n = p.random().nextInt(6); i < n; i++) {
          boolean secretField = !secret && p.random().nextInt(3) == 0;
          String key = secretField ? p.randomCase(p.pick(Planted.SECRET_FIELDS))
              : p.pick(Planted.PLAIN_NAMES) + (i == 0 ? "" : "_" + i);
          o.set(key, json(p, depth + 1, secret || secretField));
        }
        return o;
      }
      case 1: {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (int i = 0, n = p.random().nextInt(5); i < n; i++) {
          a.add(json(p, depth + 1, secret));
        }
        return a;
      }
      default: {
        if (!secret) {
          return switch (p.random().nextInt(4)) {
            case 0 -> JsonNodeFactory.instance.numberNode(p.random().nextInt(1000));
            case 1 -> JsonNodeFactory.instance.booleanNode(p.random().nextBoolean());
            case 2 -> JsonNodeFactory.instance.nullNode();
            default -> JsonNodeFactory.instance.textNode(p.word());
          };
        }
        if (p.random().nextInt(4) == 0) {
          long n = 1_000_000_000_000L + (p.random().nextLong() & 0xFFFFFFFFFFL);
          p.plant(Long.toString(n));
          return JsonNodeFactory.instance.numberNode(n);
        }
        return JsonNodeFactory.instance.textNode(p.anySecret());
      }
    }
  }

  // ------------------------------------------------------------------ checks

  /** No planted secret — raw, URL-encoded or JSON-escaped, or any 8-character piece of it — is in {@code output}. */
  void assertNoneLeaks(String output) {
    assertNoneLeaks(List.of(this), output);
  }

  /** {@link #assertNoneLeaks(String)} for several scenarios sharing one output. */
  static void assertNoneLeaks(List<Planted> scenarios, String output) {
    java.util.Set<String> windows = new java.util.HashSet<>(output.length() * 2);
    for (int i = 0; i + 8 <= output.length(); i++) {
      windows.add(output.substring(i, i + 8));
    }
    for (Planted p : scenarios) {
      for (String s : p.secrets) {
        List<String> forms = List.of(s, enc(s),
            new String(JsonStringEncoder.getInstance().quoteAsString(s)));
        for (String form : forms) {
          if (form.length() >= 8 ? windows.contains(form.substring(0, 8)) && output.contains(form)
              : output.contains(form)) {
            fail("planted secret " + s + " (as " + form + ")", output, form);
          }
        }
        for (int i = 0; i + 8 <= s.length(); i++) {
          String piece = s.substring(i, i + 8);
          if (!piece.isBlank() && windows.contains(piece)) {
            fail("8-character piece " + piece + " of planted secret " + s, output, piece);
          }
        }
      }
    }
  }

  private static void fail(String what, String output, String found) {
    int at = output.indexOf(found);
    String around = output.substring(Math.max(0, at - 300), Math.min(output.length(), at + found.length() + 100));
    throw new AssertionError(what + " leaked; around it: " + around);
  }
}

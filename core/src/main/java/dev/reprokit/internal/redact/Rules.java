package dev.reprokit.internal.redact;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stable names of every redaction rule, in the order a summary lists them, with a one-line
 * description each. The names appear in manifests and in {@code RedactionConfig.disableRule},
 * so they never change once released.
 */
public final class Rules {
  public static final String HEADER_AUTHORIZATION = "header.authorization";
  public static final String HEADER_COOKIE = "header.cookie";
  public static final String HEADER_SECRET = "header.secret";
  public static final String URL_USERINFO = "url.userinfo";
  public static final String QUERY_PARAM = "query.param";
  public static final String BODY_JSON_FIELD = "body.json-field";
  public static final String BODY_FORM_FIELD = "body.form-field";
  public static final String JDBC_URL_PASSWORD = "jdbc.url-password";
  public static final String JDBC_COLUMN = "jdbc.column";
  public static final String JDBC_SQL_PASSWORD = "jdbc.sql-password";
  public static final String NAMED_SECRET = "named.secret";
  public static final String TEXT_PEM = "text.pem";
  public static final String TEXT_BEARER = "text.bearer";
  public static final String TEXT_JWT_SIGNATURE = "text.jwt-signature";
  public static final String TEXT_URI_CREDENTIALS = "text.uri-credentials";
  public static final String TEXT_KEY_VALUE = "text.key-value";
  public static final String USER_HEADER = "user.header";
  public static final String USER_QUERY_PARAM = "user.query-param";
  public static final String USER_FIELD = "user.field";
  public static final String USER_REGEX = "user.regex";
  public static final String USER_JSON_POINTER = "user.json-pointer";

  /** Not a rule: values replaced whole because a rule failed on them. */
  public static final String FAULT = "redaction.fault";

  /** Default rules: on unless switched off by name. */
  public static final Map<String, String> DEFAULT_RULES;

  /** User rules: run only when the configuration supplies names, patterns or pointers. */
  public static final Map<String, String> USER_RULES;

  static {
    Map<String, String> d = new LinkedHashMap<>();
    d.put(HEADER_AUTHORIZATION, "Authorization and Proxy-Authorization credentials (scheme kept)");
    d.put(HEADER_COOKIE, "every cookie value in Cookie and Set-Cookie (names and attributes kept)");
    d.put(HEADER_SECRET, "X-Api-Key, X-Auth-Token, X-CSRF-Token, X-XSRF-Token, x-*-(key|token|secret|auth)");
    d.put(URL_USERINFO, "the password (or a lone token) in a URL's user info");
    d.put(QUERY_PARAM, "values of secret query parameters (token, access_token, code, sig, ...)");
    d.put(BODY_JSON_FIELD, "JSON values under secret field names, at any depth");
    d.put(BODY_FORM_FIELD, "form-urlencoded values under secret field names");
    d.put(JDBC_URL_PASSWORD, "passwords and secret properties in JDBC URLs, user:pass@ forms");
    d.put(JDBC_COLUMN, "bind values, SQL literals and result values of secret-named columns");
    d.put(JDBC_SQL_PASSWORD, "string literals after PASSWORD or IDENTIFIED BY in SQL");
    d.put(NAMED_SECRET, "environment variables, system properties, configuration, mark attributes with secret names");
    d.put(TEXT_PEM, "PEM blocks (-----BEGIN ...----- to -----END ...-----) anywhere in text");
    d.put(TEXT_BEARER, "the token after 'Bearer' anywhere in text");
    d.put(TEXT_JWT_SIGNATURE, "the signature of a JWT anywhere in text (header and claims kept)");
    d.put(TEXT_URI_CREDENTIALS, "the password in scheme://user:password@ anywhere in text");
    d.put(TEXT_KEY_VALUE, "the value in name=value, name: value, \"name\":\"value\", <name>value</name> when the name is secret");
    DEFAULT_RULES = java.util.Collections.unmodifiableMap(d);

    Map<String, String> u = new LinkedHashMap<>();
    u.put(USER_HEADER, "header names the configuration adds");
    u.put(USER_QUERY_PARAM, "query parameter names the configuration adds");
    u.put(USER_FIELD, "field names the configuration adds (JSON, form, named values, columns)");
    u.put(USER_REGEX, "regular expressions the configuration adds, anywhere in text");
    u.put(USER_JSON_POINTER, "JSON pointers the configuration adds");
    USER_RULES = java.util.Collections.unmodifiableMap(u);
  }

  /** Every rule name, defaults first. */
  public static final List<String> ALL =
      java.util.stream.Stream.concat(DEFAULT_RULES.keySet().stream(), USER_RULES.keySet().stream())
          .toList();

  private static final Set<String> ALL_SET = Set.copyOf(ALL);

  private Rules() {}

  public static boolean isKnown(String name) {
    return ALL_SET.contains(name);
  }
}

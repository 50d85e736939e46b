package dev.reprokit.internal.redact;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a name (field, column, variable, property, parameter) labels a secret.
 *
 * <p>A name is secret when, compared case-insensitively:
 * <ul>
 *   <li>it <b>contains</b> one of {@code password passwd pwd secret token credential session
 *       passphrase apikey accesskey privatekey} (so {@code client_secret}, {@code sessionId},
 *       {@code JSESSIONID}, {@code DB_PASSWORD}, {@code mypassword} match), or
 *   <li>one of its words — split at {@code _ - . /} spaces, digits and camelCase humps — is
 *       {@code key}, {@code keys} or {@code private}, or ends with {@code key}
 *       ({@code api_key}, {@code X-Api-Key}, {@code signingKey}, {@code AWS_SECRET_ACCESS_KEY}
 *       match; {@code keyword}, {@code keyspace}, {@code monkeypatch} do not), or
 *   <li>one of its words contains {@code auth}, except the words {@code author},
 *       {@code authors}, {@code authority}, {@code authorities}, {@code authored},
 *       {@code authoring}, {@code authorship} ({@code authToken}, {@code oauth},
 *       {@code authorization}, {@code BASIC_AUTH} match; {@code author_name} does not).
 * </ul>
 */
final class SecretNames {
  private static final String[] CONTAINED = {
    "password", "passwd", "pwd", "secret", "token", "credential", "session", "passphrase",
    "apikey", "accesskey", "privatekey"
  };

  private static final Set<String> AUTH_EXCEPTIONS = Set.of(
      "author", "authors", "authority", "authorities", "authored", "authoring", "authorship");

  private SecretNames() {}

  static boolean isSecret(String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    for (String s : CONTAINED) {
      if (lower.contains(s)) {
        return true;
      }
    }
    if (!lower.contains("key") && !lower.contains("private") && !lower.contains("auth")) {
      return false;
    }
    for (String word : words(name)) {
      if (word.equals("key") || word.equals("keys") || word.endsWith("key")
          || word.equals("private")) {
        return true;
      }
      if (word.contains("auth") && !AUTH_EXCEPTIONS.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /** Lower-case words of a name, split at separators, digits and camelCase humps. */
  static List<String> words(String name) {
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    char prev = 0;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!Character.isLetter(c)) {
        flush(words, w);
        prev = c;
        continue;
      }
      boolean hump = Character.isUpperCase(c) && prev != 0 && Character.isLowerCase(prev);
      // "HTTPServer": split before the last capital of a run when a lower-case letter follows
      boolean runEnd = Character.isUpperCase(c) && Character.isUpperCase(prev)
          && i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
      if (hump || runEnd) {
        flush(words, w);
      }
      w.append(Character.toLowerCase(c));
      prev = c;
    }
    flush(words, w);
    return words;
  }

  private static void flush(List<String> words, StringBuilder w) {
    if (w.length() > 0) {
      words.add(w.toString());
      w.setLength(0);
    }
  }
}

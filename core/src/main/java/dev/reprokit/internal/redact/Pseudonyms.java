package dev.reprokit.internal.redact;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonyms: {@code ‹redacted:} + the first 8 hex digits of HMAC-SHA256(key, secret
 * bytes) + {@code ›}. Equal secrets get equal pseudonyms under one key; without the key a
 * pseudonym reveals nothing about the secret. Thread-safe.
 */
final class Pseudonyms {
  static final String PREFIX = "‹redacted:";
  static final String SUFFIX = "›";
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final Mac mac;

  Pseudonyms(byte[] key) {
    byte[] k = key;
    if (k == null) {
      k = new byte[32];
      new SecureRandom().nextBytes(k);
    }
    try {
      mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(k, "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  String of(String secret) {
    return of(secret.getBytes(StandardCharsets.UTF_8));
  }

  String of(byte[] secret) {
    byte[] h;
    synchronized (mac) {
      h = mac.doFinal(secret);
    }
    StringBuilder sb = new StringBuilder(PREFIX.length() + 8 + SUFFIX.length()).append(PREFIX);
    for (int i = 0; i < 4; i++) {
      sb.append(HEX[(h[i] >> 4) & 0xF]).append(HEX[h[i] & 0xF]);
    }
    return sb.append(SUFFIX).toString();
  }

  private static final java.util.regex.Pattern CARRIES_PSEUDONYM =
      java.util.regex.Pattern.compile("redacted(?::|%3[Aa])[0-9a-f]{8}");

  /**
   * {@code true} when {@code s} already carries a pseudonym (plain, percent-encoded or as the
   * bytes of one), so that a later rule does not replace it again.
   */
  static boolean isPseudonym(String s) {
    return s.contains("redacted") && CARRIES_PSEUDONYM.matcher(s).find();
  }
}

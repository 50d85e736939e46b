package dev.reprokit.internal.redact;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds, in one pass over bytes or text, which of a few ASCII words ("anchors") occur, ignoring
 * ASCII case. Rules whose regular expressions need such a word (a pattern without
 * {@code UNICODE_CASE} matches only the ASCII case variants of its letters) use it to skip text
 * that cannot match, without running the pattern and without decoding bytes: an ASCII word has
 * the same bytes in UTF-8 and in ISO-8859-1, and UTF-8 never uses ASCII bytes inside a
 * multi-byte character.
 *
 * <p>Each pair of adjacent bytes is looked up in a table of the anchors' first two bytes (in
 * every case variant); only a hit looks further. The result is a bit mask: each
 * anchor sets the bit it was registered with (several anchors may share one). "Stop" bytes end
 * the scan at once with {@link #STOP} (for callers that give up on, say, any non-ASCII byte).
 * Immutable and thread-safe once built.
 */
public final class AsciiAnchors {
  /** Set (with whatever was found before) when a stop byte was seen; the scan ended there. */
  public static final long STOP = Long.MIN_VALUE;

  /** ASCII lower case of a byte; bytes outside ASCII map to themselves. */
  private static final byte[] LOWER = new byte[256];

  static {
    for (int b = 0; b < 256; b++) {
      LOWER[b] = (byte) (b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
    }
  }

  /**
   * What a pair of bytes starts: bits found by the pair alone, and longer words to compare,
   * with the set of their third bytes (lower case) as a quick first test.
   */
  private record Entry(long pairBits, byte[][] words, long[] wordBits, long[] thirds) {
    boolean third(int lowerByte) {
      return (thirds[lowerByte >>> 6] & (1L << lowerByte)) != 0;
    }
  }

  /** Pairs that start an anchor (or a stop): a plain table is cheaper to test than a bit set. */
  private final boolean[] starts = new boolean[65536];
  private final Entry[] byPair = new Entry[65536];
  private final boolean[] stop;

  private AsciiAnchors(Builder b) {
    this.stop = b.stop.clone();
    long[] pairBits = b.pairBits.clone();
    java.util.Map<Integer, List<Integer>> wordsByPair = new java.util.HashMap<>();
    for (int w = 0; w < b.words.size(); w++) {
      byte[] word = b.words.get(w);
      for (int first : caseVariants(word[0])) {
        for (int second : caseVariants(word[1])) {
          int pair = (first << 8) | second;
          if (word.length == 2) {
            pairBits[pair] |= b.wordBits.get(w);
          } else {
            wordsByPair.computeIfAbsent(pair, k -> new ArrayList<>()).add(w);
          }
        }
      }
    }
    for (int pair = 0; pair < 65536; pair++) {
      if (stop[pair >>> 8]) {
        pairBits[pair] |= STOP;
      }
      List<Integer> words = wordsByPair.getOrDefault(pair, List.of());
      if (pairBits[pair] != 0 || !words.isEmpty()) {
        byte[][] ws = new byte[words.size()][];
        long[] bits = new long[words.size()];
        long[] thirds = new long[4];
        for (int i = 0; i < ws.length; i++) {
          ws[i] = b.words.get(words.get(i));
          bits[i] = b.wordBits.get(words.get(i));
          thirds[(ws[i][2] & 0xFF) >>> 6] |= 1L << (ws[i][2] & 0xFF);
        }
        byPair[pair] = new Entry(pairBits[pair], ws, bits, thirds);
        starts[pair] = true;
      }
    }
  }

  private static int[] caseVariants(byte lower) {
    return lower >= 'a' && lower <= 'z' ? new int[] {lower, lower - ('a' - 'A')} : new int[] {lower};
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The bits of every anchor in {@code data}, with {@link #STOP} when a stop byte ended it. */
  public long find(byte[] data) {
    return find(data, 0, data.length);
  }

  /** {@link #find(byte[])} of {@code data[from, to)}. */
  public long find(byte[] data, int from, int to) {
    if (from < 0 || to > data.length || from > to) {
      throw new IndexOutOfBoundsException("[" + from + ", " + to + ") of " + data.length);
    }
    if (from == to) {
      return 0;
    }
    long found = 0;
    boolean[] starts = this.starts;
    int last = to - 1;
    int i = from;
    while (i < last) {
      // The tight part tests two pairs a turn and leaves at the first that starts something:
      // most pairs start nothing, and a loop without the lookup in it runs a third faster.
      int b0 = data[i] & 0xFF;
      while (i + 2 < last) {
        int b1 = data[i + 1] & 0xFF;
        int b2 = data[i + 2] & 0xFF;
        if (starts[(b0 << 8) | b1] | starts[(b1 << 8) | b2]) {
          break;
        }
        b0 = b2;
        i += 2;
      }
      int pair = (b0 << 8) | (data[i + 1] & 0xFF);
      if (starts[pair]) {
        found |= look(data, i, to, byPair[pair]);
        if (found < 0) {
          return found;
        }
      }
      i++;
    }
    return stop[data[to - 1] & 0xFF] ? found | STOP : found;
  }

  /** {@link #find(byte[])} for text; a character outside ASCII counts as the byte 0x80. */
  public long find(CharSequence text) {
    int n = text.length();
    if (n == 0) {
      return 0;
    }
    long found = 0;
    boolean[] starts = this.starts;
    int prev = ascii(text.charAt(0));
    for (int i = 1; i < n; i++) {
      int cur = ascii(text.charAt(i));
      int pair = (prev << 8) | cur;
      if (starts[pair]) {
        found |= look(text, i - 1, byPair[pair]);
        if (found < 0) {
          return found;
        }
      }
      prev = cur;
    }
    return stop[prev] ? found | STOP : found;
  }

  /** A char as a byte for the tables: ASCII as is, anything else as 0x80 (never in a word). */
  private static int ascii(char c) {
    return c < 128 ? c : 0x80;
  }

  private static long look(byte[] data, int at, int to, Entry e) {
    long found = e.pairBits;
    if (at + 2 >= to || !e.third(LOWER[data[at + 2] & 0xFF] & 0xFF)) {
      return found;
    }
    for (int w = 0; w < e.words.length; w++) {
      byte[] word = e.words[w];
      if (to - at >= word.length && rest(data, at, word)) {
        found |= e.wordBits[w];
      }
    }
    return found;
  }

  private static boolean rest(byte[] data, int at, byte[] word) {
    for (int k = 2; k < word.length; k++) {
      if (LOWER[data[at + k] & 0xFF] != word[k]) {
        return false;
      }
    }
    return true;
  }

  private static long look(CharSequence text, int at, Entry e) {
    long found = e.pairBits;
    if (at + 2 >= text.length() || !e.third(LOWER[ascii(text.charAt(at + 2))] & 0xFF)) {
      return found;
    }
    for (int w = 0; w < e.words.length; w++) {
      byte[] word = e.words[w];
      if (text.length() - at >= word.length && rest(text, at, word)) {
        found |= e.wordBits[w];
      }
    }
    return found;
  }

  private static boolean rest(CharSequence text, int at, byte[] word) {
    for (int k = 2; k < word.length; k++) {
      if (LOWER[ascii(text.charAt(at + k))] != word[k]) {
        return false;
      }
    }
    return true;
  }

  /** Registers anchors; each sets a bit (0 to 62) of the answer. */
  public static final class Builder {
    private final List<byte[]> words = new ArrayList<>();
    private final List<Long> wordBits = new ArrayList<>();
    private final long[] pairBits = new long[65536];
    private final boolean[] stop = new boolean[256];

    private Builder() {}

    /** {@code word}, two or more printable ASCII characters, ignoring ASCII case, sets {@code bit}. */
    public Builder word(String word, int bit) {
      String w = word.toLowerCase(Locale.ROOT);
      if (w.length() < 2 || !w.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
        throw new IllegalArgumentException("not a printable ASCII word of 2+ chars: " + word);
      }
      words.add(w.getBytes(StandardCharsets.US_ASCII));
      wordBits.add(bitOf(bit));
      return this;
    }

    /** Any character of {@code first} followed by any of {@code second} (case as given) sets {@code bit}. */
    public Builder pair(String first, String second, int bit) {
      for (char a : first.toCharArray()) {
        for (char b : second.toCharArray()) {
          if (a >= 128 || b >= 128) {
            throw new IllegalArgumentException("not ASCII: " + a + b);
          }
          pairBits[(a << 8) | b] |= bitOf(bit);
        }
      }
      return this;
    }

    /** The scan ends with {@link #STOP} at any byte {@code b} with {@code 0x80 <= b}. */
    public Builder stopAtNonAscii() {
      for (int b = 0x80; b < 256; b++) {
        stop[b] = true;
      }
      return this;
    }

    /** The scan ends with {@link #STOP} at {@code c}. */
    public Builder stopAt(char c) {
      if (c >= 128) {
        throw new IllegalArgumentException("not ASCII: " + c);
      }
      stop[c] = true;
      return this;
    }

    public AsciiAnchors build() {
      return new AsciiAnchors(this);
    }

    private static long bitOf(int bit) {
      if (bit < 0 || bit > 62) {
        throw new IllegalArgumentException("bit " + bit + " is not in 0..62");
      }
      return 1L << bit;
    }
  }
}

package dev.reprokit.internal.redact;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One scan of each JSON body that answers two questions: whether the JSON rules of redaction
 * can change it, and whether a later check of the very same bytes (the bundle's leak gate)
 * can find anything in it. Redaction returns a body it cannot change as the same array, so
 * when neither set of words occurs the later check may skip its own scan of that array.
 *
 * <p>The scanner holds redaction's words ({@link Bodies#REDACTION_WORDS}) at bit
 * {@value #REDACTION_BIT}, the later check's words at the bits it chose, and stops at any
 * non-ASCII byte and at a backslash (as redaction's own scan does). A body is remembered,
 * by identity, only when the scan found nothing at all and did not stop: the later check
 * asks about the array it holds, and an array that redaction replaced, inflated or never saw
 * is not remembered, so it scans that one itself. Arrays are never changed after capture.
 *
 * <p>One per bundle ({@link RedactionEngine#prescanBodies}), on {@link Words} built once;
 * thread-safe.
 */
public final class BodyPrescan {
  /** The bit of redaction's words; the later check's words must use other bits. */
  public static final int REDACTION_BIT = 61;

  private static final long REDACTION = 1L << REDACTION_BIT;

  private final Words words;
  private final Set<byte[]> clean = ConcurrentHashMap.newKeySet(); // byte[]: identity keys

  /** A prescan for one bundle with {@code words} (built once: building a scanner takes ~1 ms). */
  public BodyPrescan(Words words) {
    this.words = Objects.requireNonNull(words, "words");
  }

  /** The scanner of a prescan: redaction's words, the later check's words, the stops. Immutable. */
  public static final class Words {
    private final AsciiAnchors scanner;

    private Words(AsciiAnchors scanner) {
      this.scanner = scanner;
    }

    /**
     * @param laterWords adds the later check's words to the builder, each at a bit other than
     *     {@value #REDACTION_BIT}
     */
    public static Words of(Consumer<AsciiAnchors.Builder> laterWords) {
      AsciiAnchors.Builder b = AsciiAnchors.builder().stopAtNonAscii().stopAt('\\');
      laterWords.accept(b);
      for (String w : Bodies.REDACTION_WORDS) {
        b.word(w, REDACTION_BIT);
      }
      return new Words(b.build());
    }
  }

  /**
   * For redaction: {@code true} when none of redaction's words occurs in {@code body} and the
   * scan did not stop. When nothing at all occurs, remembers {@code body} if it is a captured
   * payload's own array ({@code payload}); an array made while redacting (an inflated body, a
   * multipart part) is never asked about later, and remembering it would keep it alive.
   */
  boolean nothingToRedact(byte[] body, boolean payload) {
    long found = words.scanner.find(body);
    if (found == 0 && payload) {
      clean.add(body);
    }
    return (found & (REDACTION | AsciiAnchors.STOP)) == 0;
  }

  /**
   * For the later check: {@code true} when this very array was scanned and neither
   * redaction's words nor the later check's words occur in it.
   */
  public boolean clean(byte[] data) {
    return data != null && clean.contains(data);
  }
}

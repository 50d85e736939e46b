package dev.reprokit.http.internal;

import java.util.ArrayList;
import java.util.List;

/** A line diff of two texts (longest common subsequence), as {@code -}/{@code +} lines. */
public final class LineDiff {
  private static final int MAX_LINES = 2_000;

  /**
   * One changed line.
   *
   * @param line 1-based line number in the recorded text (removed) or the new text (added)
   * @param removed {@code true} for a line only in the recorded text, {@code false} for one
   *     only in the new text
   * @param text the line
   */
  public record Line(int line, boolean removed, String text) {
    @Override
    public String toString() {
      return (removed ? "-" : "+") + line + ": " + text;
    }
  }

  private LineDiff() {}

  public static List<Line> diff(String expected, String actual) {
    String[] a = expected.split("\n", -1);
    String[] b = actual.split("\n", -1);
    List<Line> out = new ArrayList<>();
    if ((long) a.length * b.length > (long) MAX_LINES * MAX_LINES) {
      // too large for the table: report the first differing line only
      int i = 0;
      while (i < a.length && i < b.length && a[i].equals(b[i])) {
        i++;
      }
      if (i < a.length) {
        out.add(new Line(i + 1, true, a[i]));
      }
      if (i < b.length) {
        out.add(new Line(i + 1, false, b[i]));
      }
      return out;
    }
    int[][] lcs = new int[a.length + 1][b.length + 1];
    for (int i = a.length - 1; i >= 0; i--) {
      for (int j = b.length - 1; j >= 0; j--) {
        lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      if (a[i].equals(b[j])) {
        i++;
        j++;
      } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
        out.add(new Line(i + 1, true, a[i++]));
      } else {
        out.add(new Line(j + 1, false, b[j++]));
      }
    }
    while (i < a.length) {
      out.add(new Line(i + 1, true, a[i++]));
    }
    while (j < b.length) {
      out.add(new Line(j + 1, false, b[j++]));
    }
    return out;
  }
}

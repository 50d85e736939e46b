package dev.reprokit.jdbc.internal;

import dev.reprokit.jdbc.JdbcCaptureOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Simple parsing of which column each {@code ?} of a statement is bound to: the column list
 * of {@code INSERT INTO t (a, b) VALUES (?, ?)} and {@code col = ?}-style comparisons
 * (also {@code SET col = ?}). Used once per prepared statement, and only when extra secret
 * columns are configured. Unknown positions get {@code null}.
 */
final class SqlParameters {
  private SqlParameters() {}

  /** Column name per parameter, index 1-based (element 0 unused). */
  static String[] columns(String sql) {
    List<String> tokens = tokenize(sql);
    List<String> byParam = new ArrayList<>();
    byParam.add(null);
    List<String> insertColumns = null;
    int valuesStart = -1;
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      String lower = t.toLowerCase(Locale.ROOT);
      if (lower.equals("into") && i + 2 < tokens.size() && tokens.get(i + 2).equals("(")) {
        insertColumns = new ArrayList<>();
        int j = i + 3;
        while (j < tokens.size() && !tokens.get(j).equals(")")) {
          if (!tokens.get(j).equals(",")) {
            insertColumns.add(unquote(tokens.get(j)));
          }
          j++;
        }
      } else if (lower.equals("values") && insertColumns != null && valuesStart < 0) {
        valuesStart = i;
        int position = 0;
        int depth = 0;
        for (int j = i + 1; j < tokens.size(); j++) {
          String v = tokens.get(j);
          if (v.equals("(")) {
            depth++;
          } else if (v.equals(")")) {
            depth--;
            if (depth == 0) {
              break;
            }
          } else if (v.equals(",") && depth == 1) {
            position++;
          } else if (v.equals("?")) {
            byParam.add(position < insertColumns.size() && depth == 1
                ? insertColumns.get(position) : null);
          }
        }
        return finish(byParam, tokens, i);
      } else if (t.equals("?")) {
        byParam.add(columnBefore(tokens, i));
      }
    }
    return byParam.toArray(new String[0]);
  }

  private static String[] finish(List<String> byParam, List<String> tokens, int valuesAt) {
    // parameters after the VALUES list (e.g. ON CONFLICT ... SET col = ?)
    int depth = 0;
    int j = valuesAt + 1;
    for (; j < tokens.size(); j++) {
      if (tokens.get(j).equals("(")) {
        depth++;
      } else if (tokens.get(j).equals(")") && --depth == 0) {
        break;
      }
    }
    for (int k = j + 1; k < tokens.size(); k++) {
      if (tokens.get(k).equals("?")) {
        byParam.add(columnBefore(tokens, k));
      }
    }
    return byParam.toArray(new String[0]);
  }

  private static String columnBefore(List<String> tokens, int q) {
    if (q >= 2) {
      String op = tokens.get(q - 1).toLowerCase(Locale.ROOT);
      if (op.equals("=") || op.equals("<>") || op.equals("!=") || op.equals("<")
          || op.equals(">") || op.equals("<=") || op.equals(">=") || op.equals("like")) {
        String col = tokens.get(q - 2);
        int dot = col.lastIndexOf('.');
        return unquote(dot >= 0 ? col.substring(dot + 1) : col);
      }
    }
    return null;
  }

  private static String unquote(String s) {
    if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '`' || s.charAt(0) == '[')) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }

  private static List<String> tokenize(String sql) {
    List<String> out = new ArrayList<>();
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '\'') { // string literal
        int j = i + 1;
        while (j < n && !(sql.charAt(j) == '\'' && (j + 1 >= n || sql.charAt(j + 1) != '\''))) {
          j += sql.charAt(j) == '\'' ? 2 : 1;
        }
        out.add("'lit'");
        i = j + 1;
      } else if (c == '"' || c == '`') {
        int j = sql.indexOf(c, i + 1);
        j = j < 0 ? n - 1 : j;
        out.add(sql.substring(i, j + 1));
        i = j + 1;
      } else if (Character.isLetterOrDigit(c) || c == '_' || c == '.') {
        int j = i;
        while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_'
            || sql.charAt(j) == '.' || sql.charAt(j) == '"')) {
          j++;
        }
        out.add(sql.substring(i, j));
        i = j;
      } else if ((c == '<' || c == '>' || c == '!') && i + 1 < n
          && (sql.charAt(i + 1) == '=' || sql.charAt(i + 1) == '>')) {
        out.add(sql.substring(i, i + 2));
        i += 2;
      } else {
        out.add(String.valueOf(c));
        i++;
      }
    }
    return out;
  }

  /** {@code true} at each parameter index bound to a configured secret column. */
  static boolean[] secretMask(String sql, JdbcCaptureOptions options) {
    String[] cols = options.secretColumns().isEmpty() ? new String[1] : columns(sql);
    int size = cols.length;
    for (JdbcCaptureOptions.SecretParameter p : options.secretParameters()) {
      size = Math.max(size, p.index() + 1);
    }
    boolean[] mask = new boolean[size];
    boolean any = false;
    for (int i = 1; i < size; i++) {
      mask[i] = i < cols.length && options.isSecretColumn(cols[i]);
      for (JdbcCaptureOptions.SecretParameter p : options.secretParameters()) {
        mask[i] |= p.hides(sql, i);
      }
      any |= mask[i];
    }
    return any ? mask : null;
  }
}

package dev.reprokit.internal.redact;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps the parameters and literals of simple SQL to the columns they are bound to, so that
 * values of secret-named columns can be replaced: {@code INSERT INTO t (a, b) VALUES (?, ?)}
 * (also multi-row), {@code UPDATE t SET a = ?, b = ?}, {@code WHERE a = ? AND lower(b) = ?},
 * {@code a IN (?, ?)}, {@code a LIKE ?} and {@code ? = a}. Anything it cannot map is left
 * unmapped (the value then only goes through the text rules). Comments, string literals,
 * quoted identifiers and dollar-quoted strings are skipped correctly.
 */
final class SqlColumns {
  enum Type {
    IDENT, STRING, NUMBER, PARAM, OP, OPEN, CLOSE, COMMA, OTHER
  }

  /** A token; {@code text} is the lower-case identifier, operator or the literal's content. */
  record Tok(Type type, int start, int end, String text) {}

  private static final Set<String> STOP = Set.of(
      "and", "or", "where", "set", "on", "values", "select", "when", "then", "else", "by",
      "having", "from", "join", "returning", "into", "limit", "offset", "case", "update",
      "insert", "delete", "not", "between");
  private static final Set<String> COMPARISON_WORDS = Set.of("like", "ilike", "in", "is");

  private SqlColumns() {}

  /** Parameter number (1-based, in text order) to the column it is bound to. */
  static Map<Integer, String> paramColumns(String sql) {
    List<Tok> toks = tokenize(sql);
    String[] cols = columns(toks);
    Map<Integer, String> map = new HashMap<>();
    int n = 0;
    for (int i = 0; i < toks.size(); i++) {
      if (toks.get(i).type() == Type.PARAM) {
        n++;
        if (cols[i] != null) {
          map.put(n, cols[i]);
        }
      }
    }
    return map;
  }

  static String redactLiterals(RedactionEngine engine, String sql) {
    List<int[]> comments = new ArrayList<>();
    List<Tok> toks = tokenize(sql, comments);
    String[] cols = null;
    // edits in text order: {start, end, index into replacements}
    List<int[]> edits = new ArrayList<>();
    List<String> replacements = new ArrayList<>();
    for (int i = 0; i < toks.size(); i++) {
      Tok t = toks.get(i);
      if (t.type() != Type.STRING && t.type() != Type.NUMBER) {
        continue;
      }
      if (cols == null) {
        cols = columns(toks);
      }
      String rule = cols[i] == null ? null : engine.fieldRule(cols[i], Rules.JDBC_COLUMN);
      if (rule == null && t.type() == Type.STRING && afterPasswordKeyword(toks, i)
          && engine.ruleOn(Rules.JDBC_SQL_PASSWORD)) {
        rule = Rules.JDBC_SQL_PASSWORD;
      }
      if (rule == null || t.text().isEmpty() || Pseudonyms.isPseudonym(t.text())) {
        continue;
      }
      edits.add(new int[] {t.start(), t.end(), replacements.size()});
      replacements.add("'" + engine.secretValue(rule, t.text()) + "'");
    }
    for (int[] c : comments) { // comments are prose: every text rule, key-value included
      String comment = sql.substring(c[0], c[1]);
      String red = engine.text(comment, RedactionEngine.Mode.TEXT);
      if (!red.equals(comment)) {
        edits.add(new int[] {c[0], c[1], replacements.size()});
        replacements.add(red);
      }
    }
    String r = sql;
    if (!edits.isEmpty()) {
      edits.sort((x, y) -> Integer.compare(x[0], y[0]));
      StringBuilder out = new StringBuilder(sql.length() + 32 * edits.size());
      int last = 0;
      for (int[] e : edits) {
        out.append(sql, last, e[0]).append(replacements.get(e[2]));
        last = e[1];
      }
      r = out.append(sql, last, sql.length()).toString();
    }
    return engine.sqlText(r);
  }

  private static boolean afterPasswordKeyword(List<Tok> toks, int i) {
    int j = i - 1;
    while (j >= 0 && (toks.get(j).type() == Type.OPEN
        || (toks.get(j).type() == Type.OP && toks.get(j).text().equals("=")))) {
      j--;
    }
    if (j < 0 || toks.get(j).type() != Type.IDENT) {
      return false;
    }
    String w = toks.get(j).text();
    return w.equals("password") || w.equals("identified") // IDENTIFIED 'x' (some dialects)
        || (w.equals("by") && j > 0 && toks.get(j - 1).text().equals("identified"));
  }

  // ---------------------------------------------------------------- mapping

  /** For every token, the column a value token is bound to, else {@code null}. */
  static String[] columns(List<Tok> toks) {
    String[] cols = new String[toks.size()];
    insertColumns(toks, cols);
    for (int i = 0; i < toks.size(); i++) {
      Type type = toks.get(i).type();
      if (cols[i] != null
          || !(type == Type.PARAM || type == Type.STRING || type == Type.NUMBER)) {
        continue;
      }
      cols[i] = lookBack(toks, i);
      if (cols[i] == null && i + 2 < toks.size() && isComparison(toks.get(i + 1))
          && toks.get(i + 2).type() == Type.IDENT && !STOP.contains(toks.get(i + 2).text())) {
        cols[i] = toks.get(i + 2).text();
      }
    }
    return cols;
  }

  private static void insertColumns(List<Tok> toks, String[] cols) {
    int i = 0;
    if (toks.isEmpty() || toks.get(0).type() != Type.IDENT) {
      return;
    }
    String first = toks.get(0).text();
    if (!(first.equals("insert") || first.equals("replace") || first.equals("upsert")
        || first.equals("merge"))) {
      return;
    }
    // find the column list: the first "(" after INTO table
    while (i < toks.size() && toks.get(i).type() != Type.OPEN) {
      if (toks.get(i).type() == Type.IDENT && toks.get(i).text().equals("values")) {
        return; // INSERT INTO t VALUES (...): no column names
      }
      i++;
    }
    List<String> names = new ArrayList<>();
    String current = null;
    int depth = 0;
    for (i = i + 1; i < toks.size(); i++) {
      Tok t = toks.get(i);
      if (t.type() == Type.OPEN) {
        depth++;
      } else if (t.type() == Type.CLOSE) {
        if (depth == 0) {
          names.add(current);
          break;
        }
        depth--;
      } else if (t.type() == Type.COMMA && depth == 0) {
        names.add(current);
        current = null;
      } else if (t.type() == Type.IDENT && depth == 0) {
        current = t.text(); // qualified names: the last part wins
      }
    }
    if (names.isEmpty()) {
      return;
    }
    // VALUES ( ... ), ( ... )
    while (i < toks.size()
        && !(toks.get(i).type() == Type.IDENT && toks.get(i).text().equals("values"))) {
      if (toks.get(i).type() == Type.IDENT && toks.get(i).text().equals("select")) {
        return;
      }
      i++;
    }
    depth = 0;
    int item = 0;
    for (i = i + 1; i < toks.size(); i++) {
      Tok t = toks.get(i);
      if (t.type() == Type.OPEN) {
        depth++;
        if (depth == 1) {
          item = 0;
        }
      } else if (t.type() == Type.CLOSE) {
        depth--;
        if (depth < 0) {
          return;
        }
      } else if (t.type() == Type.COMMA && depth == 1) {
        item++;
      } else if (depth == 0 && t.type() == Type.IDENT) {
        return; // ON CONFLICT, RETURNING...: the generic rules take over
      } else if (depth >= 1 && (t.type() == Type.PARAM || t.type() == Type.STRING
          || t.type() == Type.NUMBER)) {
        cols[i] = names.get(item % names.size());
      }
    }
  }

  private static String lookBack(List<Tok> toks, int i) {
    int depth = 0;
    for (int j = i - 1; j >= 0; j--) {
      Tok t = toks.get(j);
      switch (t.type()) {
        case CLOSE -> depth++;
        case OPEN -> {
          if (depth > 0) {
            depth--;
          }
        }
        default -> {
          if (depth > 0) {
            continue;
          }
          if (isComparison(t)) {
            return columnBefore(toks, j);
          }
          if (t.type() == Type.IDENT && STOP.contains(t.text())) {
            return null;
          }
        }
      }
    }
    return null;
  }

  private static boolean isComparison(Tok t) {
    return (t.type() == Type.OP && !t.text().equals("||"))
        || (t.type() == Type.IDENT && COMPARISON_WORDS.contains(t.text()));
  }

  /** The column left of the operator at {@code op}: {@code a}, {@code t.a}, {@code lower(a)}. */
  private static String columnBefore(List<Tok> toks, int op) {
    int j = op - 1;
    while (j >= 0 && toks.get(j).type() == Type.IDENT
        && (toks.get(j).text().equals("not") || toks.get(j).text().equals("is"))) {
      j--;
    }
    if (j < 0) {
      return null;
    }
    Tok t = toks.get(j);
    if (t.type() == Type.IDENT) {
      return STOP.contains(t.text()) ? null : t.text();
    }
    if (t.type() == Type.CLOSE) {
      int depth = 0;
      for (int k = j; k >= 0; k--) {
        Tok u = toks.get(k);
        if (u.type() == Type.CLOSE) {
          depth++;
        } else if (u.type() == Type.OPEN) {
          if (--depth == 0) {
            return null;
          }
        } else if (u.type() == Type.IDENT && !STOP.contains(u.text())) {
          return u.text();
        }
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- tokenizer

  static List<Tok> tokenize(String s) {
    return tokenize(s, new ArrayList<>());
  }

  /** Tokens of {@code s}; the spans of its comments go into {@code comments}. */
  static List<Tok> tokenize(String s, List<int[]> comments) {
    List<Tok> toks = new ArrayList<>();
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
        int start = i;
        while (i < n && s.charAt(i) != '\n') {
          i++;
        }
        comments.add(new int[] {start, i});
      } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
        int end = s.indexOf("*/", i + 2);
        comments.add(new int[] {i, end < 0 ? n : end + 2});
        i = end < 0 ? n : end + 2;
      } else if (c == '\'') {
        boolean backslash = i > 0 && (s.charAt(i - 1) == 'E' || s.charAt(i - 1) == 'e');
        int j = i + 1;
        StringBuilder content = new StringBuilder();
        while (j < n) {
          char d = s.charAt(j);
          if (backslash && d == '\\' && j + 1 < n) {
            content.append(d).append(s.charAt(j + 1));
            j += 2;
          } else if (d == '\'') {
            if (j + 1 < n && s.charAt(j + 1) == '\'') {
              content.append('\'');
              j += 2;
            } else {
              break;
            }
          } else {
            content.append(d);
            j++;
          }
        }
        int end = Math.min(j + 1, n);
        toks.add(new Tok(Type.STRING, i, end, content.toString()));
        i = end;
      } else if (c == '"' || c == '`') {
        int end = s.indexOf(c, i + 1);
        end = end < 0 ? n : end;
        toks.add(new Tok(Type.IDENT, i, Math.min(end + 1, n),
            s.substring(i + 1, end).toLowerCase(Locale.ROOT)));
        i = Math.min(end + 1, n);
      } else if (c == '$' && i + 1 < n && Character.isDigit(s.charAt(i + 1))) {
        int j = i + 1;
        while (j < n && Character.isDigit(s.charAt(j))) {
          j++;
        }
        toks.add(new Tok(Type.PARAM, i, j, s.substring(i, j)));
        i = j;
      } else if (c == '$') {
        int tagEnd = s.indexOf('$', i + 1);
        String tag = tagEnd < 0 ? null : s.substring(i, tagEnd + 1);
        if (tag != null && tag.chars().skip(1).limit(tag.length() - 2L)
            .allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_')) {
          int close = s.indexOf(tag, tagEnd + 1);
          int contentEnd = close < 0 ? n : close;
          int end = close < 0 ? n : close + tag.length();
          toks.add(new Tok(Type.STRING, i, end, s.substring(tagEnd + 1, contentEnd)));
          i = end;
        } else {
          toks.add(new Tok(Type.OTHER, i, i + 1, "$"));
          i++;
        }
      } else if (c == '?') {
        toks.add(new Tok(Type.PARAM, i, i + 1, "?"));
        i++;
      } else if (c == ':' && i + 1 < n && Character.isLetter(s.charAt(i + 1))
          && (i == 0 || s.charAt(i - 1) != ':')) {
        int j = i + 1;
        while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
          j++;
        }
        toks.add(new Tok(Type.PARAM, i, j, s.substring(i + 1, j)));
        i = j;
      } else if (Character.isDigit(c)) {
        int j = i;
        while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '.')) {
          j++;
        }
        toks.add(new Tok(Type.NUMBER, i, j, s.substring(i, j)));
        i = j;
      } else if (Character.isLetter(c) || c == '_') {
        int j = i;
        while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_'
            || s.charAt(j) == '$')) {
          j++;
        }
        toks.add(new Tok(Type.IDENT, i, j, s.substring(i, j).toLowerCase(Locale.ROOT)));
        i = j;
      } else if (c == '(') {
        toks.add(new Tok(Type.OPEN, i, i + 1, "("));
        i++;
      } else if (c == ')') {
        toks.add(new Tok(Type.CLOSE, i, i + 1, ")"));
        i++;
      } else if (c == ',') {
        toks.add(new Tok(Type.COMMA, i, i + 1, ","));
        i++;
      } else if ("=<>!|".indexOf(c) >= 0) {
        int j = i + 1;
        while (j < n && "=<>!|".indexOf(s.charAt(j)) >= 0 && j - i < 2) {
          j++;
        }
        String op = s.substring(i, j);
        toks.add(new Tok(op.equals("!") ? Type.OTHER : Type.OP, i, j, op));
        i = j;
      } else {
        toks.add(new Tok(Type.OTHER, i, i + 1, String.valueOf(c)));
        i++;
      }
    }
    return toks;
  }
}

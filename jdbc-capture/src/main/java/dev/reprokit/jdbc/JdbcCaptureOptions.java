package dev.reprokit.jdbc;

import dev.reprokit.InvalidConfigurationException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Immutable settings of JDBC capture. Build one with {@link #builder()}, or start from
 * {@link #DEFAULT} and change a few settings with {@link #toBuilder()}. Every setter checks
 * its argument at once and names the setting in its error.
 *
 * <pre>{@code
 * JdbcCaptureOptions options = JdbcCaptureOptions.builder()
 *     .maxRowsPerResultSet(20)
 *     .secretColumns(Set.of("iban", "ssn"))
 *     .build();
 * DataSource ds = ReproJdbc.wrap(rawDataSource, recorder, options);
 * }</pre>
 *
 * <table>
 *   <caption>Settings, defaults and system properties (read by the {@code jdbc:repro:} driver)</caption>
 *   <tr><th>setting</th><th>default</th><th>system property</th></tr>
 *   <tr><td>maxRowsPerResultSet</td><td>100 rows kept per result set</td><td>{@code reprokit.jdbc.maxRows}</td></tr>
 *   <tr><td>maxBytesPerResultSet</td><td>64 KiB (estimated) kept per result set</td><td>{@code reprokit.jdbc.maxBytes}</td></tr>
 *   <tr><td>maxLobPrefixBytes</td><td>4 KiB: first bytes kept of each BLOB, CLOB or stream</td><td>{@code reprokit.jdbc.maxLobBytes}</td></tr>
 *   <tr><td>captureRows</td><td>{@code true}: keep row values (else metadata and counts only)</td><td>{@code reprokit.jdbc.captureRows}</td></tr>
 *   <tr><td>triggerOnSqlError</td><td>{@code true}: an {@code SQLException} triggers a bundle ({@code TriggerKind.SQL_ERROR}, storm control applies)</td><td>{@code reprokit.jdbc.triggerOnSqlError}</td></tr>
 *   <tr><td>secretParameter(sqlRegex, index)</td><td>none: parameters whose column cannot be known (procedure arguments), never kept</td><td>—</td></tr>
 *   <tr><td>secretColumns</td><td>none: extra column names (case-insensitive) whose values are never kept, in addition to core's secret-name rules</td><td>{@code reprokit.jdbc.secretColumns} (comma-separated)</td></tr>
 * </table>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class JdbcCaptureOptions {

  /** Every setting at its default. */
  public static final JdbcCaptureOptions DEFAULT = builder().build();

  private final int maxRowsPerResultSet;
  private final long maxBytesPerResultSet;
  private final int maxLobPrefixBytes;
  private final boolean captureRows;
  private final boolean triggerOnSqlError;
  private final Set<String> secretColumns;
  private final java.util.List<SecretParameter> secretParameters;

  /**
   * A rule for a parameter whose column cannot be known from the SQL text (a procedure
   * argument, an expression): the value bound at {@code index} of every statement whose SQL
   * matches {@code sql} (a regular expression, searched with {@code find}) is never kept.
   *
   * @param sql regular expression over the SQL text
   * @param index 1-based parameter index
   */
  public record SecretParameter(java.util.regex.Pattern sql, int index) {
    public SecretParameter {
      if (sql == null) {
        throw new InvalidConfigurationException("secretParameter: sql pattern must not be null");
      }
      if (index < 1) {
        throw new InvalidConfigurationException(
            "secretParameter: index must be 1 or more, was " + index);
      }
    }

    /** {@code true} when this rule hides parameter {@code i} of {@code sqlText}. */
    public boolean hides(String sqlText, int i) {
      return i == index && sqlText != null && sql.matcher(sqlText).find();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof SecretParameter p && p.index == index
          && p.sql.pattern().equals(sql.pattern());
    }

    @Override
    public int hashCode() {
      return sql.pattern().hashCode() * 31 + index;
    }
  }

  private JdbcCaptureOptions(Builder b) {
    this.maxRowsPerResultSet = b.maxRowsPerResultSet;
    this.maxBytesPerResultSet = b.maxBytesPerResultSet;
    this.maxLobPrefixBytes = b.maxLobPrefixBytes;
    this.captureRows = b.captureRows;
    this.triggerOnSqlError = b.triggerOnSqlError;
    this.secretColumns = Set.copyOf(b.secretColumns);
    this.secretParameters = java.util.List.copyOf(b.secretParameters);
  }

  /** A builder with every setting at its default. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The defaults, overridden by the {@code reprokit.jdbc.*} system properties listed above.
   *
   * @throws InvalidConfigurationException when a property holds an invalid value
   */
  public static JdbcCaptureOptions fromSystemProperties() {
    Builder b = builder();
    String v = System.getProperty("reprokit.jdbc.maxRows");
    if (v != null) {
      b.maxRowsPerResultSet((int) parse("reprokit.jdbc.maxRows", v));
    }
    v = System.getProperty("reprokit.jdbc.maxBytes");
    if (v != null) {
      b.maxBytesPerResultSet(parse("reprokit.jdbc.maxBytes", v));
    }
    v = System.getProperty("reprokit.jdbc.maxLobBytes");
    if (v != null) {
      b.maxLobPrefixBytes((int) parse("reprokit.jdbc.maxLobBytes", v));
    }
    v = System.getProperty("reprokit.jdbc.captureRows");
    if (v != null) {
      b.captureRows(Boolean.parseBoolean(v.trim()));
    }
    v = System.getProperty("reprokit.jdbc.triggerOnSqlError");
    if (v != null) {
      b.triggerOnSqlError(Boolean.parseBoolean(v.trim()));
    }
    v = System.getProperty("reprokit.jdbc.secretColumns");
    if (v != null) {
      Set<String> names = new TreeSet<>();
      for (String s : v.split(",")) {
        if (!s.isBlank()) {
          names.add(s.trim());
        }
      }
      b.secretColumns(names);
    }
    return b.build();
  }

  private static long parse(String property, String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new InvalidConfigurationException(
          "system property " + property + " must be a whole number, was '" + value + "'");
    }
  }

  /** A builder holding these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxRowsPerResultSet = maxRowsPerResultSet;
    b.maxBytesPerResultSet = maxBytesPerResultSet;
    b.maxLobPrefixBytes = maxLobPrefixBytes;
    b.captureRows = captureRows;
    b.triggerOnSqlError = triggerOnSqlError;
    b.secretColumns = new TreeSet<>(secretColumns);
    b.secretParameters = new java.util.ArrayList<>(secretParameters);
    return b;
  }

  /** Rows kept per result set; rows beyond are counted, not kept. Default 100. */
  public int maxRowsPerResultSet() {
    return maxRowsPerResultSet;
  }

  /** Estimated bytes of row values kept per result set. Default 64 KiB. */
  public long maxBytesPerResultSet() {
    return maxBytesPerResultSet;
  }

  /** First bytes kept of each LOB or stream value (bind or column). Default 4 KiB. */
  public int maxLobPrefixBytes() {
    return maxLobPrefixBytes;
  }

  /** Whether row values are kept. Default {@code true}. */
  public boolean captureRows() {
    return captureRows;
  }

  /** Whether an {@code SQLException} triggers a bundle. Default {@code true}. */
  public boolean triggerOnSqlError() {
    return triggerOnSqlError;
  }

  /** Extra secret column names, lower case. Default none. */
  public Set<String> secretColumns() {
    return secretColumns;
  }

  /** Rules for secret parameters whose column is unknown. Default none. */
  public java.util.List<SecretParameter> secretParameters() {
    return secretParameters;
  }

  /** {@code true} when {@code column} is one of {@link #secretColumns()} (ignoring case). */
  public boolean isSecretColumn(String column) {
    return column != null && !secretColumns.isEmpty()
        && secretColumns.contains(column.toLowerCase(Locale.ROOT));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JdbcCaptureOptions other
        && maxRowsPerResultSet == other.maxRowsPerResultSet
        && maxBytesPerResultSet == other.maxBytesPerResultSet
        && maxLobPrefixBytes == other.maxLobPrefixBytes
        && captureRows == other.captureRows
        && triggerOnSqlError == other.triggerOnSqlError
        && secretColumns.equals(other.secretColumns)
        && secretParameters.equals(other.secretParameters);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(maxRowsPerResultSet, maxBytesPerResultSet, maxLobPrefixBytes,
        captureRows, triggerOnSqlError, secretColumns, secretParameters);
  }

  @Override
  public String toString() {
    return "JdbcCaptureOptions[maxRowsPerResultSet=" + maxRowsPerResultSet
        + ", maxBytesPerResultSet=" + maxBytesPerResultSet
        + ", maxLobPrefixBytes=" + maxLobPrefixBytes
        + ", captureRows=" + captureRows
        + ", triggerOnSqlError=" + triggerOnSqlError
        + ", secretColumns=" + secretColumns
        + ", secretParameters=" + secretParameters + "]";
  }

  /** Builds {@link JdbcCaptureOptions}. Not thread-safe. */
  public static final class Builder {
    private int maxRowsPerResultSet = 100;
    private long maxBytesPerResultSet = 64 * 1024;
    private int maxLobPrefixBytes = 4 * 1024;
    private boolean captureRows = true;
    private boolean triggerOnSqlError = true;
    private Set<String> secretColumns = new TreeSet<>();
    private java.util.List<SecretParameter> secretParameters = new java.util.ArrayList<>();

    private Builder() {}

    /**
     * Adds a rule: the parameter at {@code index} of statements whose SQL matches
     * {@code sqlRegex} is never kept, e.g. {@code secretParameter("call set_password", 2)}.
     */
    public Builder secretParameter(String sqlRegex, int index) {
      if (sqlRegex == null || sqlRegex.isBlank()) {
        throw new InvalidConfigurationException("secretParameter: sql pattern must not be blank");
      }
      java.util.regex.Pattern p;
      try {
        p = java.util.regex.Pattern.compile(sqlRegex, java.util.regex.Pattern.CASE_INSENSITIVE);
      } catch (java.util.regex.PatternSyntaxException e) {
        throw new InvalidConfigurationException(
            "secretParameter: '" + sqlRegex + "' is not a regular expression: " + e.getDescription());
      }
      secretParameters.add(new SecretParameter(p, index));
      return this;
    }

    /** Rows kept per result set, 0 or more. */
    public Builder maxRowsPerResultSet(int rows) {
      if (rows < 0) {
        throw new InvalidConfigurationException(
            "maxRowsPerResultSet must be 0 or more, was " + rows);
      }
      this.maxRowsPerResultSet = rows;
      return this;
    }

    /** Estimated bytes of row values kept per result set, 0 or more. */
    public Builder maxBytesPerResultSet(long bytes) {
      if (bytes < 0) {
        throw new InvalidConfigurationException(
            "maxBytesPerResultSet must be 0 or more, was " + bytes);
      }
      this.maxBytesPerResultSet = bytes;
      return this;
    }

    /** First bytes kept of each LOB or stream, 0 or more (at most 16 MiB). */
    public Builder maxLobPrefixBytes(int bytes) {
      if (bytes < 0 || bytes > 16 * 1024 * 1024) {
        throw new InvalidConfigurationException(
            "maxLobPrefixBytes must be between 0 and 16 MiB, was " + bytes);
      }
      this.maxLobPrefixBytes = bytes;
      return this;
    }

    /** Whether row values are kept. */
    public Builder captureRows(boolean captureRows) {
      this.captureRows = captureRows;
      return this;
    }

    /** Whether an {@code SQLException} triggers a bundle. */
    public Builder triggerOnSqlError(boolean trigger) {
      this.triggerOnSqlError = trigger;
      return this;
    }

    /** Extra secret column names (case-insensitive), replacing the previous set. */
    public Builder secretColumns(Set<String> names) {
      if (names == null) {
        throw new InvalidConfigurationException("secretColumns must not be null");
      }
      Set<String> copy = new TreeSet<>();
      for (String n : names) {
        if (n == null || n.isBlank()) {
          throw new InvalidConfigurationException(
              "secretColumns must not contain a null or blank name, was " + names);
        }
        copy.add(n.trim().toLowerCase(Locale.ROOT));
      }
      this.secretColumns = copy;
      return this;
    }

    /** The options. */
    public JdbcCaptureOptions build() {
      return new JdbcCaptureOptions(this);
    }
  }
}

package dev.reprokit.event;

/**
 * Metadata of one result set column, as {@link java.sql.ResultSetMetaData} reported it.
 *
 * @param name column name
 * @param label column label (alias)
 * @param jdbcType the {@link java.sql.Types} code
 * @param typeName database-specific type name
 * @param precision precision
 * @param scale scale
 * @param nullable {@link java.sql.ResultSetMetaData#columnNullable} and friends
 * @param className the Java class {@code getObject} returns
 */
public record ColumnInfo(
    String name,
    String label,
    int jdbcType,
    String typeName,
    int precision,
    int scale,
    int nullable,
    String className) {}

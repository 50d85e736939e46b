/** Capture of JDBC into a ReproKit recorder: {@link dev.reprokit.jdbc.ReproJdbc} and the {@code jdbc:repro:} driver. */
package dev.reprokit.jdbc;

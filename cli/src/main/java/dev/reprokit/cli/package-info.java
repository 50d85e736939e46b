/** The {@code repro} command-line tool for support engineers: inspect, report, diff, replay. */
package dev.reprokit.cli;

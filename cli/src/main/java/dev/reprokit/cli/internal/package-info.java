/** Implementation of the {@code repro} commands: bundle views, reports, diffs, replay glue. */
package dev.reprokit.cli.internal;

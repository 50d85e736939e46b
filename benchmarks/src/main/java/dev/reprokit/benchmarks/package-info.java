/**
 * JMH benchmarks of ReproKit's capture overhead, measured side by side with the raw calls
 * and with peer libraries in the same run; see {@code docs/performance.md}.
 */
package dev.reprokit.benchmarks;

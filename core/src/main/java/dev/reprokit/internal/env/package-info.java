/** Machinery of the environment snapshot: probes, class path scan, detection, change tracking. */
package dev.reprokit.internal.env;

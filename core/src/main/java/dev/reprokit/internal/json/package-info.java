/**
 * The one configured Jackson {@code ObjectMapper} every ReproKit module uses to write and read
 * bundle JSON. Internal: not part of the public API, but public so that the capture modules
 * and the CLI reuse the exact same configuration.
 */
package dev.reprokit.internal.json;

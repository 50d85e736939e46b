/** Implementation of HTTP capture, replay and export; not an API. */
package dev.reprokit.http.internal;

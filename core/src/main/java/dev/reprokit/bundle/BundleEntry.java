package dev.reprokit.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of a bundle as the {@link Manifest} lists it.
 *
 * @param name the entry's name in the zip, e.g. {@code events.jsonl} or
 *     {@code payloads/42-responseBody.json}
 * @param size its size in bytes, uncompressed
 * @param sha256 the SHA-256 of its uncompressed bytes, 64 lowercase hex digits
 * @param mediaType what it holds, e.g. {@code application/json}, or {@code null} if unknown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BundleEntry(String name, long size, String sha256, String mediaType) {
  public BundleEntry {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("entry name must not be empty");
    }
    if (size < 0) {
      throw new IllegalArgumentException("entry size must be >= 0, was " + size);
    }
  }
}

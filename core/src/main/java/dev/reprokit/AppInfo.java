package dev.reprokit;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The application a bundle came from. Any field may be {@code null} when unknown.
 *
 * @param name application name
 * @param version application version
 * @param build build number or timestamp
 * @param commit source control commit id
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppInfo(String name, String version, String build, String commit) {
  /** Nothing known. */
  public static final AppInfo UNKNOWN = new AppInfo(null, null, null, null);

  /** A copy where each field this one leaves {@code null} is taken from {@code other}. */
  public AppInfo orElse(AppInfo other) {
    return new AppInfo(
        name != null ? name : other.name,
        version != null ? version : other.version,
        build != null ? build : other.build,
        commit != null ? commit : other.commit);
  }
}

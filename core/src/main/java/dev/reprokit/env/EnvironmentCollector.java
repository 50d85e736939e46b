package dev.reprokit.env;

import dev.reprokit.RecorderConfig;
import java.util.List;

/** Collects the {@link Environment}. PLACEHOLDER until the environment work lands. */
public final class EnvironmentCollector {
  private final RecorderConfig config;

  public EnvironmentCollector(RecorderConfig config) {
    this.config = config;
  }

  /** Collects the environment now, with the databases seen so far. */
  public Environment collect(List<DatabaseInfo> databases) {
    return new Environment(databases, config.configuration());
  }
}

package dev.reprokit.env;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The environment a bundle was captured in. PLACEHOLDER: fields are completed by the
 * environment work (see EnvironmentCollector).
 *
 * @param databases databases seen by capture modules
 * @param configuration application-supplied configuration (redacted in a bundle)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Environment(List<DatabaseInfo> databases, Map<String, String> configuration) {
  public Environment {
    databases = databases == null ? List.of() : List.copyOf(databases);
    configuration = configuration == null ? Map.of() : Map.copyOf(configuration);
  }
}

package dev.reprokit.env;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.reprokit.redact.Redactor;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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

  /** This environment with every secret replaced; called by the bundle writer. */
  public Environment redacted(Redactor redactor) {
    return new Environment(
        databases.stream()
            .map(d -> new DatabaseInfo(d.product(), d.productVersion(), d.driver(),
                d.driverVersion(), redactor.redactJdbcUrl(d.url())))
            .toList(),
        configuration.entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey,
                e -> redactor.redactNamedValue(e.getKey(), e.getValue()))));
  }
}

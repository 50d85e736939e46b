package dev.reprokit.env;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A database a capture module connected to, as its driver reported it.
 *
 * @param product database product name, e.g. {@code PostgreSQL}
 * @param productVersion database product version
 * @param driver driver name
 * @param driverVersion driver version
 * @param url the JDBC URL (redacted when a bundle is written)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatabaseInfo(
    String product, String productVersion, String driver, String driverVersion, String url) {}

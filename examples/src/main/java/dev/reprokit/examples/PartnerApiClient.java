package dev.reprokit.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * Pulls every customer from the partner's REST API, page by page
 * ({@code GET /v1/customers?page=N&size=M} with an {@code X-Api-Key} header).
 *
 * <p>Thread-safe if the given client is.
 */
public final class PartnerApiClient {
  /** Customers asked for per page. */
  public static final int PAGE_SIZE = 5;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CloseableHttpClient http;
  private final URI baseUri;
  private final String apiKey;

  public PartnerApiClient(CloseableHttpClient http, URI baseUri, String apiKey) {
    this.http = Objects.requireNonNull(http, "http");
    this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
  }

  /** Every customer, in the partner's order. */
  public List<Customer> fetchAll() throws IOException {
    List<Customer> customers = new ArrayList<>();
    int pages = 1;
    for (int page = 1; page <= pages; page++) {
      JsonNode body = fetchPage(page);
      pages = body.path("pages").asInt(1);
      for (JsonNode c : body.path("customers")) {
        customers.add(new Customer(
            c.path("name").asText(), c.path("email").asText(), c.path("tier").asText()));
      }
    }
    return customers;
  }

  private JsonNode fetchPage(int page) throws IOException {
    HttpGet get = new HttpGet(baseUri.resolve("/v1/customers?page=" + page + "&size=" + PAGE_SIZE));
    get.setHeader("X-Api-Key", apiKey);
    get.setHeader("Accept", "application/json");
    return http.execute(get, response -> {
      byte[] bytes = response.getEntity() == null
          ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
      if (response.getCode() != 200) {
        throw new PartnerApiException("partner API answered " + response.getCode()
            + " for page " + page);
      }
      return JSON.readTree(bytes);
    });
  }
}

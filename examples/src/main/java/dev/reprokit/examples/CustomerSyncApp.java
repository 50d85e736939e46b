package dev.reprokit.examples;

import dev.reprokit.CaptureRequest;
import dev.reprokit.CaptureResult;
import dev.reprokit.Recorder;
import dev.reprokit.Scope;
import dev.reprokit.http.ReproHttp;
import dev.reprokit.jdbc.ReproJdbc;
import java.io.IOException;
import java.net.URI;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;

/**
 * The customer-sync application as a ReproKit user writes it: three lines of ReproKit — the
 * HTTP client and the {@code DataSource} are wrapped for capture, and a bundle is written
 * when the sync's reconciliation fails. Everything else is the plain application.
 */
public final class CustomerSyncApp implements AutoCloseable {

  /** One sync run and, when it went wrong, the bundle that was written. */
  public record Run(SyncResult result, CaptureResult bundle) {}

  private final Recorder recorder;
  private final CloseableHttpClient http;
  private final CustomerSync sync;

  public CustomerSyncApp(URI partnerApi, String apiKey, DataSource database, Recorder recorder) {
    this.recorder = recorder;
    // ReproKit, 1 of 3: capture the partner API calls.
    this.http = ReproHttp.capture(HttpClients.custom(), recorder).build();
    // ReproKit, 2 of 3: capture every JDBC call.
    DataSource captured = ReproJdbc.wrap(database, recorder);
    this.sync = new CustomerSync(new PartnerApiClient(http, partnerApi, apiKey), captured);
  }

  /** Runs one sync; when not every partner record was applied, writes a bundle. */
  public Run runOnce() throws IOException, SQLException {
    try (Scope scope = recorder.scope("customer-sync", Map.of("job", "nightly"))) {
      SyncResult result = sync.run();
      if (result.consistent()) {
        return new Run(result, null);
      }
      SyncMismatchException mismatch = new SyncMismatchException(result);
      // ReproKit, 3 of 3: write a bundle for this run.
      CaptureResult bundle = recorder.capture(new CaptureRequest("customer sync dropped partner records",
          mismatch, null, scope.id()));
      return new Run(result, bundle);
    }
  }

  @Override
  public void close() throws IOException {
    http.close();
  }
}

package dev.reprokit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.reprokit.Recorder;
import dev.reprokit.RecorderConfig;
import dev.reprokit.bundle.Bundle;
import dev.reprokit.bundle.BundleReader;
import dev.reprokit.event.Event;
import dev.reprokit.http.HttpReplay;
import dev.reprokit.jdbc.JdbcReplay;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The third part of the README's tour: an engineer turns a customer's bundle into a regression
 * test that replays it in-process — the partner API and the database both answer from the
 * bundle, with no network and no database server.
 */
class BundleAsRegressionTest {
  private static final String API_KEY = "pk_live_regression_5678";
  private static final URI NOWHERE = URI.create("http://partner.invalid:9/");

  @TempDir Path bundles;
  private final Locale originalLocale = Locale.getDefault();
  private Path bundle;
  private SyncResult recorded;

  /** What the customer did: a sync under a Turkish default locale, captured by ReproKit. */
  @BeforeEach
  void recordTheCustomersRun() throws Exception {
    Locale.setDefault(Locale.forLanguageTag("tr-TR"));
    JdbcDataSource db = new JdbcDataSource();
    db.setURL("jdbc:h2:mem:customer-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    db.setUser("sync");
    db.setPassword("customer-db-password");
    try (Connection c = db.getConnection()) {
      CustomerData.seed(c);
    }
    try (PartnerApiServer partner = PartnerApiServer.start(CustomerData.partner(), API_KEY);
        Recorder recorder = Recorder.create(RecorderConfig.builder()
            .application("customer-sync", "2.4.1").bundleDirectory(bundles).build());
        CustomerSyncApp app = new CustomerSyncApp(partner.baseUri(), API_KEY, db, recorder)) {
      CustomerSyncApp.Run run = app.runOnce();
      recorded = run.result();
      bundle = run.bundle().bundle().orElseThrow();
    }
  }

  @AfterEach
  void restoreLocale() {
    Locale.setDefault(originalLocale);
  }

  private SyncResult replay(List<Event> events) throws Exception {
    try (CloseableHttpClient partner = HttpReplay.stubClient(events)) {
      // the recorded API key is redacted; the stub matches any value in its place
      CustomerSync sync = new CustomerSync(
          new PartnerApiClient(partner, NOWHERE, "any-key"), JdbcReplay.dataSource(bundle));
      return sync.run();
    }
  }

  @Test
  void theBundleReplaysInProcessAndTheSameRecordsAreDropped() throws Exception {
    Bundle read = BundleReader.create().read(bundle);
    Locale.setDefault(Locale.forLanguageTag(
        read.environment().locale().defaultLocale())); // the customer's locale, from the bundle

    SyncResult replayed = replay(read.events());

    assertThat(recorded.consistent()).isFalse();
    assertThat(replayed).isEqualTo(recorded);
    assertThat(replayed.skipped()).extracting(Customer::email)
        .containsExactly("martin.garcia@example.es", "loic.benoit@example.fr",
            "agustin.ruiz@example.ar");
  }

  @Test
  void underAnotherLocaleTheCodeTakesAnotherPathAndTheReplaySaysWhere() throws Exception {
    List<Event> events = BundleReader.create().read(bundle).events();
    Locale.setDefault(Locale.US);

    Throwable diverged = catchThrowable(() -> replay(events));

    // the fixed-locale code path issues statements the customer's run never did: the replay
    // driver names the nearest recorded statements instead of answering with made-up rows
    assertThat(diverged).isInstanceOf(java.sql.SQLException.class)
        .hasMessageContaining("no recorded statement matches")
        .hasMessageContaining("martin.garcia@example.es") // the record the customer's run dropped
        .hasMessageContaining("Nearest recorded statements");
  }
}

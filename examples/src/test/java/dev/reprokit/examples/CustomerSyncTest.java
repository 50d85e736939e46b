package dev.reprokit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CustomerSyncTest {
  private static final String API_KEY = "pk_test_customer_sync_1234";

  private final Locale originalLocale = Locale.getDefault();
  private PartnerApiServer partner;
  private CloseableHttpClient http;
  private JdbcDataSource db;

  @BeforeEach
  void start() throws Exception {
    partner = PartnerApiServer.start(CustomerData.partner(), API_KEY);
    http = HttpClients.createDefault();
    db = new JdbcDataSource();
    db.setURL("jdbc:h2:mem:sync-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    db.setUser("sync");
    db.setPassword("db-password");
    try (Connection c = db.getConnection()) {
      CustomerData.seed(c);
    }
  }

  @AfterEach
  void stop() throws Exception {
    Locale.setDefault(originalLocale);
    http.close();
    partner.close();
  }

  private SyncResult sync() throws Exception {
    return new CustomerSync(new PartnerApiClient(http, partner.baseUri(), API_KEY), db).run();
  }

  private Map<String, String> tiersByEmail() throws Exception {
    try (Connection c = db.getConnection()) {
      return new CustomerRepository().findAll(c).stream()
          .map(CustomerRepository.Row::customer)
          .collect(Collectors.toMap(Customer::email, Customer::tier));
    }
  }

  @Test
  void partnerSendsDecomposedNamesWhileTheTableHoldsComposedOnes() {
    Customer fromPartner = CustomerData.partner().get(1);
    Customer stored = CustomerData.stored().get(1);
    assertThat(fromPartner.name()).isNotEqualTo(stored.name());
    assertThat(Normalizer.normalize(fromPartner.name(), Normalizer.Form.NFC))
        .isEqualTo(stored.name());
  }

  @Test
  void underAnEnglishLocaleEveryPartnerRecordIsApplied() throws Exception {
    Locale.setDefault(Locale.US);

    SyncResult result = sync();

    assertThat(result.consistent()).isTrue();
    assertThat(result.updated()).isEqualTo(10);
    assertThat(result.inserted()).isEqualTo(2);
    Map<String, String> expected = CustomerData.partner().stream()
        .collect(Collectors.toMap(Customer::email, Customer::tier));
    assertThat(tiersByEmail()).isEqualTo(expected);
  }

  @Test
  void underATurkishLocaleAccentedINamesAreSilentlySkipped() throws Exception {
    Locale.setDefault(Locale.forLanguageTag("tr-TR"));

    SyncResult result = sync();

    assertThat(result.consistent()).isFalse();
    assertThat(result.received()).isEqualTo(12);
    assertThat(result.skipped()).extracting(Customer::email).containsExactly(
        "martin.garcia@example.es", "loic.benoit@example.fr", "agustin.ruiz@example.ar");
    Map<String, String> tiers = tiersByEmail();
    assertThat(tiers).containsEntry("martin.garcia@example.es", "SILVER") // partner says GOLD
        .containsEntry("ana.souza@example.com", "GOLD")
        .hasSize(12);
  }

  @Test
  void matchKeyOfDecomposedAndComposedNamesDiffersOnlyUnderTurkishCasing() {
    Map<String, String> both = CustomerData.stored().stream()
        .collect(Collectors.toMap(Customer::name, Function.identity(), (a, b) -> a)).keySet()
        .stream().collect(Collectors.toMap(Function.identity(),
            n -> Normalizer.normalize(n, Normalizer.Form.NFD)));
    Locale.setDefault(Locale.GERMANY);
    both.forEach((nfc, nfd) ->
        assertThat(CustomerSync.matchKey(nfd)).isEqualTo(CustomerSync.matchKey(nfc)));
    Locale.setDefault(Locale.forLanguageTag("tr-TR"));
    assertThat(CustomerSync.matchKey(both.get("Martín García")))
        .isNotEqualTo(CustomerSync.matchKey("Martín García"));
    assertThat(CustomerSync.matchKey(both.get("José Núñez")))
        .isEqualTo(CustomerSync.matchKey("José Núñez"));
  }
}

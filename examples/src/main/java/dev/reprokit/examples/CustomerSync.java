package dev.reprokit.examples;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls the partner's customers and upserts them into the customer table. The partner has
 * no stable ids, so partner records are matched with stored customers by full name.
 *
 * <p><b>This class has a real bug</b>, the kind that only shows on some servers: see
 * {@link #matchKey(String)}. Thread-safe if its collaborators are.
 */
public final class CustomerSync {
  private static final Logger LOG = LoggerFactory.getLogger(CustomerSync.class);

  private final PartnerApiClient partner;
  private final DataSource database;
  private final CustomerRepository repository = new CustomerRepository();

  public CustomerSync(PartnerApiClient partner, DataSource database) {
    this.partner = Objects.requireNonNull(partner, "partner");
    this.database = Objects.requireNonNull(database, "database");
  }

  /** Runs one sync and reports what it did. */
  public SyncResult run() throws IOException, SQLException {
    List<Customer> incoming = partner.fetchAll();
    int updated = 0;
    int inserted = 0;
    List<Customer> skipped = new ArrayList<>();
    try (Connection c = database.getConnection()) {
      Map<String, Long> idsByKey = new HashMap<>();
      for (CustomerRepository.Row row : repository.findAll(c)) {
        idsByKey.put(matchKey(row.customer().name()), row.id());
      }
      for (Customer customer : incoming) {
        Long id = idsByKey.get(matchKey(customer.name()));
        if (id != null) {
          updated += repository.update(c, id, customer);
          continue;
        }
        try {
          inserted += repository.insert(c, customer);
        } catch (SQLIntegrityConstraintViolationException alreadyThere) {
          // "Someone else inserted it in the meantime; the next sync will pick it up."
          LOG.debug("customer {} already exists; skipped", customer.email());
          skipped.add(customer);
        }
      }
    }
    return new SyncResult(incoming.size(), updated, inserted, skipped);
  }

  /**
   * The key that matches a partner record with a stored customer.
   *
   * <p>The partner sends names decomposed (NFD: {@code "i"} followed by U+0301) while the
   * customer table holds them composed (NFC: {@code "í"}), so the key is normalised to NFC
   * — after upper-casing, which is the bug: {@link String#toUpperCase()} uses the JVM's
   * default locale. Under a Turkish or Azeri default locale the decomposed {@code "i"} of
   * {@code "Martín"} becomes a dotted capital {@code "İ"} that NFC cannot compose with the
   * accent, while the composed {@code "í"} becomes {@code "Í"}: the keys differ, the stored
   * customer is not found, the insert hits the unique e-mail and the update is silently
   * skipped. Everywhere else the keys are equal. The fix is
   * {@code Normalizer.normalize(name, NFC).strip().toUpperCase(Locale.ROOT)}.
   */
  static String matchKey(String name) {
    return Normalizer.normalize(name.strip().toUpperCase(), Normalizer.Form.NFC);
  }
}

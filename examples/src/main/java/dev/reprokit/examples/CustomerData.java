package dev.reprokit.examples;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.List;

/**
 * The demo's data: the customers already in the table (names composed, NFC, as typed into
 * the back office) and what the partner API sends today (names decomposed, NFD, with some
 * tiers changed and two new customers).
 */
public final class CustomerData {
  private CustomerData() {}

  /** What the customer table holds before the sync. */
  public static List<Customer> stored() {
    return nfc(List.of(
        new Customer("Ana Souza", "ana.souza@example.com", "SILVER"),
        new Customer("Martín García", "martin.garcia@example.es", "SILVER"),
        new Customer("Loïc Benoît", "loic.benoit@example.fr", "BRONZE"),
        new Customer("Zoë Schäfer", "zoe.schaefer@example.de", "GOLD"),
        new Customer("José Núñez", "jose.nunez@example.mx", "BRONZE"),
        new Customer("Chen Wei", "chen.wei@example.cn", "SILVER"),
        new Customer("Inés Ibáñez", "ines.ibanez@example.es", "BRONZE"),
        new Customer("Agustín Ruiz", "agustin.ruiz@example.ar", "SILVER"),
        new Customer("Emma Wilson", "emma.wilson@example.co.uk", "GOLD"),
        new Customer("Søren Dahl", "soren.dahl@example.dk", "BRONZE")));
  }

  /** What the partner API sends: every stored customer, tiers updated, and two new ones. */
  public static List<Customer> partner() {
    return nfd(List.of(
        new Customer("Ana Souza", "ana.souza@example.com", "GOLD"),
        new Customer("Martín García", "martin.garcia@example.es", "GOLD"),
        new Customer("Loïc Benoît", "loic.benoit@example.fr", "SILVER"),
        new Customer("Zoë Schäfer", "zoe.schaefer@example.de", "GOLD"),
        new Customer("José Núñez", "jose.nunez@example.mx", "SILVER"),
        new Customer("Chen Wei", "chen.wei@example.cn", "SILVER"),
        new Customer("Inés Ibáñez", "ines.ibanez@example.es", "SILVER"),
        new Customer("Agustín Ruiz", "agustin.ruiz@example.ar", "GOLD"),
        new Customer("Emma Wilson", "emma.wilson@example.co.uk", "GOLD"),
        new Customer("Søren Dahl", "soren.dahl@example.dk", "SILVER"),
        new Customer("Beatriz Díaz", "beatriz.diaz@example.pt", "BRONZE"),
        new Customer("Noah Becker", "noah.becker@example.de", "BRONZE")));
  }

  /** Creates the table and inserts {@link #stored()}. */
  public static void seed(Connection c) throws SQLException {
    CustomerRepository repository = new CustomerRepository();
    repository.createSchema(c);
    for (Customer customer : stored()) {
      repository.insert(c, customer);
    }
  }

  /**
   * Creates the table and inserts {@code rows} with their ids: a copy of another database,
   * the way a support team restores a production dump into staging.
   */
  public static void restore(Connection c, List<CustomerRepository.Row> rows)
      throws SQLException {
    CustomerRepository repository = new CustomerRepository();
    repository.createSchema(c);
    long max = 0;
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO customer (id, name, email, tier) VALUES (?, ?, ?, ?)")) {
      for (CustomerRepository.Row row : rows) {
        ps.setLong(1, row.id());
        ps.setString(2, row.customer().name());
        ps.setString(3, row.customer().email());
        ps.setString(4, row.customer().tier());
        ps.executeUpdate();
        max = Math.max(max, row.id());
      }
    }
    try (Statement s = c.createStatement()) {
      s.execute("ALTER TABLE customer ALTER COLUMN id RESTART WITH " + (max + 1));
    }
  }

  private static List<Customer> nfc(List<Customer> customers) {
    return customers.stream().map(c -> withName(c, Normalizer.Form.NFC)).toList();
  }

  private static List<Customer> nfd(List<Customer> customers) {
    return customers.stream().map(c -> withName(c, Normalizer.Form.NFD)).toList();
  }

  private static Customer withName(Customer c, Normalizer.Form form) {
    return new Customer(Normalizer.normalize(c.name(), form), c.email(), c.tier());
  }
}

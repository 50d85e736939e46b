package dev.reprokit.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reprokit.event.BindValue;
import dev.reprokit.event.Event;
import dev.reprokit.event.JdbcStatementEvent;
import dev.reprokit.event.Payload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Payloads#map}: events come back as they were unless a payload in them changed. */
class PayloadsTest {
  private static final Payload BODY =
      Payload.of("application/json", 2, "{}".getBytes(StandardCharsets.UTF_8));

  @Test
  void anEventWhosePayloadsTheMapperKeepsIsReturnedAsItWas() throws IOException {
    Event http = LeakGateFixtures.http(1, "https://h/x", List.of(), BODY, List.of(), BODY);
    Event statement = LeakGateFixtures.sql(2, "select ?", List.of(
        new BindValue(1, null, "setString", null, "plain"),
        new BindValue(2, null, "setBytes", null, BODY)));
    Event noPayload = LeakGateFixtures.sql(3, "select 1", List.of());
    for (Event e : List.of(http, statement, noPayload)) {
      assertThat(Payloads.map(e, (seq, field, p) -> p)).isSameAs(e);
    }
  }

  @Test
  void aChangedBindPayloadIsReplacedAndEverythingElseKept() throws IOException {
    BindValue plain = new BindValue(1, null, "setString", null, "plain");
    JdbcStatementEvent statement = LeakGateFixtures.sql(2, "select ?", List.of(plain,
        new BindValue(2, null, "setBytes", null, BODY)));
    Payload other = BODY.withData("[]".getBytes(StandardCharsets.UTF_8));

    Event mapped = Payloads.map(statement, (seq, field, p) -> {
      assertThat(field).isEqualTo("binds[1]");
      return other;
    });

    assertThat(mapped).isNotSameAs(statement).isInstanceOfSatisfying(JdbcStatementEvent.class,
        s -> {
          assertThat(s.binds().get(0)).isSameAs(plain);
          assertThat(s.binds().get(1).value()).isSameAs(other);
          assertThat(s.sql()).isEqualTo(statement.sql());
        });
    assertThat(statement.binds().get(1).value()).as("the original is untouched").isSameAs(BODY);
  }
}

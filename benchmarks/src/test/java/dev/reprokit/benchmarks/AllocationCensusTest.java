package dev.reprokit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link AllocationCensus} counts what a point select really allocates: one statement event
 * and one result-set event per select with ReproKit, no ReproKit object at all with the raw
 * driver (a count, not a timing).
 */
class AllocationCensusTest {

  @Test
  void countsOneStatementAndOneResultSetEventPerSelect() throws Exception {
    AllocationCensus.Census raw = AllocationCensus.run(JdbcVariant.RAW, 20_000, 20_000);
    AllocationCensus.Census reprokit =
        AllocationCensus.run(JdbcVariant.REPROKIT, 20_000, 20_000);

    assertThat(raw.byClass()).allSatisfy((name, count) ->
        assertThat(name.startsWith("dev.reprokit.") && count.objects() >= 0.01).as(name).isFalse());
    assertThat(raw.totalBytes()).isGreaterThan(500); // H2's own work is in the count
    assertThat(reprokit.byClass().get("dev.reprokit.event.JdbcStatementEvent").objects())
        .isBetween(0.99, 1.01);
    assertThat(reprokit.byClass().get("dev.reprokit.event.JdbcResultSetEvent").objects())
        .isBetween(0.99, 1.01);
    assertThat(AllocationCensus.report(raw, reprokit))
        .startsWith("raw: ")
        .contains("dev.reprokit.event.JdbcStatementEvent", "difference +");
  }
}

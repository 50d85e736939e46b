package dev.reprokit.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportModelTest {
  private final ReportModel model = ReportModel.of(Fixtures.syncBundle("tr-TR"));

  @Test
  void answersTheFiveEscalationQuestionsInOrder() {
    assertThat(model.answers).extracting(ReportModel.Answer::question).containsExactly(
        "Which integration", "Which environment", "Which version", "After which change",
        "Which error");
  }

  @Test
  void failingDatabaseIsTheIntegrationNamedFirst() {
    assertThat(model.answers.get(0).summary())
        .startsWith("database H2 at jdbc:h2:mem:prod (1 of 2 statements failed); HTTP http://127.0.0.1:8123 (1 exchanges, none failed)");
    assertThat(model.answers.get(0).details())
        .anyMatch(l -> l.startsWith("HTTP http://127.0.0.1:8123: 1 exchange(s)"));
  }

  @Test
  void environmentAnswerNamesLocaleAndJava() {
    assertThat(model.answers.get(1).summary()).contains("Locale tr-TR").contains("Java 17.0.15");
  }

  @Test
  void versionAnswerNamesApplicationReproKitAndDatabase() {
    assertThat(model.answers.get(2).summary()).isEqualTo("customer-sync 2.4.1, ReproKit 0.1.0, H2 2.5.252");
    assertThat(model.answers.get(2).details()).contains("h2 2.5.252", "Database H2 2.5.252",
        "JDBC driver H2 JDBC Driver 2.5.252");
  }

  @Test
  void changeAnswerListsWhatChangedSinceThePreviousRun() {
    assertThat(model.answers.get(3).summary()).contains("locale defaultLocale: en-US → tr-TR");
  }

  @Test
  void errorAnswerNamesFailureAndFailingStatement() {
    assertThat(model.answers.get(4).summary())
        .contains("customer sync applied 9 of 12 partner records")
        .contains("INSERT INTO customer").contains("SQLState 23505");
  }

  @Test
  void curlStepTurnsRedactedHeadersIntoShellVariables() {
    assertThat(model.curl).singleElement().asString()
        .contains("-H \"X-Api-Key: ${X_API_KEY}\"")
        .contains("\"http://127.0.0.1:8123/v1/customers?page=1&size=5\"")
        .doesNotContain("redacted");
  }

  @Test
  void sqlStepInlinesBindsAndQuotesAndKeepsRedactedValuesAsPlaceholders() {
    assertThat(model.sql.get(1))
        .contains("VALUES ('Martín García', 'martin.garcia@example.es', :redacted_1);")
        .contains("FAILED in the bundle")
        .doesNotContain("‹redacted");
  }

  @Test
  void replayCommandsAskForTheRedactedHeaderFromStaging() {
    assertThat(model.replay).anyMatch(c -> c.startsWith("repro replay http sync.repro.zip"
        + " --target ") && c.contains("--header X-Api-Key=\"$STAGING_X_API_KEY\""));
    assertThat(model.replay).anyMatch(c -> c.startsWith("repro replay jdbc sync.repro.zip"));
  }

  @Test
  void timelineMarksTheFailingStatement() {
    assertThat(model.timeline).filteredOn(ReportModel.Entry::failed)
        .extracting(ReportModel.Entry::kind).containsExactly("sql", "failure");
    assertThat(model.timeline.get(1).outcome()).isEqualTo("2 row(s)");
  }
}

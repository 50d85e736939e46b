package dev.reprokit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlParametersTest {

  @Test
  void insertColumnListsMapToTheirParameters() {
    assertThat(SqlParameters.columns("INSERT INTO users (name, \"password\", age) VALUES (?, ?, 42)"))
        .containsExactly(null, "name", "password");
  }

  @Test
  void comparisonsAndSetClausesNameTheirColumn() {
    assertThat(SqlParameters.columns(
        "update users set pwd = ?, note = 'a = ?' where u.login = ? and age > ? and x in (?)"))
        .containsExactly(null, "pwd", "login", "age", null);
  }

  @Test
  void parametersAfterAnInsertValuesListAreFound() {
    assertThat(SqlParameters.columns(
        "insert into t (a, token) values (?, ?) on conflict (a) do update set token = ?"))
        .containsExactly(null, "a", "token", "token");
  }
}

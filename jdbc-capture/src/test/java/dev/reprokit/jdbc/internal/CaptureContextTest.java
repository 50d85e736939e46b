package dev.reprokit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaptureContextTest {

  @Test
  void schemaChangesAreRecognisedBehindBlanksParenthesesAndComments() {
    assertThat(CaptureContext.mayChangeSchema("ALTER TABLE t ADD c INT")).isTrue();
    assertThat(CaptureContext.mayChangeSchema("  create table t (id int)")).isTrue();
    assertThat(CaptureContext.mayChangeSchema("drop view v")).isTrue();
    assertThat(CaptureContext.mayChangeSchema("Rename table a to b")).isTrue();
    assertThat(CaptureContext.mayChangeSchema("/* V2__add_column */ alter table t add c int"))
        .isTrue();
    assertThat(CaptureContext.mayChangeSchema("-- migration 7\n  ALTER TABLE t DROP c"))
        .isTrue();
  }

  @Test
  void otherStatementsAndLookalikesAreNot() {
    assertThat(CaptureContext.mayChangeSchema("select * from t")).isFalse();
    assertThat(CaptureContext.mayChangeSchema("insert into alter_log values (1)")).isFalse();
    assertThat(CaptureContext.mayChangeSchema("ALTERED")).isFalse();
    assertThat(CaptureContext.mayChangeSchema("creates")).isFalse();
    assertThat(CaptureContext.mayChangeSchema("/* alter */ select 1")).isFalse();
    assertThat(CaptureContext.mayChangeSchema("-- drop\nselect 1")).isFalse();
    assertThat(CaptureContext.mayChangeSchema("/* unterminated")).isFalse();
    assertThat(CaptureContext.mayChangeSchema("")).isFalse();
  }
}

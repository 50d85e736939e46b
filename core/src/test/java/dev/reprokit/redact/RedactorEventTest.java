package dev.reprokit.redact;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reprokit.env.DatabaseInfo;
import dev.reprokit.env.Environment;
import dev.reprokit.event.BindValue;
import dev.reprokit.event.ColumnInfo;
import dev.reprokit.event.ErrorInfo;
import dev.reprokit.event.Event;
import dev.reprokit.event.FailureEvent;
import dev.reprokit.event.Header;
import dev.reprokit.event.HttpAttempt;
import dev.reprokit.event.HttpExchangeEvent;
import dev.reprokit.event.JdbcConnectionEvent;
import dev.reprokit.event.JdbcResultSetEvent;
import dev.reprokit.event.JdbcStatementEvent;
import dev.reprokit.event.JdbcTransactionEvent;
import dev.reprokit.event.LogEvent;
import dev.reprokit.event.MarkEvent;
import dev.reprokit.event.Payload;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Redactor#redact(Event)} for every event type, checked on the JSON a bundle would hold. */
class RedactorEventTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Redactor redactor = Redactor.forBundle(RedactionConfig.DEFAULT);

  private static String json(Object o) throws Exception {
    return JSON.writeValueAsString(o);
  }

  private static ErrorInfo error(String message) {
    SQLException next = new SQLException("next: password=NextPw1");
    SQLException e = new SQLException(message, "28000", 1045,
        new IllegalStateException("cause with Bearer CauseTok1"));
    e.setNextException(next);
    e.addSuppressed(new RuntimeException("suppressed jdbc:h2:mem:x;PASSWORD=SuppPw1"));
    return ErrorInfo.of(e);
  }

  @Test
  void authorizationHeaderNeverReachesBundle() throws Exception {
    HttpExchangeEvent e = http(List.of(new Header("Authorization", "Bearer AuthTok1")), null, null);
    String out = json(redactor.redact(e));
    assertThat(out).doesNotContain("AuthTok1").contains("Bearer ‹redacted:");
  }

  @Test
  void httpExchangeLosesEverySecret() throws Exception {
    byte[] request = "{\"username\":\"bob\",\"password\":\"ReqPw1\"}".getBytes(UTF_8);
    byte[] response = "{\"access_token\":\"RespTok1\",\"expires_in\":3600}".getBytes(UTF_8);
    HttpExchangeEvent e = new HttpExchangeEvent(1, 0, 0, 0, "main", null, "classic", "POST",
        "https://bob:UriPw1@api.example.com/login?api_key=UriKey1&x=1", "HTTP/1.1",
        List.of(new Header("Content-Type", "application/json"), new Header("Cookie", "SID=Cookie1"),
            new Header("X-Api-Key", "ApiKey1"), new Header("Accept", "*/*")),
        Payload.of(null, request.length, request), 200, "OK with token=ReasonTok1",
        List.of(new Header("Set-Cookie", "SID=Cookie2; Path=/"),
            new Header("Content-Type", "application/json")),
        Payload.of("application/json", response.length, response), null, 10,
        List.of(new HttpAttempt(1, "initial", "POST", "https://h/login?token=AttTok1", 0, 1, 302,
            null), new HttpAttempt(2, "redirect", "GET", "https://h/next?sig=AttSig1", 1, 1, 200,
            error("attempt failed for https://u:AttPw1@h/"))),
        error("login failed: password=ErrPw1"));
    Event red = redactor.redact(e);
    String out = json(red);
    assertThat(out).doesNotContain("ReqPw1", "RespTok1", "UriPw1", "UriKey1", "Cookie1", "ApiKey1",
        "ReasonTok1", "Cookie2", "AttTok1", "AttSig1", "AttPw1", "ErrPw1", "NextPw1", "CauseTok1",
        "SuppPw1");
    HttpExchangeEvent h = (HttpExchangeEvent) red;
    assertThat(h.requestBody().originalSize()).isEqualTo(request.length);
    assertThat(new String(h.requestBody().data(), UTF_8)).contains("\"username\":\"bob\"");
    assertThat(new String(h.responseBody().data(), UTF_8)).contains("\"expires_in\":3600");
    assertThat(h.requestHeaders()).extracting(Header::name)
        .containsExactly("Content-Type", "Cookie", "X-Api-Key", "Accept");
    assertThat(h.error().sqlState()).isEqualTo("28000");
    assertThat(h.error().stack()).isEqualTo(e.error().stack());
  }

  private static HttpExchangeEvent http(List<Header> headers, Payload req, Payload resp) {
    return new HttpExchangeEvent(1, 0, 0, 0, "main", null, "classic", "GET", "https://h/",
        "HTTP/1.1", headers, req, 200, "OK", List.of(), resp, null, -1, List.of(), null);
  }

  @Test
  void statementBindValuesForSecretColumnsAreReplaced() throws Exception {
    JdbcStatementEvent e = statement(
        "INSERT INTO users (name, password_hash, api_key, note) VALUES (?, ?, ?, ?)",
        List.of(bind(1, "bob"), bind(2, "BindPw1"), bind(3, "BindKey1"),
            bind(4, "Bearer NoteTok1")), List.of());
    JdbcStatementEvent red = (JdbcStatementEvent) redactor.redact(e);
    assertThat(json(red)).doesNotContain("BindPw1", "BindKey1", "NoteTok1");
    assertThat(red.binds().get(0).value()).isEqualTo("bob");
    assertThat(red.sql()).isEqualTo(e.sql());
    assertThat(redactor.summary().replaced("jdbc.column")).isEqualTo(2);
  }

  @Test
  void updateAndWhereBindsAreMappedToTheirColumns() throws Exception {
    JdbcStatementEvent e = statement(
        "UPDATE users SET email = ?, password = crypt(?, gen_salt('bf')) "
            + "WHERE id = ? AND lower(session_token) = ? AND name IN (?, ?)",
        List.of(bind(1, "a@b.c"), bind(2, "UpdPw1"), bind(3, 42), bind(4, "SessTok1"),
            bind(5, "ann"), bind(6, "ben")), List.of());
    JdbcStatementEvent red = (JdbcStatementEvent) redactor.redact(e);
    assertThat(red.binds()).extracting(BindValue::value)
        .startsWith("a@b.c").contains(42, "ann", "ben");
    assertThat(json(red)).doesNotContain("UpdPw1", "SessTok1");
  }

  @Test
  void batchEntriesNamedBindsAndOutParametersAreRedacted() throws Exception {
    JdbcStatementEvent e = new JdbcStatementEvent(1, 0, 0, 0, "main", null, "c1", "s1",
        "prepared", "executeBatch", "insert into creds(user_name, secret) values (?, ?)",
        List.of(), List.of(List.of(bind(1, "u1"), bind(2, "BatchSec1")),
            List.of(bind(1, "u2"), bind(2, "BatchSec2"))), -1, List.of(1L, 1L),
        List.of(new BindValue(0, "newPassword", "getString", Types.VARCHAR, "OutPw1")), null,
        List.of(error("warning token=WarnTok1")), null);
    String out = json(redactor.redact(e));
    assertThat(out).doesNotContain("BatchSec1", "BatchSec2", "OutPw1", "WarnTok1").contains("u1", "u2");
  }

  @Test
  void plainStatementBatchSqlAndLiteralsAreRedacted() throws Exception {
    JdbcStatementEvent e = new JdbcStatementEvent(1, 0, 0, 0, "main", null, "c1", "s1",
        "statement", "executeBatch", null, List.of(),
        List.of(List.of(new BindValue(1, null, "addBatch", null,
            "INSERT INTO t (id, password) VALUES (1, 'LitPw1')"))), -1, List.of(1L), List.of(),
        null, List.of(), null);
    assertThat(json(redactor.redact(e))).doesNotContain("LitPw1");
  }

  @Test
  void sqlLiteralsOfSecretColumnsAndPasswordClausesAreReplaced() {
    String sql = "UPDATE users SET password = 'LitPw2', name = 'bob' WHERE token = 'LitTok2' -- x";
    String red = redactor.redactSql(sql);
    assertThat(red).doesNotContain("LitPw2", "LitTok2").contains("name = 'bob'", "-- x");
    assertThat(redactor.redactSql("ALTER USER app WITH PASSWORD 'AltPw3'")).doesNotContain("AltPw3");
    assertThat(redactor.redactSql("CREATE USER 'a'@'%' IDENTIFIED BY 'IdPw4'")).doesNotContain("IdPw4");
    assertThat(redactor.redactSql("INSERT INTO t (a, secret) VALUES ('x', 'V1'), ('y', 'V2')"))
        .doesNotContain("'V1'", "'V2'").contains("('x', '‹redacted:", "('y', '‹redacted:");
    String select = "SELECT * FROM t WHERE a.session_id = s.id AND key = ?";
    assertThat(redactor.redactSql(select)).isEqualTo(select);
  }

  @Test
  void sqlCommentsGetEveryTextRule() {
    String red = redactor.redactSql("SELECT 1 -- api_key = 'CmtKey1'\n/* token: CmtTok2 */ FROM dual");
    assertThat(red).doesNotContain("CmtKey1", "CmtTok2").startsWith("SELECT 1 -- api_key = '‹redacted:")
        .endsWith(" */ FROM dual");
  }

  @Test
  void resultRowsAndGeneratedKeysOfSecretColumnsAreReplaced() throws Exception {
    List<ColumnInfo> columns = List.of(column("id"), column("email"), column("PASSWORD_HASH"),
        column("api_token"));
    JdbcResultSetEvent rs = new JdbcResultSetEvent(2, 0, 0, 0, "main", null, "c1", "s1", 1,
        columns, List.of(Arrays.asList(1, "a@b.c", "RowPw1", null),
            Arrays.asList(2, "postgres://x:RowUriPw@h/db", "RowPw2".getBytes(UTF_8), "RowTok2")),
        2, true, false);
    JdbcResultSetEvent red = (JdbcResultSetEvent) redactor.redact(rs);
    assertThat(json(red)).doesNotContain("RowPw1", "RowUriPw", "RowTok2", "Um93UHcy");
    assertThat(red.rows().get(0)).containsExactly(1, "a@b.c", redactor.pseudonym("RowPw1"), null);
    JdbcResultSetEvent keys = new JdbcResultSetEvent(3, 0, 0, 0, "main", null, "c1", "s1", 1,
        columns, List.of(Arrays.asList(7, "x", "KeyPw3", null)), 1, true, false,
        JdbcResultSetEvent.GENERATED_KEYS);
    JdbcResultSetEvent redKeys = (JdbcResultSetEvent) redactor.redact(keys);
    assertThat(redKeys.source()).isEqualTo(JdbcResultSetEvent.GENERATED_KEYS);
    assertThat(json(redKeys)).doesNotContain("KeyPw3");
    JdbcStatementEvent withKeys = new JdbcStatementEvent(1, 0, 0, 0, "main", null, "c1", "s1",
        "prepared", "executeUpdate", "insert into t(x) values (1)", List.of(), List.of(), 1,
        List.of(), List.of(), rs, List.of(), null);
    assertThat(json(redactor.redact(withKeys))).doesNotContain("RowPw1", "RowTok2");
  }

  private static ColumnInfo column(String name) {
    return new ColumnInfo(name, name, Types.VARCHAR, "VARCHAR", 255, 0, 1, "java.lang.String");
  }

  @Test
  void connectionTransactionLogMarkAndFailureEventsAreRedacted() throws Exception {
    List<Event> events = List.of(
        new JdbcConnectionEvent(1, 0, 0, 0, "main", null, "c1", "open",
            "jdbc:postgresql://db/app?password=ConnPw1", "app", error("auth failed password=ConnPw2")),
        new JdbcTransactionEvent(2, 0, 0, 0, "main", null, "c1", "rollback", "sp token=SpTok1",
            null, error("rollback: Bearer TxTok1")),
        new LogEvent(3, 0, 0, 0, "main", null, "WARN", "app.Login",
            "login with password=LogPw1 failed", error("token=LogTok1")),
        new MarkEvent(4, 0, 0, 0, "main", "s1", "checkout api_key=MarkKey1",
            Map.of("customer", "42", "authToken", "MarkTok1")),
        new FailureEvent(5, 0, 0, 0, "main", "s1", "failed with secret=FailSec1",
            error("secret=FailSec2")));
    for (Event e : events) {
      Event red = redactor.redact(e);
      assertThat(red).isInstanceOf(e.getClass());
      assertThat(red.seq()).isEqualTo(e.seq());
      assertThat(json(red)).as(e.getClass().getSimpleName())
          .doesNotContain("ConnPw1", "ConnPw2", "SpTok1", "TxTok1", "LogPw1", "LogTok1",
              "MarkKey1", "MarkTok1", "FailSec1", "FailSec2", "NextPw1", "CauseTok1", "SuppPw1");
    }
    MarkEvent mark = (MarkEvent) redactor.redact(events.get(3));
    assertThat(mark.attributes()).containsEntry("customer", "42");
  }

  @Test
  void environmentConfigurationAndDatabaseUrlsAreRedacted() throws Exception {
    Environment env = new Environment(
        List.of(new DatabaseInfo("H2", "2.5", "H2 JDBC", "2.5", "jdbc:h2:mem:t;PASSWORD=EnvPw1")),
        Map.of("db.password", "EnvPw2", "pool.size", "10"));
    String out = json(env.redacted(redactor));
    assertThat(out).doesNotContain("EnvPw1", "EnvPw2").contains("\"pool.size\":\"10\"");
  }

  @Test
  void aRuleThatFailsReplacesTheValueWholeAndIsCounted() throws Exception {
    // a real failure: this user pattern overflows the regex engine's stack on long input
    Redactor r = Redactor.forBundle(RedactionConfig.builder().secretPattern("(?:a|b)*x").build());
    String poison = "ab".repeat(200_000) + " password=FaultPw1";
    LogEvent log = new LogEvent(1, 0, 0, 0, "main", null, "INFO", "l", poison, null);
    LogEvent red = (LogEvent) r.redact(log);
    assertThat(red.message()).isEqualTo(r.pseudonym(poison)).doesNotContain("FaultPw1");
    assertThat(r.summary().replaced("redaction.fault")).isEqualTo(1);
    assertThat(r.faults()).isEqualTo(1);
    // other values still go through the rules normally
    assertThat(r.redactText("ok password=Other1")).doesNotContain("Other1").startsWith("ok password=");
  }

  private static JdbcStatementEvent statement(String sql, List<BindValue> binds,
      List<List<BindValue>> batch) {
    return new JdbcStatementEvent(1, 0, 0, 0, "main", null, "c1", "s1", "prepared",
        "executeUpdate", sql, binds, batch, 1, List.of(), List.of(), null, List.of(), null);
  }

  private static BindValue bind(int index, Object value) {
    return new BindValue(index, null, value instanceof String ? "setString" : "setObject",
        null, value);
  }
}

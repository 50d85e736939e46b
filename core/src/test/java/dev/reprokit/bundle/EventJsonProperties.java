package dev.reprokit.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reprokit.RecorderConfig;
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
import dev.reprokit.internal.json.ReproJson;
import dev.reprokit.testing.BundleSchemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated events of every type survive JSON and a whole bundle unchanged: every string
 * (any Unicode), number, byte array, payload and loose value.
 */
class EventJsonProperties {
  @TempDir Path dir;

  /** Builds events of every type from a seed and a generated string. */
  static final class Events {
    private final Random r;
    private final String text;

    Events(long seed, String text) {
      this.r = new Random(seed);
      this.text = text;
    }

    String s() {
      return switch (r.nextInt(4)) {
        case 0 -> text;
        case 1 -> "";
        case 2 -> text + r.nextInt();
        default -> Long.toString(r.nextLong(), 36);
      };
    }

    String maybe() {
      return r.nextInt(4) == 0 ? null : s();
    }

    byte[] bytes(int max) {
      byte[] b = new byte[r.nextInt(max + 1)];
      r.nextBytes(b);
      return b;
    }

    Payload payload() {
      byte[] data = bytes(r.nextBoolean() ? 64 : 3000);
      long original = r.nextInt(5) == 0 ? -1 : data.length + r.nextInt(2);
      return new Payload(maybe(), original, data, null, r.nextInt(6) == 0);
    }

    ErrorInfo error(int depth) {
      if (r.nextInt(3) == 0) {
        return null;
      }
      return new ErrorInfo("com.example." + (char) ('A' + r.nextInt(26)) + "Exception", maybe(),
          r.nextBoolean() ? null : "4000" + r.nextInt(10),
          r.nextBoolean() ? null : r.nextInt(), List.of(s(), "at x.y(Z.java:1)"),
          depth > 0 ? error(depth - 1) : null,
          depth > 0 && r.nextBoolean() ? List.of(new ErrorInfo("S", s(), null, null, null,
              null, null, null)) : List.of(), List.of());
    }

    ErrorInfo warning() {
      ErrorInfo e = error(0);
      return e != null ? e : new ErrorInfo("java.sql.SQLWarning", null, null, null, null, null,
          null, null);
    }

    Object loose() {
      return switch (r.nextInt(10)) {
        case 0 -> null;
        case 1 -> s();
        case 2 -> r.nextLong();
        case 3 -> new BigDecimal(BigInteger.valueOf(r.nextLong()),
            r.nextBoolean() ? 1 + r.nextInt(40) : -1 - r.nextInt(5));
        case 4 -> r.nextBoolean();
        case 5 -> bytes(40);
        case 6 -> payload();
        case 7 -> new BigInteger(100, r);
        case 8 -> Arrays.asList(s(), r.nextLong(), null);
        default -> new BigDecimal(r.nextInt()).movePointLeft(1 + r.nextInt(10)); // scale 0 reads as Long
      };
    }

    List<BindValue> binds() {
      List<BindValue> b = new ArrayList<>();
      for (int i = 0, n = r.nextInt(4); i < n; i++) {
        b.add(new BindValue(i + 1, maybe(), "setObject", r.nextBoolean() ? null : r.nextInt(),
            loose()));
      }
      return b;
    }

    JdbcResultSetEvent resultSet(long seq) {
      int width = r.nextInt(4);
      List<ColumnInfo> columns = new ArrayList<>();
      for (int c = 0; c < width; c++) {
        columns.add(new ColumnInfo(s(), maybe(), r.nextInt(), maybe(), r.nextInt(50),
            r.nextInt(10), r.nextInt(3), maybe()));
      }
      List<List<Object>> rows = new ArrayList<>();
      for (int i = 0, n = r.nextInt(4); i < n; i++) {
        List<Object> row = new ArrayList<>();
        for (int c = 0; c < width; c++) {
          row.add(loose());
        }
        rows.add(row);
      }
      return new JdbcResultSetEvent(seq, r.nextLong(), r.nextLong(), r.nextInt(1 << 30),
          maybe(), maybe(), s(), s(), r.nextInt(100) - 1, columns, rows, rows.size(),
          r.nextBoolean(), r.nextBoolean());
    }

    List<Event> all() {
      long seq = r.nextInt(1000);
      List<Event> events = new ArrayList<>();
      events.add(new HttpExchangeEvent(seq++, r.nextLong(), r.nextLong(), r.nextInt(1 << 30),
          s(), maybe(), "classic", "POST", "https://h/" + s(), "HTTP/1.1",
          List.of(new Header(s(), s())), r.nextBoolean() ? null : payload(), r.nextInt(600),
          maybe(), List.of(new Header("X-" + s(), s())), r.nextBoolean() ? null : payload(),
          maybe(), r.nextInt(1000) - 1,
          List.of(new HttpAttempt(1, "initial", "POST", s(), r.nextLong(), r.nextInt(1000),
              r.nextInt(600), error(1))),
          error(2)));
      events.add(new JdbcStatementEvent(seq, r.nextLong(), r.nextLong(), r.nextInt(1 << 30),
          s(), maybe(), s(), s(), "prepared", "execute", s(), binds(),
          r.nextBoolean() ? List.of(binds(), binds()) : List.of(), r.nextLong(),
          List.of(r.nextLong()), binds(), r.nextBoolean() ? resultSet(seq + 1000) : null,
          r.nextBoolean() ? List.of(warning()) : List.of(), error(2)));
      seq++;
      events.add(resultSet(seq++));
      events.add(new JdbcTransactionEvent(seq++, r.nextLong(), r.nextLong(), 0, s(), maybe(),
          s(), "commit", maybe(), maybe(), error(1)));
      events.add(new JdbcConnectionEvent(seq++, r.nextLong(), r.nextLong(), 0, s(), maybe(),
          s(), "open", maybe(), maybe(), error(1)));
      events.add(new LogEvent(seq++, r.nextLong(), r.nextLong(), 0, s(), maybe(), "WARN", s(),
          s(), error(1)));
      events.add(new MarkEvent(seq++, r.nextLong(), r.nextLong(), 0, maybe(), maybe(), maybe(),
          Map.of(s() + "k", s())));
      events.add(new FailureEvent(seq, r.nextLong(), r.nextLong(), 0, maybe(), maybe(),
          maybe(), error(3)));
      return events;
    }
  }

  private static Event jsonRoundTrip(Event e) {
    ObjectMapper mapper = ReproJson.mapper();
    try {
      String json = mapper.writerFor(Event.class).writeValueAsString(e);
      return mapper.readerFor(Event.class).readValue(json);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /** Equal field by field, byte arrays by content. */
  private static void assertSameEvents(List<Event> actual, List<Event> expected) {
    assertThat(actual).usingRecursiveComparison()
        .withEqualsForType(Arrays::equals, byte[].class)
        .isEqualTo(expected);
  }

  /**
   * The text with every lone surrogate replaced by a supplementary character (a valid pair):
   * UTF-8 cannot encode lone surrogates, so a bundle keeps them as '?', see
   * {@link BundleRoundTripTest#loneSurrogatesBecomeQuestionMarksAndTheBundleStaysValidUtf8}.
   */
  static String wellFormed(String text) {
    StringBuilder b = new StringBuilder();
    text.codePoints().forEach(cp -> b.appendCodePoint(
        cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE ? 0x1F600 + (cp & 0x3f) : cp));
    return b.toString();
  }

  @Test
  void everyEventTypeSurvivesJson() {
    qt().withFixedSeed(20240501L).withExamples(1000)
        .forAll(longs().all(), strings().allPossible().ofLengthBetween(0, 24))
        .check((seed, text) -> {
          List<Event> events = new Events(seed, text).all();
          List<Event> back = events.stream().map(EventJsonProperties::jsonRoundTrip).toList();
          assertSameEvents(back, events);
          return true;
        });
  }

  @Test
  void everyEventTypeSurvivesAWholeBundle() {
    BundleWriter writer = new BundleWriter(RecorderConfig.builder().bundleDirectory(dir)
        .maxPayloadBytes(1 << 20).build());
    qt().withFixedSeed(7L).withExamples(40)
        .forAll(longs().all(), strings().basicMultilingualPlaneAlphabet().ofLengthBetween(0, 24))
        .check((seed, text) -> {
          List<Event> events = new Events(seed, wellFormed(text)).all();
          try {
            Path bundle = writer.write(SampleSnapshots.snapshot(events, null));
            BundleSchemas.assertValid(bundle);
            List<Event> back = BundleRoundTripTest.withoutEntries(
                BundleReader.create().read(bundle).events());
            assertSameEvents(back, events);
            Files.delete(bundle);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return true;
        });
  }
}

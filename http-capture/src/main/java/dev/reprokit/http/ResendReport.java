package dev.reprokit.http;

import java.util.List;

/**
 * What {@link HttpResender} found: for each recorded exchange whether the target answered the
 * same, differently (with the differences) or could not be asked, plus an overall verdict.
 *
 * @param target the base URL the requests were sent to
 * @param results one result per recorded exchange considered, in recorded order
 */
public record ResendReport(String target, List<ExchangeResult> results) {

  public ResendReport {
    results = List.copyOf(results);
  }

  /** The outcome of one exchange, and of the whole report. */
  public enum Outcome {
    /** The target answered as recorded (apart from ignored, volatile places). */
    SAME,
    /** The target answered differently; see the differences. */
    DIFFERENT,
    /** The request could not be re-sent or the target could not be reached. */
    FAILED,
    /** Not sent: an unsafe method without {@code allowUnsafe}, or filtered out. */
    SKIPPED
  }

  /**
   * One place where the new answer differs from the recorded one.
   *
   * @param kind {@code status}, {@code header}, {@code json}, {@code text}, {@code binary} or
   *     {@code error}
   * @param where the header name, the JSON pointer, {@code line N}, or empty
   * @param recorded the recorded value, or {@code null} when absent
   * @param actual the new value, or {@code null} when absent
   */
  public record Difference(String kind, String where, String recorded, String actual) {
    @Override
    public String toString() {
      return kind + (where.isEmpty() ? "" : " " + where) + ": recorded "
          + (recorded == null ? "(absent)" : recorded) + ", now "
          + (actual == null ? "(absent)" : actual);
    }
  }

  /**
   * The result for one recorded exchange.
   *
   * @param seq the recorded exchange's sequence number
   * @param method request method
   * @param recordedUri the URI as recorded
   * @param sentUri the URI the request went to, or {@code null} when not sent
   * @param outcome SAME, DIFFERENT, FAILED or SKIPPED
   * @param recordedStatus the recorded status (0 when the recording had no response)
   * @param actualStatus the target's status (0 when none)
   * @param differences what differs, empty unless DIFFERENT
   * @param ignored places left out of the comparison: configured and learned JSON pointers,
   *     headers or bodies that vary between two identical requests
   * @param notes why it was skipped or failed, and anything else worth knowing
   */
  public record ExchangeResult(long seq, String method, String recordedUri, String sentUri,
      Outcome outcome, int recordedStatus, int actualStatus, List<Difference> differences,
      List<String> ignored, List<String> notes) {
    public ExchangeResult {
      differences = List.copyOf(differences);
      ignored = List.copyOf(ignored);
      notes = List.copyOf(notes);
    }
  }

  /**
   * The overall verdict: DIFFERENT if any exchange differs, else FAILED if any failed, else
   * SAME if any was compared, else SKIPPED.
   */
  public Outcome verdict() {
    boolean failed = false;
    boolean same = false;
    for (ExchangeResult r : results) {
      switch (r.outcome()) {
        case DIFFERENT -> {
          return Outcome.DIFFERENT;
        }
        case FAILED -> failed = true;
        case SAME -> same = true;
        default -> { }
      }
    }
    return failed ? Outcome.FAILED : same ? Outcome.SAME : Outcome.SKIPPED;
  }

  /** Number of results with the given outcome. */
  public long count(Outcome outcome) {
    return results.stream().filter(r -> r.outcome() == outcome).count();
  }

  /** A plain-text summary for a terminal or a ticket. */
  public String toText() {
    StringBuilder out = new StringBuilder();
    out.append("Re-sent to ").append(target).append(": ").append(verdict())
        .append(" (same ").append(count(Outcome.SAME))
        .append(", different ").append(count(Outcome.DIFFERENT))
        .append(", failed ").append(count(Outcome.FAILED))
        .append(", skipped ").append(count(Outcome.SKIPPED)).append(")\n");
    for (ExchangeResult r : results) {
      out.append("#").append(r.seq()).append(' ').append(r.method()).append(' ')
          .append(r.recordedUri()).append(": ").append(r.outcome());
      if (r.outcome() == Outcome.SAME || r.outcome() == Outcome.DIFFERENT) {
        out.append(" (recorded ").append(r.recordedStatus()).append(", now ")
            .append(r.actualStatus()).append(')');
      }
      out.append('\n');
      for (Difference d : r.differences()) {
        out.append("    ").append(d).append('\n');
      }
      for (String n : r.notes()) {
        out.append("    note: ").append(n).append('\n');
      }
      if (!r.ignored().isEmpty()) {
        out.append("    ignored: ").append(String.join(", ", r.ignored())).append('\n');
      }
    }
    return out.toString();
  }
}

package dev.reprokit.jdbc.internal;

import dev.reprokit.event.BindValue;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The parameters of one prepared or callable statement: a small array indexed by parameter,
 * named parameters in a list, and the entries snapshotted by {@code addBatch}. Values are
 * copied as they are set; streams are teed, never read here. Used by one thread at a time,
 * as the statement itself.
 */
final class BindRecorder {
  /** What replaces a value bound to a configured secret column. */
  static final String REDACTED = "‹redacted›";
  private static final BindValue[] NONE = new BindValue[0];

  private final CaptureContext ctx;
  private final boolean[] secret; // by parameter index, or null
  private BindValue[] slots = NONE;
  private int max;
  private List<BindValue> named;
  private List<List<BindValue>> batch;

  BindRecorder(CaptureContext ctx, String sql) {
    this.ctx = ctx;
    boolean[] mask = null;
    try {
      if (!ctx.options.secretColumns().isEmpty() || !ctx.options.secretParameters().isEmpty()) {
        mask = SqlParameters.secretMask(sql, ctx.options);
      }
    } catch (Throwable t) {
      ctx.fault(t);
    }
    this.secret = mask;
  }

  void bind(int index, String setter, Integer sqlType, Object value) {
    try {
      if (secret != null && index < secret.length && secret[index] && value != null) {
        value = REDACTED;
      } else if (value instanceof String || value instanceof byte[] b
          && b.length > ctx.options.maxBytesPerResultSet()) {
        value = Values.bounded(value, ctx.options.maxBytesPerResultSet(),
            ctx.options.maxLobPrefixBytes()); // the prefix is a copy
      } else {
        value = Values.copy(value, ctx.options.maxLobPrefixBytes());
      }
      put(new BindValue(index, null, setter, sqlType, value));
    } catch (Throwable t) {
      ctx.fault(t);
    }
  }

  void bindNamed(String name, String setter, Integer sqlType, Object value) {
    try {
      if (ctx.options.isSecretColumn(name) && value != null) {
        value = REDACTED;
      } else {
        value = Values.copy(value, ctx.options.maxLobPrefixBytes());
      }
      if (named == null) {
        named = new ArrayList<>(4);
      }
      for (int i = 0; i < named.size(); i++) {
        if (named.get(i).name().equals(name)) {
          named.set(i, new BindValue(0, name, setter, sqlType, value));
          return;
        }
      }
      named.add(new BindValue(0, name, setter, sqlType, value));
    } catch (Throwable t) {
      ctx.fault(t);
    }
  }

  InputStream tee(int index, String setter, InputStream in, long length) {
    if (in == null) {
      bind(index, setter, null, null);
      return null;
    }
    try {
      TeeInputStream tee = new TeeInputStream(in, ctx.options.maxLobPrefixBytes(), length);
      boolean hide = secret != null && index < secret.length && secret[index];
      put(new BindValue(index, null, setter, null, hide ? REDACTED : tee));
      return tee;
    } catch (Throwable t) {
      ctx.fault(t);
      return in;
    }
  }

  Reader tee(int index, String setter, Reader in, long length) {
    if (in == null) {
      bind(index, setter, null, null);
      return null;
    }
    try {
      TeeReader tee = new TeeReader(in, ctx.options.maxLobPrefixBytes(), length);
      boolean hide = secret != null && index < secret.length && secret[index];
      put(new BindValue(index, null, setter, null, hide ? REDACTED : tee));
      return tee;
    } catch (Throwable t) {
      ctx.fault(t);
      return in;
    }
  }

  InputStream teeNamed(String name, String setter, InputStream in, long length) {
    try {
      bindNamed(name, setter, null, in == null ? null : "‹stream›");
    } catch (Throwable t) {
      ctx.fault(t);
    }
    return in;
  }

  Reader teeNamed(String name, String setter, Reader in, long length) {
    try {
      bindNamed(name, setter, null, in == null ? null : "‹reader›");
    } catch (Throwable t) {
      ctx.fault(t);
    }
    return in;
  }

  private void put(BindValue v) {
    int index = v.index();
    if (index < 1) {
      return; // the driver accepted an index we cannot place; nothing to keep
    }
    if (index >= slots.length) {
      slots = Arrays.copyOf(slots, Math.max(index + 1, Math.max(4, slots.length * 2)));
    }
    slots[index] = v;
    if (index > max) {
      max = index;
    }
  }

  /** Forgets the parameters ({@code clearParameters}). */
  void clear() {
    try {
      Arrays.fill(slots, null);
      max = 0;
      named = null;
    } catch (Throwable t) {
      ctx.fault(t);
    }
  }

  /** The parameters now (immutable), in index order then named; teed streams still live. */
  List<BindValue> snapshot() {
    int namedCount = named == null ? 0 : named.size();
    if (max == 0 && namedCount == 0) {
      return List.of();
    }
    int count = namedCount;
    for (int i = 1; i <= max; i++) {
      if (slots[i] != null) {
        count++;
      }
    }
    if (count == 1 && namedCount == 0) {
      return List.of(slots[max]); // the common single parameter: no array in between
    }
    BindValue[] out = new BindValue[count];
    int k = 0;
    for (int i = 1; i <= max; i++) {
      if (slots[i] != null) {
        out[k++] = slots[i];
      }
    }
    for (int i = 0; i < namedCount; i++) {
      out[k++] = named.get(i);
    }
    return List.of(out);
  }

  void addBatch() {
    try {
      if (batch == null) {
        batch = new ArrayList<>();
      }
      batch.add(snapshot());
    } catch (Throwable t) {
      ctx.fault(t);
    }
  }

  void addBatchSql(String sql) {
    try {
      if (batch == null) {
        batch = new ArrayList<>();
      }
      batch.add(List.of(new BindValue(0, null, "addBatch", null, sql)));
    } catch (Throwable t) {
      ctx.fault(t);
    }
  }

  /** The batch entries, and forgets them (also after a failed batch). */
  List<List<BindValue>> takeBatch() {
    List<List<BindValue>> b = batch;
    batch = null;
    if (b == null) {
      return List.of();
    }
    List<List<BindValue>> out = new ArrayList<>(b.size());
    for (List<BindValue> entry : b) {
      out.add(finish(entry));
    }
    return out;
  }

  void clearBatch() {
    batch = null;
  }

  /** Immutable values: teed streams become payloads of what the driver read. */
  static List<BindValue> finish(List<BindValue> values) {
    BindValue[] out = null;
    for (int i = 0, n = values.size(); i < n; i++) {
      BindValue v = values.get(i);
      Object teed = v.value();
      if (teed instanceof TeeInputStream || teed instanceof TeeReader) {
        if (out == null) {
          out = values.toArray(NONE);
        }
        out[i] = new BindValue(v.index(), v.name(), v.setter(), v.sqlType(),
            teed instanceof TeeInputStream t ? t.toPayload() : ((TeeReader) teed).toPayload());
      }
    }
    return out == null ? values : List.of(out);
  }
}

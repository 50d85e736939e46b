package dev.reprokit.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.reprokit.event.Payload;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * JSON for values whose Java type is {@code Object}: bind values and result set cells.
 * See {@link ReproJson} for the mapping.
 */
final class LooseValues {
  static final String BYTES = "@bytes";
  static final String PAYLOAD = "@payload";

  private LooseValues() {}

  static void write(Object v, JsonGenerator g, SerializerProvider provider) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Long || v instanceof Integer || v instanceof Short
        || v instanceof Byte) {
      g.writeNumber(((Number) v).longValue());
    } else if (v instanceof BigDecimal d) {
      g.writeNumber(d);
    } else if (v instanceof BigInteger i) {
      g.writeNumber(i);
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isFinite(d)) {
        g.writeNumber(new BigDecimal(v.toString()));
      } else {
        g.writeString(v.toString());
      }
    } else if (v instanceof byte[] bytes) {
      g.writeStartObject();
      g.writeFieldName(BYTES);
      g.writeBinary(bytes);
      g.writeEndObject();
    } else if (v instanceof Payload p) {
      g.writeStartObject();
      g.writeFieldName(PAYLOAD);
      provider.defaultSerializeValue(p, g);
      g.writeEndObject();
    } else if (v instanceof java.sql.Timestamp t) {
      g.writeString(t.toLocalDateTime().toString());
    } else if (v instanceof java.sql.Date d) {
      g.writeString(d.toLocalDate().toString());
    } else if (v instanceof java.sql.Time t) {
      g.writeString(t.toLocalTime().toString());
    } else if (v instanceof java.util.Date d) {
      g.writeString(d.toInstant().toString());
    } else if (v instanceof TemporalAccessor t) {
      g.writeString(t.toString());
    } else if (v instanceof Enum<?> e) {
      g.writeString(e.name());
    } else if (v instanceof List<?> list) {
      g.writeStartArray();
      for (Object o : list) {
        write(o, g, provider);
      }
      g.writeEndArray();
    } else if (v instanceof Object[] array) {
      g.writeStartArray();
      for (Object o : array) {
        write(o, g, provider);
      }
      g.writeEndArray();
    } else {
      g.writeString(String.valueOf(v));
    }
  }

  static Object read(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonToken t = p.currentToken();
    if (t == null) {
      t = p.nextToken();
    }
    switch (t) {
      case VALUE_NULL:
        return null;
      case VALUE_STRING:
        return p.getText();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NUMBER_INT:
        return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            ? p.getBigIntegerValue() : (Object) p.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return p.getDecimalValue();
      case START_ARRAY: {
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(read(p, ctxt));
        }
        return Collections.unmodifiableList(list);
      }
      case START_OBJECT: {
        JsonNode node = ctxt.readTree(p);
        if (node.size() == 1 && node.has(BYTES) && node.get(BYTES).isTextual()) {
          return node.get(BYTES).binaryValue();
        }
        if (node.size() == 1 && node.has(PAYLOAD) && node.get(PAYLOAD).isObject()) {
          return ctxt.readTreeAsValue(node.get(PAYLOAD), Payload.class);
        }
        return ctxt.readTreeAsValue(node, Map.class); // a newer writer's tag: keep as data
      }
      default:
        return ctxt.handleUnexpectedToken(Object.class, p);
    }
  }

  /** Serializer of one loose value. */
  static final class ValueSerializer extends JsonSerializer<Object> {
    @Override
    public void serialize(Object value, JsonGenerator g, SerializerProvider provider)
        throws IOException {
      write(value, g, provider);
    }
  }

  /** Deserializer of one loose value. */
  static final class ValueDeserializer extends JsonDeserializer<Object> {
    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return read(p, ctxt);
    }
  }

  /** Serializer of result set rows: a list of lists of loose values. */
  static final class RowsSerializer extends JsonSerializer<List<List<Object>>> {
    @Override
    public void serialize(List<List<Object>> rows, JsonGenerator g, SerializerProvider provider)
        throws IOException {
      g.writeStartArray();
      for (List<Object> row : rows) {
        if (row == null) {
          g.writeNull();
          continue;
        }
        g.writeStartArray();
        for (Object cell : row) {
          write(cell, g, provider);
        }
        g.writeEndArray();
      }
      g.writeEndArray();
    }
  }

  /** Deserializer of result set rows. */
  static final class RowsDeserializer extends JsonDeserializer<List<List<Object>>> {
    @Override
    public List<List<Object>> deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      if (p.currentToken() != JsonToken.START_ARRAY) {
        return castRows(ctxt.handleUnexpectedToken(List.class, p));
      }
      List<List<Object>> rows = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
          rows.add(List.of());
          continue;
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
          return castRows(ctxt.handleUnexpectedToken(List.class, p));
        }
        List<Object> row = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          row.add(read(p, ctxt));
        }
        rows.add(Collections.unmodifiableList(row));
      }
      return Collections.unmodifiableList(rows);
    }

    @SuppressWarnings("unchecked")
    private static List<List<Object>> castRows(Object o) {
      return (List<List<Object>>) o;
    }
  }

  /** ISO-8601 instants. */
  static final class InstantSerializer extends JsonSerializer<Instant> {
    @Override
    public void serialize(Instant value, JsonGenerator g, SerializerProvider provider)
        throws IOException {
      g.writeString(value.toString());
    }
  }

  /** ISO-8601 instants. */
  static final class InstantDeserializer extends JsonDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = p.getValueAsString();
      if (text == null) {
        return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
      }
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        return (Instant) ctxt.handleWeirdStringValue(Instant.class, text,
            "not an ISO-8601 instant such as 2024-05-01T10:15:30Z");
      }
    }
  }

  /** Mix-in: the loose value of a bind value. */
  abstract static class BindValueMixin {
    @JsonSerialize(using = ValueSerializer.class)
    @JsonDeserialize(using = ValueDeserializer.class)
    abstract Object value();
  }

  /** Mix-in: an empty exception message stays {@code ""} rather than becoming absent. */
  abstract static class ErrorInfoMixin {
    @com.fasterxml.jackson.annotation.JsonInclude(
        com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    abstract String message();
  }

  /** Mix-in: the loose cells of result set rows. */
  abstract static class ResultSetMixin {
    @JsonSerialize(using = RowsSerializer.class)
    @JsonDeserialize(using = RowsDeserializer.class)
    abstract List<List<Object>> rows();
  }
}

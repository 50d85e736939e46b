package dev.reprokit.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.reprokit.event.BindValue;
import dev.reprokit.event.ErrorInfo;
import dev.reprokit.event.JdbcResultSetEvent;
import java.time.Instant;

/**
 * The shared, configured Jackson mapper for bundle JSON.
 *
 * <ul>
 *   <li>Records map to JSON objects by their component names; {@code Event}s carry their
 *       {@code type} discriminator.
 *   <li>{@code byte[]} fields are standard base64 strings.
 *   <li>Loosely typed values (a {@code BindValue}'s value, result set row cells) are written
 *       by {@link LooseValues}: JSON scalars stay scalars, {@code byte[]} becomes
 *       {@code {"@bytes": "<base64>"}}, a {@code Payload} becomes {@code {"@payload": {...}}},
 *       temporal values become ISO-8601 strings and every other value its {@code toString()}.
 *       On read, whole numbers come back as {@code Long} (or {@code BigInteger}), decimals as
 *       exact {@code BigDecimal}.
 *   <li>{@link Instant}s are ISO-8601 strings.
 *   <li>Unknown properties are ignored, unknown enum constants and unknown event types read
 *       as {@code null}, so a reader can read bundles of a newer minor format version.
 *   <li>{@link #mapper()} reads with Jackson's default stream limits; {@link #boundedMapper}
 *       builds one with tighter nesting-depth and string-length limits for untrusted input.
 * </ul>
 *
 * <p>Thread-safe: the mappers are configured once and never changed. Do not reconfigure the
 * returned instance; use {@code mapper().copy()} if you must.
 */
public final class ReproJson {
  /** Default maximum JSON nesting depth when reading untrusted bundles. */
  public static final int DEFAULT_MAX_NESTING_DEPTH = 64;

  /** Default maximum length of one JSON string (in chars) when reading untrusted bundles. */
  public static final int DEFAULT_MAX_STRING_LENGTH = 16 * 1024 * 1024;

  private static final ObjectMapper MAPPER = newMapper(StreamReadConstraints.defaults());

  private ReproJson() {}

  /** The shared mapper. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** A new mapper with the same configuration that refuses deeper or longer input. */
  public static ObjectMapper boundedMapper(int maxNestingDepth, int maxStringLength) {
    return newMapper(StreamReadConstraints.builder()
        .maxNestingDepth(maxNestingDepth)
        .maxStringLength(maxStringLength)
        .build());
  }

  private static ObjectMapper newMapper(StreamReadConstraints constraints) {
    JsonFactory factory = JsonFactory.builder().streamReadConstraints(constraints).build();
    SimpleModule module = new SimpleModule("reprokit");
    module.addSerializer(Instant.class, new LooseValues.InstantSerializer());
    module.addDeserializer(Instant.class, new LooseValues.InstantDeserializer());
    module.setMixInAnnotation(BindValue.class, LooseValues.BindValueMixin.class);
    module.setMixInAnnotation(JdbcResultSetEvent.class, LooseValues.ResultSetMixin.class);
    module.setMixInAnnotation(ErrorInfo.class, LooseValues.ErrorInfoMixin.class);
    return JsonMapper.builder(factory)
        .addModule(module)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.FAIL_ON_INVALID_SUBTYPE)
        .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.USE_LONG_FOR_INTS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
        .build();
  }
}

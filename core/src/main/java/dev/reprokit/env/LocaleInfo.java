package dev.reprokit.env;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Locale, time zone and encodings: the settings behind most "works on my machine" text and
 * date bugs. Locales are BCP 47 language tags. Immutable and thread-safe.
 *
 * @param defaultLocale {@code Locale.getDefault()}, e.g. {@code en-US}
 * @param formatLocale {@code Locale.getDefault(Locale.Category.FORMAT)}: numbers and dates
 * @param displayLocale {@code Locale.getDefault(Locale.Category.DISPLAY)}
 * @param timeZone {@code TimeZone.getDefault()} id, e.g. {@code Europe/Berlin}
 * @param utcOffset the time zone's offset from UTC when collected, e.g. {@code +01:00}
 * @param defaultCharset {@code Charset.defaultCharset()}
 * @param fileEncoding {@code file.encoding}
 * @param sunJnuEncoding {@code sun.jnu.encoding}: how file names and arguments are decoded
 * @param nativeEncoding {@code native.encoding} (Java 17+), or {@code null}
 * @param lineSeparator {@code line.separator}, escaped: {@code \n} or {@code \r\n}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LocaleInfo(
    String defaultLocale,
    String formatLocale,
    String displayLocale,
    String timeZone,
    String utcOffset,
    String defaultCharset,
    String fileEncoding,
    String sunJnuEncoding,
    String nativeEncoding,
    String lineSeparator) {}

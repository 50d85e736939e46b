package dev.reprokit.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reprokit.RecorderConfig;
import dev.reprokit.event.Event;
import dev.reprokit.event.HttpExchangeEvent;
import dev.reprokit.event.Payload;
import dev.reprokit.testing.BundleSchemas;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleCapsTest {
  @TempDir Path dir;

  private static HttpExchangeEvent http(long seq, Payload response) {
    return new HttpExchangeEvent(seq, 0, 0, 0, "t", null, "classic", "GET",
        "http://localhost/" + seq, "HTTP/1.1", null, null, 200, "OK", null, response, null, -1,
        null, null);
  }

  private Bundle writeAndRead(RecorderConfig config, List<Event> events) throws IOException {
    Path path = new BundleWriter(config).write(SampleSnapshots.snapshot(events, null));
    BundleSchemas.assertValid(path);
    return BundleReader.create().read(path);
  }

  @Test
  void payloadOverTheCapIsTruncatedWithOriginalAndKeptSizeRecorded() throws IOException {
    byte[] body = SampleSnapshots.bytes(10_000, 'x');
    RecorderConfig config = RecorderConfig.builder().bundleDirectory(dir)
        .maxPayloadBytes(4096).build();

    Bundle bundle = writeAndRead(config, List.of(http(1, Payload.of("text/plain", 10_000, body))));
    Payload kept = ((HttpExchangeEvent) bundle.events().get(0)).responseBody();

    assertThat(kept.data()).isEqualTo(Arrays.copyOf(body, 4096));
    assertThat(kept.originalSize()).isEqualTo(10_000);
    assertThat(kept.truncated()).isTrue();
    assertThat(bundle.manifest().truncations()).containsExactly(new Truncation(1,
        "responseBody", "payloads/1-responseBody.txt", Truncation.PAYLOAD_CAP, 10_000, 4096));
    assertThat(bundle.manifest().entry("payloads/1-responseBody.txt")).get()
        .extracting(BundleEntry::size).isEqualTo(4096L);
  }

  @Test
  void payloadOfUnknownOriginalSizeCutByTheCapStillShowsAsTruncated() throws IOException {
    RecorderConfig config = RecorderConfig.builder().bundleDirectory(dir)
        .maxPayloadBytes(100).build();
    Payload unknownSize = new Payload("text/plain", -1, SampleSnapshots.bytes(500, 'u'), null,
        false);

    Bundle bundle = writeAndRead(config, List.of(http(1, unknownSize)));
    Payload kept = ((HttpExchangeEvent) bundle.events().get(0)).responseBody();

    assertThat(kept.keptSize()).isEqualTo(100);
    assertThat(kept.truncated()).isTrue();
    assertThat(bundle.manifest().truncations()).singleElement()
        .satisfies(t -> assertThat(t.originalSize()).isEqualTo(500));
  }

  @Test
  void truncationAtCaptureIsRecordedToo() throws IOException {
    RecorderConfig config = RecorderConfig.builder().bundleDirectory(dir).build();
    Payload abandoned = new Payload("application/json", -1, SampleSnapshots.utf8("{\"a\":"),
        null, true);

    Bundle bundle = writeAndRead(config, List.of(http(7, abandoned)));

    assertThat(bundle.manifest().truncations()).containsExactly(
        new Truncation(7, "responseBody", null, Truncation.CAPTURE, -1, 5));
    assertThat(((HttpExchangeEvent) bundle.events().get(0)).responseBody().abandoned()).isTrue();
  }

  @Test
  void bundleOverMaxBundleBytesTruncatesTheOldestPayloadsAndRecordsIt() throws IOException {
    RecorderConfig config = RecorderConfig.builder().bundleDirectory(dir)
        .maxPayloadBytes(10_000).maxBundleBytes(25_000).build();
    List<Event> events = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      events.add(http(i, Payload.of("application/octet-stream", 10_000,
          SampleSnapshots.bytes(10_000, (char) ('a' + i)))));
    }

    Bundle bundle = writeAndRead(config, events);
    long[] kept = bundle.events().stream()
        .mapToLong(e -> ((HttpExchangeEvent) e).responseBody().keptSize()).toArray();

    assertThat(kept).containsExactly(0, 5_000, 10_000, 10_000); // newest first get the budget
    assertThat(Arrays.stream(kept).sum()).isLessThanOrEqualTo(25_000);
    assertThat(bundle.manifest().truncations()).containsExactly(
        new Truncation(1, "responseBody", null, Truncation.BUNDLE_CAP, 10_000, 0),
        new Truncation(2, "responseBody", "payloads/2-responseBody.bin", Truncation.BUNDLE_CAP,
            10_000, 5_000));
    Payload partial = ((HttpExchangeEvent) bundle.events().get(1)).responseBody();
    assertThat(partial.data()).isEqualTo(SampleSnapshots.bytes(5_000, 'c'));
  }

  @Test
  void payloadsWithinTheCapsAreNotRecordedAsTruncated() throws IOException {
    RecorderConfig config = RecorderConfig.builder().bundleDirectory(dir).build();

    Bundle bundle = writeAndRead(config, List.of(http(1,
        Payload.of("text/plain", 2000, SampleSnapshots.bytes(2000, 'z')))));

    assertThat(bundle.manifest().truncations()).isEmpty();
  }
}

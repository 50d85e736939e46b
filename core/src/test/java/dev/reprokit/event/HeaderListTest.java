package dev.reprokit.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reprokit.internal.json.ReproJson;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeaderListTest {

  private static List<Header> copied() {
    return new ArrayList<>(List.of(new Header("Host", "example.com"),
        new Header("Accept", ""), new Header("X-Twice", "1"), new Header("X-Twice", "2")));
  }

  private static List<Header> owned() {
    return Header.listOwning(
        new String[] {"Host", "example.com", "Accept", null, "X-Twice", "1", "X-Twice", "2"});
  }

  @Test
  void ownedListReadsAsTheHeadersInOrderWithNullValuesAsEmpty() {
    List<Header> list = owned();

    assertThat(list).containsExactlyElementsOf(copied());
    assertThat(list).isEqualTo(copied());
    assertThat(list.hashCode()).isEqualTo(copied().hashCode());
    assertThat(list.get(1).value()).isEmpty();
  }

  @Test
  void ownedListIsImmutable() {
    List<Header> list = owned();

    assertThatThrownBy(() -> list.add(new Header("a", "b")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> list.set(0, new Header("a", "b")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> list.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> list.get(4)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void malformedArraysAreRejectedLikeHeaders() {
    assertThatThrownBy(() -> Header.listOwning(new String[] {"a", "b", "c"}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Header.listOwning(new String[] {null, "b"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("header name must not be null");
    assertThat(Header.listOwning(new String[0])).isEmpty();
  }

  @Test
  void estimateIsTheSumOfTheHeadersEstimates() {
    long expected = 0;
    for (Header h : copied()) {
      expected += h.estimatedBytes();
    }

    assertThat(HeaderList.estimatedBytes(owned())).isEqualTo(expected);
    assertThat(HeaderList.estimatedBytes(copied())).isEqualTo(expected);
  }

  @Test
  void eventKeepsTheOwnedListAndSerializesAndEstimatesAsWithCopiedHeaders() throws Exception {
    HttpExchangeEvent fromOwned = event(owned(), owned());
    HttpExchangeEvent fromCopies = event(copied(), copied());
    ObjectMapper mapper = ReproJson.mapper();

    assertThat(fromOwned).isEqualTo(fromCopies);
    assertThat(fromOwned.estimatedBytes()).isEqualTo(fromCopies.estimatedBytes());
    assertThat(mapper.writerFor(Event.class).writeValueAsString(fromOwned))
        .isEqualTo(mapper.writerFor(Event.class).writeValueAsString(fromCopies));
    Event back = mapper.readerFor(Event.class)
        .readValue(mapper.writerFor(Event.class).writeValueAsString(fromOwned));
    assertThat(back).isEqualTo(fromCopies);
  }

  private static HttpExchangeEvent event(List<Header> request, List<Header> response) {
    return new HttpExchangeEvent(7, 1_700_000_000_000L, 100, 50, "main", null, "classic", "GET",
        "http://example.com/a", "HTTP/1.1", request, null, 200, "OK", response,
        Payload.of("text/plain", 2, new byte[] {'o', 'k'}), null, 10,
        List.of(new HttpAttempt(1, "initial", "GET", "http://example.com/a", 100, 40, 200, null)),
        null);
  }
}

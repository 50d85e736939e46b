package dev.reprokit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reprokit.CaptureRequest;
import dev.reprokit.CaptureResult.Outcome;
import dev.reprokit.RecorderConfig;
import dev.reprokit.Scope;
import dev.reprokit.TriggerKind;
import dev.reprokit.bundle.Snapshot;
import dev.reprokit.event.Event;
import dev.reprokit.event.FailureEvent;
import dev.reprokit.event.MarkEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScopeTest {
  @TempDir Path directory;
  private final List<Snapshot> written = new CopyOnWriteArrayList<>();

  private DefaultRecorder recorder() {
    return new DefaultRecorder(RecorderConfig.builder().build(), snapshot -> {
      written.add(snapshot);
      return directory.resolve(snapshot.bundleId() + ".repro.zip");
    }, new FaultReporter(), System::currentTimeMillis);
  }

  private static List<String> markNames(List<Event> events) {
    return events.stream().filter(MarkEvent.class::isInstance).map(e -> ((MarkEvent) e).name()).toList();
  }

  @Test
  void eventsRecordedInsideAScopeCarryItsIdAndTheScopeIsRestoredOnClose() {
    DefaultRecorder recorder = recorder();
    assertThat(recorder.currentScopeId()).isNull();
    String outerId;
    try (Scope outer = recorder.scope("checkout", Map.of("order", "42"))) {
      outerId = outer.id();
      assertThat(recorder.currentScopeId()).isEqualTo(outer.id());
      try (Scope inner = recorder.scope("payment")) {
        assertThat(recorder.currentScopeId()).isEqualTo(inner.id());
      }
      assertThat(recorder.currentScopeId()).isEqualTo(outer.id());
      recorder.mark("in outer", Map.of());
    }
    assertThat(recorder.currentScopeId()).isNull();
    MarkEvent inOuter = (MarkEvent) recorder.retainedEvents().stream()
        .filter(e -> e instanceof MarkEvent m && m.name().equals("in outer")).findFirst().orElseThrow();
    assertThat(inOuter.scopeId()).isEqualTo(outerId);
  }

  @Test
  void aScopeHandedToAnotherThreadTagsTheEventsRecordedThere() throws Exception {
    DefaultRecorder recorder = recorder();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Scope scope = recorder.scope("import")) {
      pool.submit(scope.wrap(() -> recorder.mark("on the pool thread", Map.of()))).get();
      pool.submit(() -> recorder.mark("not handed over", Map.of())).get();
      Event handed = recorder.retainedEvents().stream()
          .filter(e -> e instanceof MarkEvent m && m.name().equals("on the pool thread")).findFirst().orElseThrow();
      Event notHanded = recorder.retainedEvents().stream()
          .filter(e -> e instanceof MarkEvent m && m.name().equals("not handed over")).findFirst().orElseThrow();
      assertThat(handed.scopeId()).isEqualTo(scope.id());
      assertThat(handed.thread()).isNotEqualTo(Thread.currentThread().getName());
      assertThat(notHanded.scopeId()).isNull();
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void aBundleForAScopeHoldsItsEventsAndTheGlobalContextButNotOtherScopes() {
    DefaultRecorder recorder = recorder();
    recorder.mark("global before the scope", Map.of());
    Scope other = recorder.scope("other request");
    other.close();
    try (Scope scope = recorder.scope("checkout")) {
      recorder.mark("checkout step", Map.of());
      try (Scope.Attachment ignored = other.attach()) {
        recorder.mark("other request step", Map.of());
      }
      Thread global = new Thread(() -> recorder.mark("global during the scope", Map.of()));
      global.start();
      join(global);
      assertThat(recorder.capture(new CaptureRequest("for the scope", null, "SUP-1", scope.id())).written())
          .isTrue();
    }
    List<String> names = markNames(written.get(0).events());
    assertThat(names).contains("checkout step", "global during the scope");
    assertThat(names).doesNotContain("other request step", "global before the scope");
    assertThat(written.get(0).trigger().ticket()).isEqualTo("SUP-1");
  }

  @Test
  void failingAScopeWritesABundleForThatScopeInTheBackground() {
    DefaultRecorder recorder = recorder();
    IllegalStateException failure = new IllegalStateException("payment declined");
    try (Scope scope = recorder.scope("checkout")) {
      recorder.mark("charging card", Map.of());
      assertThat(scope.fail(failure).outcome()).isEqualTo(Outcome.QUEUED);
    }
    assertThat(recorder.awaitBackgroundWrites(10, TimeUnit.SECONDS)).isTrue();
    Snapshot snapshot = written.get(0);
    assertThat(snapshot.trigger().kind()).isEqualTo(TriggerKind.SCOPE_FAILURE);
    assertThat(snapshot.trigger().scopeId()).isNotNull();
    assertThat(snapshot.failure().message()).isEqualTo("payment declined");
    assertThat(snapshot.events()).anyMatch(e -> e instanceof FailureEvent f
        && f.error().message().equals("payment declined"));
    assertThat(markNames(snapshot.events())).contains("charging card");
  }

  @Test
  void theUncaughtExceptionHandlerWritesABundleAndCallsThePreviousHandler() throws Exception {
    DefaultRecorder recorder = new DefaultRecorder(
        RecorderConfig.builder().trigger(TriggerKind.UNCAUGHT_EXCEPTION, true).build(),
        snapshot -> {
          written.add(snapshot);
          return directory.resolve(snapshot.bundleId() + ".repro.zip");
        }, new FaultReporter(), System::currentTimeMillis);
    Thread.UncaughtExceptionHandler original = Thread.getDefaultUncaughtExceptionHandler();
    List<Throwable> seenByPrevious = new CopyOnWriteArrayList<>();
    Thread.setDefaultUncaughtExceptionHandler((t, e) -> seenByPrevious.add(e));
    try {
      recorder.installUncaughtExceptionHandler();
      IllegalStateException boom = new IllegalStateException("worker died");
      Thread worker = new Thread(() -> {
        throw boom;
      }, "worker");
      worker.start();
      join(worker);
      assertThat(seenByPrevious).containsExactly(boom);
      assertThat(written).hasSize(1);
      assertThat(written.get(0).trigger().kind()).isEqualTo(TriggerKind.UNCAUGHT_EXCEPTION);
      assertThat(written.get(0).failure().message()).isEqualTo("worker died");
    } finally {
      Thread.setDefaultUncaughtExceptionHandler(original);
    }
  }

  private static void join(Thread t) {
    try {
      t.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}

package dev.reprokit;

import java.util.Map;
import java.util.concurrent.Callable;

/**
 * One user operation, e.g. a checkout: every event recorded while the scope is
 * {@linkplain #attach() attached} to a thread carries its id, so a bundle can be cut for
 * just that operation plus the recent global context.
 *
 * <pre>{@code
 * try (Scope scope = recorder.scope("checkout", Map.of("order", orderId))) {
 *   executor.submit(scope.wrap(() -> callPaymentApi()));   // hand over to another thread
 *   ...
 * } catch (PaymentException e) {
 *   scope.fail(e);                                           // may write a bundle
 *   throw e;
 * }
 * }</pre>
 *
 * <p>Opening a scope attaches it to the current thread; {@link #close()} detaches it and
 * restores the scope that was attached before. Thread-safe: a scope may be attached to many
 * threads at once.
 */
public interface Scope extends AutoCloseable {

  /** A short id, unique per recorder. */
  String id();

  /** The name given when the scope was opened. */
  String name();

  /** The attributes given when the scope was opened. */
  Map<String, String> attributes();

  /**
   * Records a failure on this scope; with the {@link TriggerKind#SCOPE_FAILURE} trigger on
   * (the default), the background writer writes a bundle for this scope. Never throws.
   */
  CaptureResult fail(Throwable failure);

  /**
   * Attaches this scope to the current thread until the returned handle is closed, which
   * restores what was attached before. Use it on a thread the scope was handed to.
   */
  Attachment attach();

  /** Wraps a task so that it runs with this scope attached, on whatever thread runs it. */
  default Runnable wrap(Runnable task) {
    return () -> {
      try (Attachment ignored = attach()) {
        task.run();
      }
    };
  }

  /** Wraps a task so that it runs with this scope attached, on whatever thread runs it. */
  default <T> Callable<T> wrap(Callable<T> task) {
    return () -> {
      try (Attachment ignored = attach()) {
        return task.call();
      }
    };
  }

  /** Ends the scope on this thread (restores the previously attached scope). Never throws. */
  @Override
  void close();

  /** A scope attached to a thread; closing detaches it. */
  interface Attachment extends AutoCloseable {
    @Override
    void close();
  }
}

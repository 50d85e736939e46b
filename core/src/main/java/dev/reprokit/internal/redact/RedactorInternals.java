package dev.reprokit.internal.redact;

import dev.reprokit.redact.Redactor;
import java.util.Objects;
import java.util.function.Function;

/**
 * The bundle writer's way to a {@link Redactor}'s engine without a public method for it:
 * {@code Redactor} hands over its accessor when its class is initialised (the JDK's
 * "shared secrets" pattern). Internal: not part of the API.
 */
public final class RedactorInternals {
  private static volatile Function<Redactor, RedactionEngine> engines;

  private RedactorInternals() {}

  /** Called once, by {@code Redactor}'s static initialiser. */
  public static void install(Function<Redactor, RedactionEngine> accessor) {
    if (engines != null) {
      throw new IllegalStateException("the Redactor accessor is installed already");
    }
    engines = Objects.requireNonNull(accessor, "accessor");
  }

  /** The engine behind {@code redactor} (whose class is initialised: it is an instance). */
  public static RedactionEngine engine(Redactor redactor) {
    return engines.apply(Objects.requireNonNull(redactor, "redactor"));
  }
}

package dev.reprokit.internal;

import dev.reprokit.CaptureResult;
import dev.reprokit.Scope;
import java.util.Map;

/** A scope of a {@link DefaultRecorder}. */
final class DefaultScope implements Scope {
  private final DefaultRecorder recorder;
  private final String id;
  private final String name;
  private final Map<String, String> attributes;
  /** Sequence number when the scope opened: global events from here on belong to its bundle. */
  final long firstSeq;
  private final Attachment openedOn;

  DefaultScope(DefaultRecorder recorder, String id, String name, Map<String, String> attributes,
      long firstSeq) {
    this.recorder = recorder;
    this.id = id;
    this.name = name;
    this.attributes = attributes;
    this.firstSeq = firstSeq;
    this.openedOn = attach();
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Map<String, String> attributes() {
    return attributes;
  }

  @Override
  public CaptureResult fail(Throwable failure) {
    return recorder.scopeFailed(this, failure);
  }

  @Override
  public Attachment attach() {
    return recorder.attach(this);
  }

  @Override
  public void close() {
    recorder.scopeClosed(this);
    openedOn.close();
  }

  @Override
  public String toString() {
    return "Scope[" + name + " #" + id + "]";
  }
}

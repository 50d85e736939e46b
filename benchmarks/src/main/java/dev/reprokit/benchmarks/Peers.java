package dev.reprokit.benchmarks;

import com.p6spy.engine.spy.P6DataSource;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.listener.NoOpQueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * The peer libraries, set up the way people run them, minus the disk and the network.
 *
 * <ul>
 *   <li>p6spy 3.9.1: default options and default {@code SingleLineFormat}; the appender is
 *       {@link DiscardingP6Logger}, which formats every line and then drops it.
 *   <li>datasource-proxy 1.11.0: a proxy data source with a no-op query listener.
 *   <li>OpenTelemetry: the real SDK (always-on sampler) with a span processor that counts
 *       ended spans and drops them. That is the cost a {@code BatchSpanProcessor} puts on
 *       the application's thread, without its export thread: a lower bound of what
 *       OpenTelemetry costs in production.
 * </ul>
 */
final class Peers {
  private Peers() {}

  /** Spans ended since start, across every SDK built here; read by tests. */
  static final LongAdder SPANS_ENDED = new LongAdder();

  private static volatile OpenTelemetry openTelemetry;

  /** p6spy over {@code target}. Configures p6spy through system properties on first use. */
  static DataSource p6spy(DataSource target) {
    configureP6spy();
    return new P6DataSource(target);
  }

  static synchronized void configureP6spy() {
    // Set before p6spy reads its options; everything else stays at p6spy's defaults.
    System.setProperty("p6spy.config.appender", DiscardingP6Logger.class.getName());
  }

  /** datasource-proxy over {@code target} with a no-op listener. */
  static DataSource datasourceProxy(DataSource target) {
    return ProxyDataSourceBuilder.create("bench", target)
        .listener(new NoOpQueryExecutionListener())
        .build();
  }

  /** An OpenTelemetry SDK that records spans and drops them when they end. Shared. */
  static OpenTelemetry openTelemetry() {
    OpenTelemetry otel = openTelemetry;
    if (otel == null) {
      synchronized (Peers.class) {
        otel = openTelemetry;
        if (otel == null) {
          otel = OpenTelemetrySdk.builder()
              .setTracerProvider(SdkTracerProvider.builder()
                  .setSampler(Sampler.alwaysOn())
                  .addSpanProcessor(new CountingSpanProcessor())
                  .build())
              .build();
          openTelemetry = otel;
        }
      }
    }
    return otel;
  }

  /** Counts ended spans and drops them; nothing is exported. */
  private static final class CountingSpanProcessor implements SpanProcessor {
    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {}

    @Override
    public boolean isStartRequired() {
      return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
      SPANS_ENDED.increment();
    }

    @Override
    public boolean isEndRequired() {
      return true;
    }
  }
}

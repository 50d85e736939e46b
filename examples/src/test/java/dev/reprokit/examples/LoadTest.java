package dev.reprokit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.reprokit.Recorder;
import dev.reprokit.RecorderConfig;
import dev.reprokit.RecorderStats;
import dev.reprokit.TriggerKind;
import dev.reprokit.bundle.Bundle;
import dev.reprokit.bundle.BundleReader;
import dev.reprokit.bundle.BundleWriter;
import dev.reprokit.http.ReproHttp;
import dev.reprokit.internal.DefaultRecorder;
import dev.reprokit.jdbc.ReproJdbc;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import javax.sql.DataSource;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 32 application threads mix HTTP (classic and async) and JDBC capture against a loopback
 * server and H2 while automatic triggers (HTTP 5xx, SQL errors) and explicit captures fire.
 * No deadlock (the run must end within its time plus a minute, and the JVM must report no
 * deadlocked threads), the ring stays within its caps and the heap with it, every bundle
 * written concurrently has its own name and verifies, and storm control holds.
 *
 * <p>Runs {@value #DEFAULT_SECONDS} s by default; {@code -Psoak} (examples/pom.xml) runs it
 * for 10 minutes, or set {@code -Dreprokit.load.seconds=N}.
 */
class LoadTest {
  static final int DEFAULT_SECONDS = 8;
  static final int THREADS = 32;
  static final int MAX_EVENTS = 4_000;
  static final long MAX_BYTES = 4L * 1024 * 1024;
  static final int AUTOMATIC_PER_MINUTE = 3;
  static final int MAX_EXPLICIT = 16;
  /** Estimated size of the largest event of the workload (a 16 KiB body and its headers). */
  static final long MAX_EVENT_BYTES = 20 * 1024;

  @TempDir Path dir;
  HttpServer server;
  String base;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    byte[] small = "{\"ok\":true,\"items\":[1,2,3]}".getBytes(StandardCharsets.UTF_8);
    byte[] big = new byte[16 * 1024];
    Arrays.fill(big, (byte) 'b');
    server.createContext("/ok", ex -> reply(ex, 200, small));
    server.createContext("/big", ex -> reply(ex, 200, big));
    server.createContext("/fail", ex -> reply(ex, 500, "{\"error\":\"busy\"}"
        .getBytes(StandardCharsets.UTF_8)));
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static void reply(com.sun.net.httpserver.HttpExchange ex, int status, byte[] body)
      throws IOException {
    ex.getRequestBody().readAllBytes();
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
    ((ExecutorService) server.getExecutor()).shutdownNow();
  }

  private static DataSource database() throws SQLException {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:load" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
      s.execute("create table account(id int primary key, owner varchar(40), balance"
          + " decimal(12,2))");
      for (int i = 0; i < 100; i++) {
        s.execute("insert into account values (" + i + ", 'owner-" + i + "', " + i * 10 + ")");
      }
      s.execute("create table audit(id bigint auto_increment primary key, note varchar(80))");
    }
    return h2;
  }

  private static long usedHeapAfterGc(MemoryMXBean memory) {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  @Test
  void thirtyTwoThreadsOfHttpAndJdbcCaptureWithTriggersFiring() throws Exception {
    Duration duration = Duration.ofSeconds(Long.getLong("reprokit.load.seconds",
        DEFAULT_SECONDS));
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long heapBefore = usedHeapAfterGc(memory);
    RecorderConfig config = RecorderConfig.builder()
        .bundleDirectory(dir)
        .maxEvents(MAX_EVENTS)
        .maxBytes(MAX_BYTES)
        .maxBundlesKept(100_000)
        .maxDirectoryBytes(Long.MAX_VALUE / 2)
        .maxAutomaticBundlesPerMinute(AUTOMATIC_PER_MINUTE)
        .build();
    DefaultRecorder recorder = (DefaultRecorder) Recorder.create(config);
    DataSource ds = ReproJdbc.wrap(database(), recorder);
    CloseableHttpClient classic = ReproHttp.capture(HttpClients.custom()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnTotal(64).setMaxConnPerRoute(64).build()), recorder).build();
    CloseableHttpAsyncClient async = ReproHttp.capture(HttpAsyncClients.custom()
        .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
            .setMaxConnTotal(64).setMaxConnPerRoute(64).build()), recorder).build();
    async.start();

    AtomicLong operations = new AtomicLong();
    AtomicInteger explicit = new AtomicInteger();
    ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
    LongAccumulator maxEvents = new LongAccumulator(Math::max, 0);
    LongAccumulator maxBytes = new LongAccumulator(Math::max, 0);
    long deadline = System.nanoTime() + duration.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
    pool.execute(() -> { // the monitor
      while (System.nanoTime() < deadline) {
        RecorderStats s = recorder.stats();
        maxEvents.accumulate(s.retainedEvents());
        maxBytes.accumulate(s.retainedBytes());
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      pool.execute(() -> {
        Random random = new Random(thread);
        while (System.nanoTime() < deadline) {
          int op = random.nextInt(100);
          try {
            work(op, random, classic, async, ds, recorder, explicit, wrong);
          } catch (Throwable e) {
            wrong.add("thread " + thread + " op " + op + ": " + e);
          }
          operations.incrementAndGet();
        }
      });
    }
    pool.shutdown();
    boolean finished = pool.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] deadlocked = threads.findDeadlockedThreads();
    if (!finished || deadlocked != null) {
      StringBuilder dump = new StringBuilder();
      for (ThreadInfo info : threads.dumpAllThreads(true, true)) {
        dump.append(info);
      }
      System.out.println(dump);
    }
    assertThat(finished).as("all workers ended: no deadlock, no hang").isTrue();
    assertThat(deadlocked).as("deadlocked threads").isNull();
    assertThat(recorder.awaitBackgroundWrites(60, TimeUnit.SECONDS)).isTrue();
    classic.close();
    async.close();
    RecorderStats stats = recorder.stats();
    long heapDuring = usedHeapAfterGc(memory);
    System.out.printf("load: %d s, %d threads, %d operations, %s%n  max retained %d events /"
            + " %d bytes (caps %d / %d); heap after GC %d MiB -> %d MiB%n",
        duration.toSeconds(), THREADS, operations.get(), stats, maxEvents.get(), maxBytes.get(),
        MAX_EVENTS, MAX_BYTES, heapBefore >> 20, heapDuring >> 20);

    assertThat(wrong).as("the application saw what it expected").isEmpty();
    assertThat(stats.internalFailures()).as("no fault inside ReproKit").isZero();
    assertThat(maxEvents.get()).isLessThanOrEqualTo(MAX_EVENTS);
    // The byte cap is enforced right after each put, without a lock: puts in flight on other
    // threads can overshoot it for a moment, by at most one event each.
    assertThat(maxBytes.get()).as("retained bytes: the cap plus at most one event per thread")
        .isLessThanOrEqualTo(MAX_BYTES + THREADS * MAX_EVENT_BYTES);
    assertThat(heapDuring - heapBefore).as("heap retained by the recorder stays near its cap")
        .isLessThan(4 * MAX_BYTES + 32L * 1024 * 1024);
    assertThat(stats.eventsEvicted()).as("the ring filled up and evicted").isPositive();

    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> all = Files.newDirectoryStream(dir, "*" + BundleWriter.SUFFIX)) {
      all.forEach(files::add);
    }
    Set<String> ids = new HashSet<>();
    int automatic = 0;
    for (Path file : files) {
      Bundle bundle = BundleReader.create().read(file);
      ids.add(bundle.manifest().bundleId());
      if (bundle.manifest().trigger().kind() != TriggerKind.EXPLICIT) {
        automatic++;
      }
    }
    assertThat(files).as("one file per bundle written, none overwritten")
        .hasSize((int) stats.bundlesWritten());
    assertThat(ids).hasSize(files.size());
    assertThat(explicit.get()).isPositive();
    long minutes = Math.max(1, (duration.toSeconds() + 59) / 60);
    assertThat(automatic).as("storm control: automatic bundles per minute")
        .isPositive().isLessThanOrEqualTo((int) (AUTOMATIC_PER_MINUTE * (minutes + 1)));
    assertThat(stats.bundlesSuppressed()).as("storm control suppressed the rest").isPositive();
    recorder.close();
  }

  private void work(int op, Random random, CloseableHttpClient classic,
      CloseableHttpAsyncClient async, DataSource ds, Recorder recorder, AtomicInteger explicit,
      ConcurrentLinkedQueue<String> wrong) throws Exception {
    if (op < 30) {
      int code = classic.execute(new HttpGet(base + "/ok"), r -> {
        EntityUtils.consume(r.getEntity());
        return r.getCode();
      });
      expect(wrong, "classic /ok", code, 200);
    } else if (op < 38) {
      int length = classic.execute(new HttpGet(base + "/big"),
          r -> EntityUtils.toByteArray(r.getEntity()).length);
      expect(wrong, "classic /big", length, 16 * 1024);
    } else if (op < 42) {
      int code = classic.execute(new HttpGet(base + "/fail"), r -> {
        EntityUtils.consume(r.getEntity());
        return r.getCode();
      });
      expect(wrong, "classic /fail", code, 500);
    } else if (op < 56) {
      SimpleHttpResponse r = async.execute(SimpleRequestBuilder.get(base + "/ok").build(), null)
          .get(30, TimeUnit.SECONDS);
      expect(wrong, "async /ok", r.getCode(), 200);
    } else if (op < 59) {
      SimpleHttpResponse r = async.execute(SimpleRequestBuilder.get(base + "/fail").build(),
          null).get(30, TimeUnit.SECONDS);
      expect(wrong, "async /fail", r.getCode(), 500);
    } else if (op < 82) {
      int id = random.nextInt(100);
      try (Connection c = ds.getConnection();
          PreparedStatement ps = c.prepareStatement("select owner, balance from account"
              + " where id = ?")) {
        ps.setInt(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          expect(wrong, "select", rs.next() && rs.getString(1).equals("owner-" + id) ? 1 : 0, 1);
        }
      }
    } else if (op < 94) {
      try (Connection c = ds.getConnection();
          PreparedStatement ps = c.prepareStatement("insert into audit(note) values (?)")) {
        ps.setString(1, "note " + random.nextInt());
        expect(wrong, "insert", ps.executeUpdate(), 1);
      }
    } else if (op < 98) {
      try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
        s.executeQuery("select * from missing_table");
        wrong.add("bad SQL did not fail");
      } catch (SQLException expected) {
        expect(wrong, "bad SQL state", expected.getSQLState().equals("42S02") ? 1 : 0, 1);
      }
    } else if (explicit.incrementAndGet() <= MAX_EXPLICIT) {
      expect(wrong, "explicit capture", recorder.capture("load checkpoint").written() ? 1 : 0,
          1);
    }
  }

  private static void expect(ConcurrentLinkedQueue<String> wrong, String what, int actual,
      int expected) {
    if (actual != expected) {
      wrong.add(what + ": expected " + expected + " but was " + actual);
    }
  }
}

package io.nolambda.cli.bench;

import com.datastax.driver.core.Cluster;
import com.datastax.driver.core.Row;
import com.datastax.driver.core.Session;
import io.nolambda.events.AssetAction;
import io.nolambda.events.AssetEvent;
import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.io.cassandra.CassandraConnection;
import io.nolambda.io.kafka.CityEventProducer;
import io.nolambda.io.kafka.TopicAdmin;
import io.nolambda.testing.services.ServiceEndpoints;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * End-to-end latency of the trends pipeline streaming on a runner: asset views are produced live
 * (event time = send time) at a fixed rate into a one-partition topic, so none is ever late and
 * the watermark may trail by zero; each serving row's Cassandra write time (WRITETIME, the
 * writer's clock on this machine) minus the send time of each view its window counted is that
 * view's latency. A trickle of views first waits for the job's first row; then {@code warmUp}
 * seconds at the full rate are not measured.
 */
public final class LatencyBench {
  /** The outcome: views measured, their latency percentiles in seconds, the rate actually sent. */
  public record Latency(String runner, long events, double sentPerSecond, long windowSeconds, double p50, double p99,
      double max) {
    public static final List<String> HEADER =
        List.of("pipeline", "runner", "mode", "events", "sent_per_s", "window_s", "p50_s", "p99_s", "max_s");

    public List<String> cells() {
      return List.of("trends", runner, "streaming", Long.toString(events), String.format("%.1f", sentPerSecond),
          Long.toString(windowSeconds), String.format("%.3f", p50), String.format("%.3f", p99), String.format("%.3f", max));
    }
  }

  private static final String PREFIX = "latency-";
  private static final String KEYSPACE = "nolambda_latency";
  private static final int ASSETS = 500;
  private static final long WINDOW_SECONDS = 5;
  private static final long ROWS_TIMEOUT_SECONDS = 300;

  private final Path home;
  private final Path workDir;
  private final PrintStream progress;

  public LatencyBench(Path home, Path workDir, PrintStream progress) {
    this.home = home;
    this.workDir = workDir;
    this.progress = progress;
  }

  public Latency run(ServiceEndpoints services, RunnerJvm runner, int rate, int seconds, int warmUp)
      throws IOException, InterruptedException {
    try (TopicAdmin admin = TopicAdmin.connect(services.kafkaBootstrap())) {
      admin.createEventTopics(PREFIX, 1, TopicAdmin.RETAIN_FOREVER);
    }
    Path log = workDir.resolve("latency-" + runner.label() + ".log");
    Process job = runner.start(home, List.of("--pipeline=trends", "--mode=streaming", "--source=kafka",
        "--topicPrefix=" + PREFIX, "--kafkaGroupId=" + PREFIX + "group", "--kafkaBootstrap=" + services.kafkaBootstrap(),
        "--maxEventDelaySeconds=0", "--archiveEvents=false", "--trendWindowSeconds=" + WINDOW_SECONDS,
        "--cassandraHosts=" + services.cassandraHost(), "--cassandraPort=" + services.cassandraPort(),
        "--cassandraLocalDc=" + services.localDatacenter(), "--cassandraKeyspace=" + KEYSPACE,
        "--cassandraUsername=" + services.credentials().username(),
        "--cassandraPassword=" + services.credentials().password()), log, RunnerJvm.DEFAULT_HEAP);
    try {
      progress.printf("latency: %s job starting (log %s); sending %,d views/s for %d s, the first %d s unmeasured%n",
          runner.label(), log, rate, seconds + warmUp, warmUp);
      awaitFirstRow(services, job, log);
      long measureFrom = System.currentTimeMillis() + warmUp * 1000L;
      Map<Long, long[]> sentPerWindow = new HashMap<>(); // window start -> send times of its views
      long[] sent = send(services, rate, seconds + warmUp, sentPerWindow, measureFrom);
      double sentPerSecond = sent[0] / ((sent[1] - sent[2]) / 1e3);
      progress.printf("latency: sent %,d views at %.0f/s; waiting for the measured windows' rows%n", sent[0],
          sentPerSecond);
      return measure(services, runner, sentPerWindow, sentPerSecond);
    } finally {
      job.destroyForcibly();
      job.waitFor(30, TimeUnit.SECONDS);
    }
  }

  /**
   * Sends views paced at {@code rate} (each stamped with its send time) and records the send times
   * of those at or after {@code measureFrom} by window; one more window's worth follows so that the
   * last measured window closes.
   *
   * @return {views sent, time of the last, time of the first}
   */
  private long[] send(ServiceEndpoints services, int rate, int seconds, Map<Long, long[]> sentPerWindow,
      long measureFrom) {
    long window = WINDOW_SECONDS * 1000;
    long total = (long) rate * seconds;
    Map<Long, Integer> filled = new HashMap<>();
    long first = System.currentTimeMillis();
    long last = first;
    try (CityEventProducer producer = new CityEventProducer(services.kafkaBootstrap(), PREFIX)) {
      long start = System.nanoTime();
      for (long i = 0; i < total; i++) {
        long due = start + i * 1_000_000_000L / rate;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        last = System.currentTimeMillis();
        producer.send(view("v" + i, (int) (i * 7919 % ASSETS), last));
        long windowStart = Math.floorDiv(last, window) * window;
        if (last >= measureFrom && windowStart + window <= first + seconds * 1000L - window) {
          long[] times = sentPerWindow.computeIfAbsent(windowStart, w -> new long[(int) (rate * WINDOW_SECONDS * 2)]);
          int n = filled.merge(windowStart, 1, Integer::sum);
          times[n - 1] = last;
        }
      }
    }
    sentPerWindow.replaceAll((w, times) -> Arrays.copyOf(times, filled.get(w)));
    return new long[] {total, last, first};
  }

  /**
   * Sends a trickle of views of one asset (50 a second, enough to rank it) until the job has written
   * a trending row, so that the measured traffic finds a job that runs end to end, not one starting.
   */
  private void awaitFirstRow(ServiceEndpoints services, Process job, Path log) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ROWS_TIMEOUT_SECONDS);
    try (CityEventProducer producer = new CityEventProducer(services.kafkaBootstrap(), PREFIX);
        Cluster cluster = connection(services).cluster(); Session session = cluster.connect()) {
      for (long i = 0; System.nanoTime() < deadline; i++) {
        if (!job.isAlive()) {
          throw new IllegalStateException("the job ended (exit " + job.exitValue() + "); see " + log);
        }
        producer.send(view("ready-" + i, ASSETS, System.currentTimeMillis()));
        producer.flush();
        Thread.sleep(20);
        if (i % 50 == 0 && hasRows(session)) {
          progress.printf("latency: the job wrote its first row; %d s of warm-up at the full rate follow%n", i / 50);
          return;
        }
      }
    }
    throw new IllegalStateException("no trending row " + ROWS_TIMEOUT_SECONDS + " s after the job started; see " + log);
  }

  private static boolean hasRows(Session session) {
    try {
      return session.execute("SELECT window_start FROM " + KEYSPACE + ".trending LIMIT 1").one() != null;
    } catch (com.datastax.driver.core.exceptions.DriverException notYetCreated) {
      return false; // the job creates the table when it starts
    }
  }

  /** A view of asset number {@code asset} (os and region follow from it), stamped {@code time}. */
  private static CityEvent view(String id, int asset, long time) {
    return CityEvents.of(AssetEvent.newBuilder().setEventId(id).setEventTime(time).setAssetId("asset-" + asset)
        .setAction(AssetAction.VIEW).setOs(asset % 3 == 0 ? "ios" : "android").setRegion("region-" + asset % 4).build());
  }

  private static CassandraConnection connection(ServiceEndpoints services) {
    return new CassandraConnection(List.of(services.cassandraHost()), services.cassandraPort(),
        services.localDatacenter(), services.credentials().username(), services.credentials().password());
  }

  /**
   * Waits (up to {@link #ROWS_TIMEOUT_SECONDS}) until every measured window has its rows: a job
   * that cannot keep up with the rate writes them late, and the latencies show it.
   */
  private Latency measure(ServiceEndpoints services, RunnerJvm runner, Map<Long, long[]> sentPerWindow,
      double sentPerSecond) throws InterruptedException {
    Map<Long, Long> written = new HashMap<>(); // window start -> last write (millis) of its rows
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ROWS_TIMEOUT_SECONDS);
    try (Cluster cluster = connection(services).cluster(); Session session = cluster.connect()) {
      while (!written.keySet().containsAll(sentPerWindow.keySet()) && System.nanoTime() < deadline) {
        Thread.sleep(1000);
        written.clear();
        for (Row row : session.execute("SELECT window_start, WRITETIME(score) FROM " + KEYSPACE + ".trending")) {
          written.merge(row.getLong(0), row.getLong(1) / 1000, Math::max);
        }
      }
    }
    long missing = sentPerWindow.keySet().stream().filter(w -> !written.containsKey(w)).count();
    if (missing > 0) {
      throw new IllegalStateException(missing + " of " + sentPerWindow.size() + " measured windows had no trending"
          + " rows " + ROWS_TIMEOUT_SECONDS + " s after the last send: the job is far behind the rate");
    }
    List<Double> latencies = new ArrayList<>();
    sentPerWindow.forEach((window, times) -> {
      for (long time : times) {
        latencies.add((written.get(window) - time) / 1e3);
      }
    });
    double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return new Latency(runner.label(), sorted.length, sentPerSecond, WINDOW_SECONDS, percentile(sorted, 0.50),
        percentile(sorted, 0.99), sorted[sorted.length - 1]);
  }

  private static double percentile(double[] sorted, double q) {
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  }
}

package io.nolambda.testing.equivalence;

import com.datastax.driver.core.Cluster;
import com.datastax.driver.core.Session;
import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.io.cassandra.CassandraConnection;
import io.nolambda.io.cassandra.CassandraOptions;
import io.nolambda.io.kafka.CityEventProducer;
import io.nolambda.pipelines.PipelineCatalog;
import io.nolambda.pipelines.RunPipeline;
import io.nolambda.pipelines.StreamingJobs;
import io.nolambda.testing.services.ServiceEndpoints;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.PipelineResult;
import org.apache.commons.io.file.PathUtils;

/**
 * The lambda-free promise as a test: the same events run through a pipeline live (produced to
 * Kafka, {@code --mode=streaming}, which also archives them) and then as a backfill from that
 * archive ({@code --mode=reprocess --source=archive}); the serving rows of both runs, read back
 * from Cassandra, must be the same (doubles to a relative tolerance).
 *
 * <p>To let the live run's last windows close without waiting out their length in wall-clock
 * time, one sentinel event per kind, a copy of the kind's last event moved to half an hour plus
 * the live run's event delay after the {@code cutoff}, is produced after the data: the watermark
 * moves past every window before the cutoff (the start of the second hour, or
 * {@link #withCutoffUnit cutoff unit}, after the last event), the backfill computes [.., cutoff),
 * and rows whose time (window start, day or event time) is from the cutoff on are left out of the
 * comparison.
 */
public final class StreamBackfillEquivalence {
  /** How far the live run's watermark trails the newest event (--maxEventDelaySeconds), by default. */
  private static final long EVENT_DELAY_MILLIS = 5_000L;

  private final PipelineCatalog pipeline;
  private final ServiceEndpoints services;
  private final List<String> tables;
  private final List<String> runnerArgs;
  private final List<String> streamingArgs;
  private final List<String> pipelineArgs;
  private final Duration timeout;
  private final Duration cutoffUnit;
  /** The live run's watermark trails by more than the data's span (else by {@link #EVENT_DELAY_MILLIS}). */
  private final boolean everyEventOnTime;

  private StreamBackfillEquivalence(PipelineCatalog pipeline, ServiceEndpoints services, List<String> tables,
      List<String> runnerArgs, List<String> streamingArgs, List<String> pipelineArgs, Duration timeout,
      Duration cutoffUnit, boolean everyEventOnTime) {
    this.pipeline = pipeline;
    this.services = services;
    this.tables = List.copyOf(tables);
    this.runnerArgs = List.copyOf(runnerArgs);
    this.streamingArgs = List.copyOf(streamingArgs);
    this.pipelineArgs = List.copyOf(pipelineArgs);
    this.timeout = timeout;
    this.cutoffUnit = cutoffUnit;
    this.everyEventOnTime = everyEventOnTime;
  }

  /**
   * On the DirectRunner by default, without its per-element immutability and encodability checks:
   * in a streaming run they dominate the time (the transforms' own tests keep them on).
   * {@code tables} are the serving tables to compare.
   */
  public static StreamBackfillEquivalence of(PipelineCatalog pipeline, ServiceEndpoints services, String... tables) {
    return new StreamBackfillEquivalence(pipeline, services, List.of(tables), List.of("--runner=DirectRunner",
        "--enforceImmutability=false", "--enforceEncodability=false"), List.of("--blockOnRun=false"), List.of(),
        Duration.ofMinutes(4), Duration.ofHours(1), false);
  }

  /** The runner, and what its streaming run needs so that {@code run()} returns (e.g. detached). */
  public StreamBackfillEquivalence withRunner(List<String> runner, List<String> streaming) {
    return new StreamBackfillEquivalence(pipeline, services, tables, runner, streaming, pipelineArgs, timeout,
        cutoffUnit, everyEventOnTime);
  }

  /** The pipeline's own options (window sizes, --gtfs, ...), the same for both runs. */
  public StreamBackfillEquivalence withPipelineArgs(List<String> args) {
    return new StreamBackfillEquivalence(pipeline, services, tables, runnerArgs, streamingArgs, args, timeout,
        cutoffUnit, everyEventOnTime);
  }

  /** How long to wait for the live run's archive and rows (default 4 minutes). */
  public StreamBackfillEquivalence withTimeout(Duration value) {
    return new StreamBackfillEquivalence(pipeline, services, tables, runnerArgs, streamingArgs, pipelineArgs, value,
        cutoffUnit, everyEventOnTime);
  }

  /**
   * The cutoff is the start of the second such unit after the last event (default an hour): a day
   * for pipelines with daily rows (transit's correlation), so that no compared row saw a sentinel.
   */
  public StreamBackfillEquivalence withCutoffUnit(Duration value) {
    return new StreamBackfillEquivalence(pipeline, services, tables, runnerArgs, streamingArgs, pipelineArgs, timeout,
        value, everyEventOnTime);
  }

  /**
   * The live run's watermark trails the newest event by more than the data's span (instead of 5 s),
   * so that no event can be late: for Spark, which has no allowed lateness (README, runner limits).
   */
  public StreamBackfillEquivalence withEveryEventOnTime() {
    return new StreamBackfillEquivalence(pipeline, services, tables, runnerArgs, streamingArgs, pipelineArgs, timeout,
        cutoffUnit, true);
  }

  /** What both runs wrote, per table, and how they differ (empty when equivalent). */
  public record Outcome(Map<String, List<Map<String, Object>>> streamed, Map<String, List<Map<String, Object>>> backfilled,
      List<String> differences) {}

  /** @param name unique per call: names the topics and keyspaces */
  public Outcome run(String name, List<CityEvent> events) throws IOException, InterruptedException {
    long first = events.stream().mapToLong(CityEvents::eventTime).min().orElseThrow();
    long last = events.stream().mapToLong(CityEvents::eventTime).max().orElseThrow();
    long cutoff = Sentinels.cutoff(events, cutoffUnit);
    long delay = everyEventOnTime ? last - first + 10_000 : EVENT_DELAY_MILLIS;
    String prefix = name + "-";
    String streamKeyspace = name + "_stream";
    String backfillKeyspace = name + "_backfill";
    try (CityEventProducer producer = new CityEventProducer(services.kafkaBootstrap(), prefix)) {
      events.forEach(producer::send);
      Sentinels.closing(events, pipeline.kinds(), cutoff, delay).forEach(producer::send);
    }
    RunPipeline.Job live = job(streamKeyspace, streamKeyspace, List.of("--mode=streaming", "--source=kafka",
        "--topicPrefix=" + prefix, "--kafkaGroupId=" + prefix + "group", "--maxEventDelaySeconds=" + (delay + 999) / 1000), streamingArgs);
    PipelineResult stream = live.start();
    try (Cluster cluster = CassandraConnection.fromOptions(live.options().as(CassandraOptions.class)).cluster();
        Session session = cluster.connect()) {
      ArchivedEvents.await(session, streamKeyspace, events, pipeline.kinds(), cutoff, timeout);
      // the live run's dead letters go to the dead-letters topic, the backfill's to files: not the working
      // directory's but a temp dir, deleted (tree and all) once the backfill has ended, however it ended
      Path deadLetters = Files.createTempDirectory("nolambda-" + name + "-dead-letters");
      try (Closeable deleteDeadLetters = () -> PathUtils.deleteDirectory(deadLetters)) {
        RunPipeline.Job backfill = job(backfillKeyspace, streamKeyspace, List.of("--mode=reprocess",
            "--source=archive", "--to=" + Instant.ofEpochMilli(cutoff)), List.of("--deadLetterDir=" + deadLetters));
        PipelineResult.State end = backfill.start().waitUntilFinish();
        if (end != PipelineResult.State.DONE) {
          throw new IllegalStateException("the backfill ended " + end);
        }
      }
      Map<String, List<Map<String, Object>>> backfilled = read(session, backfillKeyspace, cutoff);
      Map<String, List<Map<String, Object>>> streamed = Map.of();
      List<String> differences = List.of("nothing compared yet");
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!differences.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(2000);
        streamed = read(session, streamKeyspace, cutoff);
        differences = compare(backfilled, streamed);
      }
      return new Outcome(streamed, backfilled, differences);
    } finally {
      StreamingJobs.cancelAndWait(stream, org.joda.time.Duration.standardSeconds(30));
    }
  }

  private RunPipeline.Job job(String keyspace, String archiveKeyspace, List<String> mode, List<String> extra) {
    List<String> args = new ArrayList<>(runnerArgs);
    args.addAll(extra);
    args.addAll(pipelineArgs);
    args.addAll(mode);
    args.addAll(List.of("--pipeline=" + pipeline.pipelineName(), "--kafkaBootstrap=" + services.kafkaBootstrap(),
        "--cassandraHosts=" + services.cassandraHost(), "--cassandraPort=" + services.cassandraPort(),
        "--cassandraLocalDc=" + services.localDatacenter(), "--cassandraKeyspace=" + keyspace,
        "--archiveKeyspace=" + archiveKeyspace));
    RunPipeline.Job job = RunPipeline.parse(args.toArray(String[]::new));
    CassandraOptions cassandra = job.options().as(CassandraOptions.class);
    cassandra.setCassandraUsername(services.credentials().username());
    cassandra.setCassandraPassword(services.credentials().password());
    return job;
  }

  private Map<String, List<Map<String, Object>>> read(Session session, String keyspace, long cutoff) {
    Map<String, List<Map<String, Object>>> rows = new TreeMap<>();
    for (String table : tables) {
      try {
        rows.put(table, ServingRows.read(session, keyspace, table, cutoff));
      } catch (com.datastax.driver.core.exceptions.DriverException notYetCreated) {
        rows.put(table, List.of()); // as above; compared again until the timeout
      }
    }
    return rows;
  }

  private static List<String> compare(Map<String, List<Map<String, Object>>> expected,
      Map<String, List<Map<String, Object>>> actual) {
    List<String> diffs = new ArrayList<>();
    expected.forEach((table, rows) -> {
      if (rows.isEmpty()) {
        diffs.add(table + ": the backfill wrote no rows");
      }
      ServingRows.differences(rows, actual.get(table), 1e-9).forEach(d -> diffs.add(table + ": " + d));
    });
    return diffs;
  }
}

package io.nolambda.pipelines.eventcounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.driver.core.Cluster;
import com.datastax.driver.core.Session;
import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.events.EventJson;
import io.nolambda.io.archive.ArchiveReader;
import io.nolambda.io.archive.EventArchive;
import io.nolambda.io.cassandra.CassandraConnection;
import io.nolambda.io.kafka.CityEventProducer;
import io.nolambda.pipelines.StreamingJobs;
import io.nolambda.testing.services.ServiceEndpoints;
import io.nolambda.testing.services.WithLocalServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner proof: the same event-count pipeline, unchanged, in batch (files) and streaming
 * (Kafka, unbounded) mode, writing to the real Cassandra. Each runner module extends this with
 * its runner's options; every run must leave exactly the rows computed here independently.
 */
@WithLocalServices
public abstract class RunnerProofContract {
  private static final Duration STREAMING_TIMEOUT = Duration.ofMinutes(4);
  /** Simulated city time of the batch run, and of the streaming run unless a runner needs less. */
  private static final Duration SPAN = Duration.ofMinutes(6);

  /** Runner options, e.g. {@code --runner=FlinkRunner}. */
  protected abstract List<String> runnerArgs();

  /** Extra options for an unbounded (streaming) run on this runner. */
  protected abstract List<String> streamingArgs();

  /** How far behind the newest event the watermark stays in the streaming run. */
  protected long maxEventDelaySeconds() {
    return 5;
  }

  /** How much simulated city time the streaming run replays. */
  protected Duration streamingSpan() {
    return SPAN;
  }

  /** The window of the streaming run ({@code --windowSeconds}). */
  protected Duration streamingWindow() {
    return Duration.ofMinutes(1);
  }

  /** A short lower-case name for keyspaces and topics of this runner. */
  protected abstract String runnerName();

  @Test
  void batchFromFilesWritesExactlyTheExpectedRows(ServiceEndpoints services, @TempDir Path dir) throws IOException {
    List<CityEvent> events = ProofEvents.generate(SPAN);
    Path file = dir.resolve("events.jsonl");
    List<String> lines = new ArrayList<>(events.stream().map(EventJson::encode).toList());
    lines.add(lines.get(0)); // a duplicate delivery: counted once
    lines.add("{\"kind\":\"BusPosition\",\"event_id\":"); // corrupt: a dead letter, not a failure
    Files.write(file, lines);
    String keyspace = "proof_" + runnerName() + "_batch";

    EventCountOptions options = options(services, keyspace, List.of(
        "--source=file:" + file, "--deadLetterDir=" + dir.resolve("dead")));
    EventCountPipeline.create(options).run().waitUntilFinish();

    assertThat(EventCountTable.readAll(CassandraConnection.fromOptions(options), keyspace)).isEqualTo(EventCountLoop.count(events, 60_000));
    try (Stream<Path> dead = Files.list(dir.resolve("dead"))) {
      List<String> deadLines = dead.flatMap(RunnerProofContract::lines).toList();
      assertThat(deadLines).singleElement().asString()
          .contains("\"reason\":\"UNPARSABLE_LINE\"").contains("\"offset\":" + lines.size());
    }
  }

  @Test
  void streamingFromKafkaConvergesToExactlyTheExpectedRows(ServiceEndpoints services) throws Exception {
    List<CityEvent> events = ProofEvents.generate(streamingSpan());
    List<EventCount> expected = EventCountLoop.count(events, streamingWindow().toMillis());
    String prefix = "proof-" + runnerName() + "-";
    try (CityEventProducer producer = new CityEventProducer(services.kafkaBootstrap(), prefix)) {
      events.forEach(producer::send);
      producer.send(events.get(0)); // a duplicate delivery: counted once
    }
    String keyspace = "proof_" + runnerName() + "_streaming";
    List<String> args = new ArrayList<>(List.of("--source=kafka", "--topicPrefix=" + prefix,
        "--kafkaBootstrap=" + services.kafkaBootstrap(), "--kafkaGroupId=" + prefix + "group",
        "--maxEventDelaySeconds=" + maxEventDelaySeconds(), "--windowSeconds=" + streamingWindow().toSeconds(),
        "--streaming=true", "--archiveKeyspace=" + keyspace));
    args.addAll(streamingArgs());

    EventCountOptions options = options(services, keyspace, args);
    PipelineResult result = EventCountPipeline.create(options).run();
    List<EventCount> rows;
    String counters = "";
    try {
      rows = EventCountTable.awaitRows(CassandraConnection.fromOptions(options), keyspace,
          expected, STREAMING_TIMEOUT);
      awaitArchived(CassandraConnection.fromOptions(options), keyspace, events);
    } finally {
      counters = counters(result); // read before cancel: Flink's embedded cluster is gone after it
      StreamingJobs.cancelAndWait(result, org.joda.time.Duration.standardSeconds(30));
    }
    assertThat(rows).as("serving rows (job counters: %s)", counters).isEqualTo(expected);
  }

  /** The live run also archived every raw event (the duplicate delivery included). */
  private static void awaitArchived(CassandraConnection connection, String keyspace, List<CityEvent> events)
      throws InterruptedException {
    Map<String, Long> expected = events.stream()
        .collect(Collectors.groupingBy(e -> EventArchive.dataset(CityEvents.kind(e)), TreeMap::new, Collectors.counting()));
    try (Cluster cluster = connection.cluster(); Session session = cluster.connect()) {
      // every row, not distinct ids: a redelivered event must be stored once (the proof sends one)
      assertThat(ArchiveReader.awaitRowsPerDataset(session, keyspace, expected, Long.MAX_VALUE, STREAMING_TIMEOUT))
          .as("events archived per dataset").isEqualTo(expected);
    }
  }

  /** Every counter of a job, so that a mismatch shows e.g. what a runner dropped as late. */
  private static String counters(PipelineResult job) {
    try {
      StringBuilder all = new StringBuilder();
      for (MetricResult<Long> c : job.metrics().queryMetrics(MetricsFilter.builder().build()).getCounters()) {
        all.append('\n').append(c.getKey()).append(" = ").append(c.getAttempted());
      }
      return all.toString();
    } catch (RuntimeException e) {
      return "unavailable (" + e + ")";
    }
  }

  private EventCountOptions options(ServiceEndpoints services, String keyspace, List<String> extra) {
    List<String> args = new ArrayList<>(runnerArgs());
    args.addAll(extra);
    args.addAll(List.of("--cassandraHosts=" + services.cassandraHost(),
        "--cassandraPort=" + services.cassandraPort(), "--cassandraKeyspace=" + keyspace,
        "--cassandraLocalDc=" + services.localDatacenter()));
    EventCountOptions options = PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).as(EventCountOptions.class);
    options.setCassandraUsername(services.credentials().username());
    options.setCassandraPassword(services.credentials().password());
    return options;
  }

  private static Stream<String> lines(Path p) {
    try {
      return Files.readAllLines(p).stream();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

package io.nolambda.runners.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.driver.core.Cluster;
import com.datastax.driver.core.Session;
import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.io.cassandra.CassandraConnection;
import io.nolambda.io.cassandra.CassandraOptions;
import io.nolambda.io.kafka.CityEventProducer;
import io.nolambda.io.kafka.TopicAdmin;
import io.nolambda.pipelines.PipelineCatalog;
import io.nolambda.pipelines.RunPipeline;
import io.nolambda.testing.equivalence.ArchivedEvents;
import io.nolambda.testing.equivalence.EquivalenceCities;
import io.nolambda.testing.equivalence.Sentinels;
import io.nolambda.testing.equivalence.ServingRows;
import io.nolambda.testing.services.ServiceEndpoints;
import io.nolambda.testing.services.WithLocalServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.beam.sdk.PipelineResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restart after kill -9: the parking pipeline streams from Kafka on Flink (checkpoints every 2 s to
 * a file-system state backend) in a JVM of its own while the city is produced at a steady rate. The
 * JVM is killed with SIGKILL three times, at three different points of the run, and each time
 * started again from its latest completed checkpoint (Flink's execution.savepoint.path). The
 * serving rows in the end are exactly those of an uninterrupted computation over the same topic
 * (a reprocess run), and the archive holds every raw event exactly once.
 */
@WithLocalServices
class FlinkKillAndRestoreTest {
  private static final int EVENTS_PER_SECOND = 40;
  private static final int EVENT_DELAY_SECONDS = 5;
  private static final Duration TIMEOUT = Duration.ofMinutes(3);
  private static final String PREFIX = "restart-";
  private static final String LIVE = "restart_live";
  private static final String REFERENCE = "restart_reference";

  @Test
  void killedThreeTimesAndRestoredFromCheckpointsItWritesTheRowsOfAnUninterruptedRun(ServiceEndpoints services,
      @TempDir Path dir) throws Exception {
    List<CityEvent> events = EquivalenceCities.parking().events().stream().sorted(CityEvents.ORDER).toList();
    long cutoff = Sentinels.cutoff(events, Duration.ofHours(1));
    Path checkpoints = Files.createDirectories(dir.resolve("checkpoints"));
    Path log = dir.resolve("pipeline.log");
    try (TopicAdmin admin = TopicAdmin.connect(services.kafkaBootstrap())) {
      admin.createEventTopics(PREFIX, 2, TopicAdmin.RETAIN_FOREVER);
    }
    CompletableFuture<Void> producing = CompletableFuture.runAsync(() -> produceSteadily(services, events));
    List<String> killedAt = new ArrayList<>();
    PipelineProcess job = PipelineProcess.start(liveArgs(services, checkpoints, null), log);
    try (Cluster cluster = cluster(services); Session session = cluster.connect()) {
      List<KillPoint> killPoints = List.of(
          new KillPoint("first checkpoint", () -> true), // before the windows had time to close
          new KillPoint("mid-run", () -> rows(session).size() > 10), // once rows are being written
          new KillPoint("all produced", producing::isDone));
      Path restoredFrom = null;
      for (KillPoint point : killPoints) { // each time from a checkpoint newer than the last restore's
        awaitCheckpointAfter(checkpoints, restoredFrom, job, point.ready());
        Restarted restarted = killAndRestore(job, services, checkpoints, dir, log);
        job = restarted.job();
        restoredFrom = restarted.from();
        killedAt.add(restoredFrom.getFileName() + " (" + point.label() + "), " + rows(session).size() + " rows");
      }
      producing.join();
      try (CityEventProducer producer = new CityEventProducer(services.kafkaBootstrap(), PREFIX)) {
        Sentinels.closing(events, PipelineCatalog.PARKING.kinds(), cutoff, EVENT_DELAY_SECONDS * 1000L).forEach(producer::send);
      }

      RunPipeline.Job reference = RunPipeline.parse(args(services, REFERENCE, List.of("--runner=FlinkRunner",
          "--flinkMaster=[local]", "--parallelism=2", "--mode=reprocess", "--source=kafka",
          "--kafkaGroupId=" + PREFIX + "reference", "--to=" + Instant.ofEpochMilli(cutoff),
          "--deadLetterDir=" + dir.resolve("dead-letters"))).toArray(String[]::new));
      withCredentials(reference, services);
      assertThat(reference.start().waitUntilFinish()).isEqualTo(PipelineResult.State.DONE);
      List<Map<String, Object>> expected = ServingRows.read(session, REFERENCE, "occupancy", cutoff);

      List<String> differences = List.of("not compared yet");
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (!differences.isEmpty() && System.nanoTime() < deadline && job.isAlive()) {
        Thread.sleep(2000);
        differences = ServingRows.differences(expected, ServingRows.read(session, LIVE, "occupancy", cutoff), 1e-9);
      }
      List<String> restores = Files.readAllLines(log).stream().filter(l -> l.contains("from savepoint")).toList();
      System.out.println("killed at: " + killedAt + "; rows in the end: " + expected.size() + "; restores: " + restores);
      assertThat(job.isAlive()).as("the restored job runs (log %s)", log).isTrue();
      assertThat(restores).as("Flink's restore messages").hasSize(3);
      assertThat(differences).isEmpty();
      assertThat(expected).hasSizeGreaterThan(8 * 8);
      ArchivedEvents.await(session, LIVE, events, PipelineCatalog.PARKING.kinds(), cutoff, TIMEOUT); // or throws
    } finally {
      job.kill();
      producing.cancel(true);
    }
  }

  /** The events in event-time order at a steady rate, as a live city sends them, so that the job is mid-run when killed. */
  private static void produceSteadily(ServiceEndpoints services, List<CityEvent> events) {
    try (CityEventProducer producer = new CityEventProducer(services.kafkaBootstrap(), PREFIX)) {
      long start = System.nanoTime();
      for (int i = 0; i < events.size(); i++) {
        long due = start + i * 1_000_000_000L / EVENTS_PER_SECOND;
        Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
        producer.send(events.get(i));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** When to kill: once {@code ready} holds and a newer checkpoint completed. */
  private record KillPoint(String label, BooleanSupplier ready) {}

  /** A job started again, and the checkpoint it was restored from. */
  private record Restarted(PipelineProcess job, Path from) {}

  /**
   * Kills the job with SIGKILL and starts it again from its latest completed checkpoint, as a
   * restart after a crash does: the consumer group's committed offsets are never ahead of that one
   * (see DropRereadRecords for why that matters on Beam 2.62's Flink runner).
   */
  private static Restarted killAndRestore(PipelineProcess job, ServiceEndpoints services, Path checkpoints, Path dir,
      Path log) throws IOException, InterruptedException {
    job.kill();
    Path from = latestCheckpoint(checkpoints).orElseThrow();
    Path conf = Files.createTempDirectory(dir, "flink-conf");
    Files.writeString(conf.resolve("flink-conf.yaml"), "execution.savepoint.path: " + from.toUri() + "\n");
    Files.writeString(log, "---- killed; restoring from " + from + "\n", java.nio.file.StandardOpenOption.APPEND);
    return new Restarted(PipelineProcess.start(liveArgs(services, checkpoints, conf), log), from);
  }

  /**
   * Waits until {@code ready} holds and then for a completed checkpoint newer than {@code after}
   * (a chk-N directory with its _metadata).
   */
  private static void awaitCheckpointAfter(Path checkpoints, Path after, PipelineProcess job, BooleanSupplier ready)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline && job.isAlive()) {
      Optional<Path> latest = latestCheckpoint(checkpoints);
      if (ready.getAsBoolean() && latest.isPresent() && (after == null || newer(latest.get(), after))) {
        return;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("no new completed checkpoint in " + checkpoints + " (job alive: " + job.isAlive() + ")");
  }

  private static Optional<Path> latestCheckpoint(Path checkpoints) throws IOException {
    try (Stream<Path> files = Files.walk(checkpoints)) {
      return files.filter(p -> p.getFileName().toString().equals("_metadata"))
          .max(Comparator.comparing(FlinkKillAndRestoreTest::modified)).map(Path::getParent);
    }
  }

  private static boolean newer(Path checkpoint, Path than) {
    return modified(checkpoint.resolve("_metadata")) > modified(than.resolve("_metadata"));
  }

  private static long modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return Long.MIN_VALUE; // subsumed and deleted meanwhile
    }
  }

  private static List<String> liveArgs(ServiceEndpoints services, Path checkpoints, Path flinkConf) {
    List<String> runner = new ArrayList<>(List.of("--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2",
        "--checkpointingInterval=2000", "--stateBackend=filesystem",
        "--stateBackendStoragePath=" + checkpoints.toUri(), "--externalizedCheckpointsEnabled=true",
        "--retainExternalizedCheckpointsOnCancellation=true", "--mode=streaming", "--source=kafka",
        "--kafkaGroupId=" + PREFIX + "live", "--maxEventDelaySeconds=" + EVENT_DELAY_SECONDS, "--archiveKeyspace=" + LIVE));
    if (flinkConf != null) {
      runner.add("--flinkConfDir=" + flinkConf);
    }
    List<String> args = args(services, LIVE, runner);
    args.add("--cassandraUsername=" + services.credentials().username());
    args.add("--cassandraPassword=" + services.credentials().password());
    return args;
  }

  private static List<String> args(ServiceEndpoints services, String keyspace, List<String> runner) {
    List<String> args = new ArrayList<>(runner);
    args.addAll(List.of("--pipeline=parking", "--topicPrefix=" + PREFIX, "--kafkaBootstrap=" + services.kafkaBootstrap(),
        "--cassandraHosts=" + services.cassandraHost(), "--cassandraPort=" + services.cassandraPort(),
        "--cassandraLocalDc=" + services.localDatacenter(), "--cassandraKeyspace=" + keyspace));
    return args;
  }

  private static void withCredentials(RunPipeline.Job job, ServiceEndpoints services) {
    CassandraOptions cassandra = job.options().as(CassandraOptions.class);
    cassandra.setCassandraUsername(services.credentials().username());
    cassandra.setCassandraPassword(services.credentials().password());
  }

  private static Cluster cluster(ServiceEndpoints services) {
    RunPipeline.Job any = RunPipeline.parse(args(services, LIVE, List.of("--runner=FlinkRunner")).toArray(String[]::new));
    withCredentials(any, services);
    return CassandraConnection.fromOptions(any.options().as(CassandraOptions.class)).cluster();
  }

  /** The live keyspace's occupancy rows so far (none while the job has not created the table yet). */
  private static List<Map<String, Object>> rows(Session session) {
    try {
      return ServingRows.read(session, LIVE, "occupancy", Long.MAX_VALUE);
    } catch (com.datastax.driver.core.exceptions.DriverException notYetCreated) {
      return List.of();
    }
  }
}

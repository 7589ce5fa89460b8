package io.nolambda.runners.spark;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nolambda.pipelines.PipelineCatalog;
import io.nolambda.testing.equivalence.EquivalenceCities;
import io.nolambda.testing.equivalence.StreamBackfillContract;
import io.nolambda.testing.equivalence.StreamBackfillEquivalence;
import io.nolambda.testing.services.ServiceEndpoints;
import io.nolambda.transforms.transit.MeasureStopWaits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.runners.spark.translation.SparkContextFactory;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stream-vs-backfill equivalence on Spark: live from Kafka (Spark streaming), then from the
 * archive (Spark batch), the same rows. Spark streaming has no allowed lateness and takes the
 * maximum of its splits' watermarks (Beam #19411): one reader split, and a watermark that trails by
 * more than the data's span, so that no event is late. One JVM holds one SparkContext (SPARK-2243)
 * and the backfill runs while the live job still runs: both use one provided context, local[1]
 * (whose parallelism of one is also the reader's split count).
 */
class SparkStreamBackfillEquivalenceTest extends StreamBackfillContract {
  private static JavaSparkContext context;

  @BeforeAll
  static void provideOneSparkContext() {
    context = new JavaSparkContext(new SparkConf().setMaster("local[1]").setAppName("nolambda-equivalence"));
    SparkContextFactory.setProvidedSparkContext(context);
  }

  @AfterAll
  static void stopTheSparkContext() {
    SparkContextFactory.clearProvidedSparkContext();
    context.stop();
  }

  @BeforeEach
  void forgetEarlierSparkJobs() {
    SparkJobs.forgetEarlierJobs();
  }

  @Override
  protected StreamBackfillEquivalence onRunner(StreamBackfillEquivalence harness) {
    return harness.withRunner(List.of("--runner=SparkRunner", "--usesProvidedSparkContext=true"),
        List.of("--batchIntervalMillis=1000", "--checkpointDir=" + freshCheckpointDir())).withEveryEventOnTime();
  }

  @Override
  protected String runnerName() {
    return "spark";
  }

  /** Transit cannot stream on Spark (apache/beam#23129): the live run is refused, naming the limit. */
  @Override
  @Test
  protected void transitLiveEqualsBackfill(ServiceEndpoints services, @TempDir Path dir) throws Exception {
    EquivalenceCities.City city = EquivalenceCities.transit(dir);
    StreamBackfillEquivalence harness = onRunner(StreamBackfillEquivalence.of(PipelineCatalog.TRANSIT, services,
        "stop_wait")).withPipelineArgs(city.pipelineArgs());

    assertThatThrownBy(() -> harness.run("eq_spark_transit", city.events()))
        .hasStackTraceContaining(MeasureStopWaits.SPARK_STREAMING_LIMIT);
  }

  /** A streaming context recovers from its checkpoint directory: each job gets its own. */
  private static Path freshCheckpointDir() {
    try {
      return Files.createTempDirectory("nolambda-spark-equivalence");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

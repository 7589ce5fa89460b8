package io.nolambda.pipelines.eventcounts;

import io.nolambda.io.cassandra.ServingTable;
import io.nolambda.io.kafka.EventTopics;
import io.nolambda.pipelines.sources.ReadEvents;
import io.nolambda.pipelines.sources.WriteServingOutputs;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Duration;

/**
 * Counts distinct events per kind per minute and upserts the counts into the serving table
 * {@code event_counts} (or writes them as JSON lines). The same code runs live from Kafka or over
 * files; only {@code --source} changes.
 */
public final class EventCountPipeline {
  public static final ServingTable TABLE = ServingTable.of("event_counts",
      WriteServingOutputs.schemaOf(EventCount.class), List.of("kind"), List.of("window_start")).withNewestFirst();

  private EventCountPipeline() {}

  public static Pipeline create(EventCountOptions options) {
    Pipeline pipeline = Pipeline.create(options);
    PCollection<EventCount> counts = pipeline
        .apply("Read events", ReadEvents.of(options, EventTopics.kinds()))
        .apply("Count by kind",
            CountEventsByKind.create()
                .withWindow(Duration.standardSeconds(options.getWindowSeconds()))
                .withAllowedLateness(Duration.standardSeconds(options.getAllowedLatenessSeconds())));
    WriteServingOutputs.writeRows(counts, TABLE, options);
    return pipeline;
  }

  public static void main(String[] args) {
    PipelineOptionsFactory.register(EventCountOptions.class);
    EventCountOptions options = PipelineOptionsFactory.fromArgs(args).withValidation().as(EventCountOptions.class);
    create(options).run().waitUntilFinish();
  }
}

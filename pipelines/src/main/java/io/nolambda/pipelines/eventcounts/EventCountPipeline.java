package io.nolambda.pipelines.eventcounts;

import io.nolambda.io.cassandra.CassandraConnection;
import io.nolambda.io.cassandra.ServingTables;
import io.nolambda.io.cassandra.WriteToServingTable;
import io.nolambda.io.kafka.EventTopics;
import io.nolambda.pipelines.sources.ReadEvents;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.joda.time.Duration;

/**
 * Counts distinct events per kind per minute and upserts the counts into Cassandra. The same
 * code runs live from Kafka or over files; only {@code --source} changes.
 */
public final class EventCountPipeline {
  private EventCountPipeline() {}

  /** Creates the serving table, then builds the pipeline. */
  public static Pipeline create(EventCountOptions options) {
    ServingTables.create(CassandraConnection.fromOptions(options), options.getCassandraKeyspace(),
        options.getCassandraReplicationFactor(), List.of(EventCount.DDL));
    Pipeline pipeline = Pipeline.create(options);
    pipeline
        .apply("Read events", ReadEvents.of(options, EventTopics.kinds()))
        .apply("Count by kind",
            CountEventsByKind.create()
                .withWindow(Duration.standardSeconds(options.getWindowSeconds()))
                .withAllowedLateness(Duration.standardSeconds(options.getAllowedLatenessSeconds())))
        .apply("Write counts", WriteToServingTable.of(EventCount.class, options));
    return pipeline;
  }

  public static void main(String[] args) {
    PipelineOptionsFactory.register(EventCountOptions.class);
    EventCountOptions options = PipelineOptionsFactory.fromArgs(args).withValidation().as(EventCountOptions.class);
    create(options).run().waitUntilFinish();
  }
}

package io.nolambda.pipelines.sources;

import io.nolambda.io.cassandra.CassandraOptions;
import io.nolambda.io.kafka.KafkaOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.DefaultValueFactory;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Where a pipeline's events come from and how it runs; the transforms do not change with it. The
 * archive lives in Cassandra, hence the Cassandra options.
 */
public interface SourceOptions extends KafkaOptions, CassandraOptions {
  /** How a pipeline runs. */
  enum Mode {
    /** Live: unbounded from Kafka, raw events archived as they pass. */
    streaming,
    /** Bounded: a time range of the archive, the current contents of Kafka, or files. */
    reprocess
  }

  @Description("'streaming' (Kafka, unbounded, archives the raw events) or 'reprocess' (a bounded run over"
      + " --source); default: streaming for --source=kafka, else reprocess")
  @Default.InstanceFactory(ModeFromSource.class)
  Mode getMode();

  void setMode(Mode value);

  @Description("Event source: 'kafka' (live, or in reprocess mode what the topics hold now), 'archive'"
      + " (the columnar archive, --from/--to) or 'file:PATTERN' (JSON lines or CSV in the canonical format)")
  @Default.String("kafka")
  String getSource();

  void setSource(String value);

  @Description("Start of the event-time range to (re)compute, ISO-8601 (e.g. 2024-03-05T00:00:00Z);"
      + " empty = unbounded. Events are read from this minus the look-back the pipeline's windows need")
  @Default.String("")
  String getFrom();

  void setFrom(String value);

  @Description("End (exclusive) of the event-time range to (re)compute, ISO-8601; empty = unbounded")
  @Default.String("")
  String getTo();

  void setTo(String value);

  @Description("Keyspace of the columnar event archive (read by --source=archive, written by streaming runs)")
  @Default.String("nolambda")
  String getArchiveKeyspace();

  void setArchiveKeyspace(String value);

  @Description("In streaming mode, also write the raw events to the columnar archive")
  @Default.Boolean(true)
  boolean getArchiveEvents();

  void setArchiveEvents(boolean value);

  @Description("Directory for dead letters of a file or archive source (Kafka sources use the dead-letters topic)")
  @Default.String("dead-letters")
  String getDeadLetterDir();

  void setDeadLetterDir(String value);

  /** A live run for Kafka, a bounded one for everything else. */
  class ModeFromSource implements DefaultValueFactory<Mode> {
    @Override
    public Mode create(PipelineOptions options) {
      return options.as(SourceOptions.class).getSource().equals("kafka") ? Mode.streaming : Mode.reprocess;
    }
  }
}

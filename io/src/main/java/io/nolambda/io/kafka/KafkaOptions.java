package io.nolambda.io.kafka;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.DefaultValueFactory;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Where the event topics live and how a pipeline consumes them. */
public interface KafkaOptions extends PipelineOptions {
  @Description("Kafka bootstrap servers, host:port[,host:port...]")
  @Default.String("127.0.0.1:9092")
  String getKafkaBootstrap();

  void setKafkaBootstrap(String value);

  @Description("Prefix of the event topics (bus-positions, parking-events, city-incidents, asset-events)")
  @Default.String("")
  String getTopicPrefix();

  void setTopicPrefix(String value);

  @Description("Consumer group id; offsets are committed when a bundle is finalized")
  @Default.String("nolambda")
  String getKafkaGroupId();

  void setKafkaGroupId(String value);

  @Description("Events later than this behind the newest event seen are late (seconds)")
  @Default.Long(60)
  long getMaxEventDelaySeconds();

  void setMaxEventDelaySeconds(long value);

  @Description("When every partition has been idle this long, event time goes on at wall-clock pace (seconds)")
  @Default.Long(10)
  long getIdleSourceTimeoutSeconds();

  void setIdleSourceTimeoutSeconds(long value);

  @Description("Let each record of an unbounded read through once by partition and offset (a stateful step keyed by"
      + " partition). Default: on for the FlinkRunner, whose Beam 2.62 source gives a restored job a second reader"
      + " per partition (apache/beam#31313); off elsewhere")
  @Default.InstanceFactory(OnForFlink.class)
  boolean getDropRereadRecords();

  void setDropRereadRecords(boolean value);

  /** True when the pipeline runs on the FlinkRunner. */
  final class OnForFlink implements DefaultValueFactory<Boolean> {
    @Override
    public Boolean create(PipelineOptions options) {
      try {
        return options.getRunner().getSimpleName().equals("FlinkRunner");
      } catch (IllegalArgumentException noRunnerFound) {
        return false;
      }
    }
  }
}

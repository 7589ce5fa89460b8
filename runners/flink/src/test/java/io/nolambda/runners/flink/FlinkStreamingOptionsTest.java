package io.nolambda.runners.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.nolambda.io.kafka.KafkaOptions;
import io.nolambda.pipelines.RunPipeline;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.junit.jupiter.api.Test;

/**
 * A Flink streaming run parsed as `nolambda run` does gets the project's bundle settings
 * (FlinkStreamingDefaults) and lets each Kafka record through once (DropRereadRecords).
 */
class FlinkStreamingOptionsTest {
  @Test
  void aStreamingRunEndsBundlesBySizeAndAReprocessingRunKeepsFlinksDefaults() {
    FlinkPipelineOptions live = RunPipeline.parse("--pipeline=trends", "--runner=FlinkRunner", "--mode=streaming")
        .options().as(FlinkPipelineOptions.class);
    assertThat(live.getMaxBundleSize()).isEqualTo(10);
    assertThat(live.getMaxBundleTimeMills()).isEqualTo(200);
    assertThat(live.getAutoWatermarkInterval()).isEqualTo(50);

    FlinkPipelineOptions reprocess = RunPipeline.parse("--pipeline=trends", "--runner=FlinkRunner",
        "--mode=reprocess").options().as(FlinkPipelineOptions.class);
    assertThat(reprocess.getAutoWatermarkInterval()).isNull();
  }

  @Test
  void onFlinkAnUnboundedKafkaReadLetsEachOffsetThroughOnceUnlessToldNot() {
    KafkaOptions flink = RunPipeline.parse("--pipeline=trends", "--runner=FlinkRunner", "--mode=streaming")
        .options().as(KafkaOptions.class);
    assertThat(flink.getDropRereadRecords()).isTrue();
    KafkaOptions off = RunPipeline.parse("--pipeline=trends", "--runner=FlinkRunner", "--mode=streaming",
        "--dropRereadRecords=false").options().as(KafkaOptions.class);
    assertThat(off.getDropRereadRecords()).isFalse();
  }
}

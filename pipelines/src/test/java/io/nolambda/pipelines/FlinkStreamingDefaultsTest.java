package io.nolambda.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FlinkStreamingDefaultsTest {
  @Test
  void aFlinkStreamingRunGetsEveryDefaultItDoesNotSet() {
    List<String> args = FlinkStreamingDefaults.addTo(
        List.of("--runner=FlinkRunner", "--mode=streaming", "--maxBundleSize=50"));
    assertThat(args).contains("--maxBundleSize=50", "--maxBundleTimeMills=200", "--autoWatermarkInterval=50")
        .doesNotContain("--maxBundleSize=10");
  }

  @Test
  void otherRunsAreLeftAsTheyAre() {
    List<String> batch = List.of("--runner=FlinkRunner", "--mode=reprocess");
    List<String> spark = List.of("--runner=SparkRunner", "--mode=streaming");
    assertThat(FlinkStreamingDefaults.addTo(batch)).isEqualTo(batch);
    assertThat(FlinkStreamingDefaults.addTo(spark)).isEqualTo(spark);
  }
}

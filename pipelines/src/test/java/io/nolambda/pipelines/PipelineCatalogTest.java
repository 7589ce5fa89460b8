package io.nolambda.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;

/**
 * Beam checks each options interface of a JVM against all the others: one property name with two
 * different defaults (as --windowSeconds once had in eventcounts and transit) fails every run in a
 * JVM that has seen both, such as a test JVM or a job server. All pipelines' options must coexist.
 */
class PipelineCatalogTest {

  @Test
  void theOptionsOfAllPipelinesCoexistInOneJvm() {
    for (PipelineCatalog pipeline : PipelineCatalog.values()) {
      PipelineOptionsFactory.register(pipeline.optionsClass());
    }
    for (PipelineCatalog pipeline : PipelineCatalog.values()) {
      assertThat(PipelineOptionsFactory.as(pipeline.optionsClass())).isInstanceOf(pipeline.optionsClass());
    }
  }
}

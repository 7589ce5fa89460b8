package io.nolambda.runners.spark;

import io.nolambda.pipelines.archive.ArchiveSourceContract;
import java.util.List;

class SparkArchiveSourceTest extends ArchiveSourceContract {
  @Override
  protected List<String> runnerArgs() {
    return List.of("--runner=TestSparkRunner", "--sparkMaster=local[2]");
  }

  @Override
  protected String keyspace() {
    return "archive_source_spark";
  }
}

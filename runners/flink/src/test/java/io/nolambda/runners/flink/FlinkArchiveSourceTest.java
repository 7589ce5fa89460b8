package io.nolambda.runners.flink;

import io.nolambda.pipelines.archive.ArchiveSourceContract;
import java.util.List;

class FlinkArchiveSourceTest extends ArchiveSourceContract {
  @Override
  protected List<String> runnerArgs() {
    return List.of("--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2");
  }

  @Override
  protected String keyspace() {
    return "archive_source_flink";
  }
}

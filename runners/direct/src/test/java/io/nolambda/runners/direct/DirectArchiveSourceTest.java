package io.nolambda.runners.direct;

import io.nolambda.pipelines.archive.ArchiveSourceContract;
import java.util.List;

class DirectArchiveSourceTest extends ArchiveSourceContract {
  @Override
  protected List<String> runnerArgs() {
    return List.of("--runner=DirectRunner");
  }

  @Override
  protected String keyspace() {
    return "archive_source_direct";
  }
}

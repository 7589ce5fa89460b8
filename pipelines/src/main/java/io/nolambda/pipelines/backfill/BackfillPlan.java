package io.nolambda.pipelines.backfill;

import io.nolambda.io.archive.ArchiveQuery;
import io.nolambda.io.archive.ArchiveReader;
import io.nolambda.io.archive.DatasetSpec;
import io.nolambda.io.archive.EventArchive;
import io.nolambda.io.cassandra.CassandraConnection;
import io.nolambda.pipelines.PipelineCatalog;
import io.nolambda.pipelines.sources.SourceOptions;
import io.nolambda.pipelines.sources.TimeRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.joda.time.Duration;

/**
 * A backfill of [from, to) cut into slices that are recomputed one after the other. Each slice
 * reads its own look-back, so its rows equal those of one run over the whole range, and a killed
 * backfill resumes at the first unfinished slice. Also counts the archive chunks each slice will
 * read, the denominator of the progress bar.
 */
public record BackfillPlan(PipelineCatalog pipeline, TimeRange range, List<TimeRange> slices) {

  public static BackfillPlan of(PipelineCatalog pipeline, TimeRange range, Duration slice) {
    if (range.fromMillis() == Long.MIN_VALUE || range.toMillis() == Long.MAX_VALUE) {
      throw new IllegalArgumentException("a backfill needs both --from and --to");
    }
    List<TimeRange> slices = new ArrayList<>();
    for (long start = range.fromMillis(); start < range.toMillis(); start += slice.getMillis()) {
      slices.add(new TimeRange(start, Math.min(range.toMillis(), start + slice.getMillis())));
    }
    return new BackfillPlan(pipeline, range, List.copyOf(slices));
  }

  /** Archive chunks a slice's run reads: its kinds over the slice plus the look-back. */
  public long chunks(SourceOptions options, TimeRange slice) {
    TimeRange read = slice.withLookBack(pipeline.lookBack(options));
    long chunks = 0;
    try (ArchiveReader reader = ArchiveReader.connect(CassandraConnection.fromOptions(options), options.getArchiveKeyspace())) {
      for (String kind : pipeline.kinds()) {
        Optional<DatasetSpec> spec = reader.findDataset(EventArchive.dataset(kind));
        if (spec.isPresent()) {
          ArchiveQuery query = ArchiveQuery.all(spec.get().dataset()).withTimeRange(read.fromMillis(), read.toMillis());
          for (ArchiveReader.Partition p : reader.partitions(spec.get(), query)) {
            chunks += reader.estimateChunks(spec.get(), query, p);
          }
        }
      }
    }
    return chunks;
  }
}

package io.nolambda.cli;

import io.nolambda.io.archive.ArchiveIO;
import io.nolambda.pipelines.PipelineCatalog;
import io.nolambda.pipelines.RunPipeline;
import io.nolambda.pipelines.backfill.BackfillPlan;
import io.nolambda.pipelines.sources.ReadEvents;
import io.nolambda.pipelines.sources.SourceOptions;
import io.nolambda.pipelines.sources.TimeRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricName;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.joda.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code nolambda backfill --pipeline=P --from=T1 --to=T2}: recomputes the serving rows of
 * [T1, T2) from the columnar archive and overwrites them (upserts: twice = once). The range is cut
 * into slices run one after the other; finished slices are recorded in a state file, so a killed
 * backfill started again with the same arguments resumes at the first unfinished slice.
 */
@Command(name = "backfill", mixinStandardHelpOptions = true,
    description = "Recompute and overwrite a pipeline's serving rows for a time range, from the archive.")
final class BackfillCommand implements Callable<Integer> {
  @Option(names = "--pipeline", required = true, description = "trends, parking, transit or eventcounts")
  String pipeline;

  @Option(names = "--from", required = true, description = "ISO-8601 start, e.g. 2024-03-05T00:00:00Z")
  Instant from;

  @Option(names = "--to", required = true, description = "ISO-8601 end (exclusive)")
  Instant to;

  @Option(names = "--slice-hours", defaultValue = "24", description = "hours per resumable slice; default ${DEFAULT-VALUE}")
  long sliceHours;

  @Option(names = "--restart", description = "ignore the slices a previous run of this backfill finished")
  boolean restart;

  @Option(names = "--state-dir", description = "where finished slices are recorded; default <home>/.backfill")
  Path stateDir;

  @Unmatched List<String> pipelineArgs = new ArrayList<>();

  @Override
  public Integer call() throws IOException, InterruptedException {
    PipelineCatalog catalog = PipelineCatalog.named(pipeline);
    TimeRange range = new TimeRange(from.toEpochMilli(), to.toEpochMilli());
    BackfillPlan plan = BackfillPlan.of(catalog, range, Duration.standardHours(sliceHours));
    SourceOptions probe = job(range).options().as(SourceOptions.class);
    Path dir = stateDir != null ? stateDir : HomeDir.get().resolve(".backfill");
    Path state = dir.resolve(pipeline + "_" + from.toEpochMilli() + "_" + to.toEpochMilli() + ".done");
    Files.createDirectories(state.getParent());
    Set<String> done = new HashSet<>(restart || !Files.exists(state) ? List.of() : Files.readAllLines(state));

    List<TimeRange> todo = plan.slices().stream().filter(s -> !done.contains(s.toString())).toList();
    long total = 0;
    for (TimeRange slice : todo) {
      total += plan.chunks(probe, slice);
    }
    System.out.printf("backfill %s [%s, %s): %d slices, %d to do (%d finished before), %d archive chunks%n",
        pipeline, from, to, plan.slices().size(), todo.size(), plan.slices().size() - todo.size(), total);
    long chunksBefore = 0;
    long events = 0;
    long begin = System.nanoTime();
    try (ProgressBar bar = new ProgressBarBuilder().setTaskName("backfill " + pipeline).setUnit(" chunks", 1)
        .setInitialMax(total).continuousUpdate().build()) {
      for (TimeRange slice : todo) {
        PipelineResult result = job(slice).start();
        PipelineResult.State end;
        do {
          end = result.waitUntilFinish(org.joda.time.Duration.millis(500));
          long sliceEvents = counter(result, ReadEvents.FROM_ARCHIVE);
          bar.stepTo(chunksBefore + counter(result, ArchiveIO.CHUNKS_READ));
          double seconds = (System.nanoTime() - begin) / 1e9;
          bar.setExtraMessage(String.format(" %,d events, %,.0f events/s", events + sliceEvents, (events + sliceEvents) / seconds));
        } while (end == null || !end.isTerminal());
        if (end != PipelineResult.State.DONE) {
          System.err.println("slice " + slice + " ended " + end + "; run the same command again to resume");
          return 1;
        }
        chunksBefore += counter(result, ArchiveIO.CHUNKS_READ);
        events += counter(result, ReadEvents.FROM_ARCHIVE);
        Files.writeString(state, slice + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      }
    }
    System.out.printf("backfill %s done: %,d events from %,d chunks in %.1f s%n", pipeline, events, chunksBefore,
        (System.nanoTime() - begin) / 1e9);
    return 0;
  }

  private RunPipeline.Job job(TimeRange slice) {
    List<String> args = new ArrayList<>(pipelineArgs);
    args.addAll(List.of("--pipeline=" + pipeline, "--mode=reprocess", "--source=archive", "--blockOnRun=false",
        "--from=" + Instant.ofEpochMilli(slice.fromMillis()), "--to=" + Instant.ofEpochMilli(slice.toMillis())));
    return PipelineArgs.parse(args);
  }

  /** A counter's attempted value so far (committed values are not available while running). */
  private static long counter(PipelineResult result, MetricName name) {
    long sum = 0;
    for (MetricResult<Long> c : result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named(name.getNamespace(), name.getName())).build()).getCounters()) {
      sum += c.getAttempted();
    }
    return sum;
  }
}

package io.nolambda.cli.bench;

import java.util.List;

/**
 * One line of the pipelines benchmark: a pipeline on a runner (or the plain loop) over a number of
 * events, its wall time, the serving rows it wrote, and its rate relative to the loop's.
 */
public record PipelineRate(String pipeline, String runner, String mode, long events, double seconds, long rows,
    double loopEventsPerSecond) {
  public static final List<String> HEADER =
      List.of("pipeline", "runner", "mode", "events", "seconds", "events_per_s", "ratio_to_loop");

  public double eventsPerSecond() {
    return events / Math.max(seconds, 1e-9);
  }

  /** The values in {@link #HEADER} order. */
  public List<String> cells() {
    return List.of(pipeline, runner, mode, Long.toString(events), String.format("%.6f", seconds),
        String.format("%.1f", eventsPerSecond()), String.format("%.4f", eventsPerSecond() / loopEventsPerSecond));
  }
}

package io.nolambda.pipelines;

import java.io.IOException;
import org.apache.beam.sdk.PipelineResult;
import org.joda.time.Duration;

/** Stopping an unbounded job, which never finishes on its own. */
public final class StreamingJobs {
  private StreamingJobs() {}

  /**
   * Cancels the job and waits (up to {@code timeout}) until its sources have stopped, so that the
   * services it reads from can be shut down after it without a storm of reconnect attempts.
   */
  public static void cancelAndWait(PipelineResult job, Duration timeout) throws IOException {
    job.cancel();
    try {
      job.waitUntilFinish(timeout);
    } catch (IllegalStateException alreadyGone) {
      // Flink's embedded (detached) cluster shuts down on cancel: nothing is left to wait for.
    } catch (RuntimeException e) {
      // Spark's stop interrupts the batch being planned (e.g. a Kafka metadata call) and reports
      // that interruption as the job's failure: an effect of this cancel, not an error of the job.
      if (!interrupted(e)) {
        throw e;
      }
    }
  }

  private static boolean interrupted(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InterruptedException || t instanceof org.apache.kafka.common.errors.InterruptException) {
        return true;
      }
    }
    return false;
  }
}

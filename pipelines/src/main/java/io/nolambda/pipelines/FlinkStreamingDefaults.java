package io.nolambda.pipelines;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bundle and watermark settings for a streaming run on the Flink runner, added where the user set
 * none. Beam 2.62's Flink DoFnOperator holds its output watermark while a bundle is open, and after
 * a bundle ended by time (--maxBundleTimeMills) it does not pass the held watermark on; only a
 * bundle ended by size does. Under steady input a bundle is nearly always open, so a window's
 * watermark crept through each ParDo only when it happened to fall between two bundles: trends
 * rows landed 15-35 s after their 5-s window at 1,000 events/s (bench latency). Bundles of at most
 * 10 elements end by size at any steady rate, and a short time limit closes the rest, so every
 * stage passes the watermark on within a fraction of a second (p99 5.8 s for a 5-s window).
 */
public final class FlinkStreamingDefaults {
  static final Map<String, String> DEFAULTS = Map.of(
      "maxBundleSize", "10",
      "maxBundleTimeMills", "200",
      "autoWatermarkInterval", "50");

  private FlinkStreamingDefaults() {}

  /** {@code args} plus each default the arguments of a Flink streaming run do not set. */
  public static List<String> addTo(List<String> args) {
    boolean flink = args.stream().anyMatch(a -> a.startsWith("--runner=") && a.endsWith("FlinkRunner"));
    boolean streaming = args.contains("--mode=streaming") || args.contains("--streaming=true")
        || args.contains("--streaming");
    if (!flink || !streaming) {
      return args;
    }
    List<String> all = new ArrayList<>(args);
    DEFAULTS.forEach((option, value) -> {
      if (args.stream().noneMatch(a -> a.startsWith("--" + option + "="))) {
        all.add("--" + option + "=" + value);
      }
    });
    return all;
  }
}

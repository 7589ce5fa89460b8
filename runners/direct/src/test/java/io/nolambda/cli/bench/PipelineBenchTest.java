package io.nolambda.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.nolambda.cli.NoLambdaCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code nolambda bench pipelines} on a small run, DirectRunner only (the Spark and Flink modules
 * are built after this one): the runner wrote the loop's rows (the bench checks and fails
 * otherwise), and the CSV holds both measurements.
 */
class PipelineBenchTest {
  private static final long EVENTS = 600;

  @Test
  void theDirectRunnerWritesTheLoopsRowsAndBothRatesAreReported(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("bench.csv");
    int rc = new CommandLine(new NoLambdaCli()).execute("bench", "pipelines", "--events=" + EVENTS, "--runners=direct",
        "--out=" + csv);
    assertThat(rc).isZero();

    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.get(0)).isEqualTo("pipeline,runner,mode,events,seconds,events_per_s,ratio_to_loop");
    List<String[]> rows = lines.subList(1, lines.size()).stream().map(l -> l.split(",")).toList();
    assertThat(rows.stream().map(f -> f[0] + "/" + f[1] + "/" + f[2])).containsExactly("eventcounts/loop/in-memory",
        "eventcounts/direct/reprocess", "trends/loop/in-memory",
        "trends/direct/reprocess", "parking/loop/in-memory", "parking/direct/reprocess", "transit/loop/in-memory",
        "transit/direct/reprocess");
    assertThat(rows).allSatisfy(f -> {
      assertThat(Long.parseLong(f[3])).isEqualTo(EVENTS);
      assertThat(Double.parseDouble(f[4])).isPositive();
      assertThat(Double.parseDouble(f[5])).isCloseTo(EVENTS / Double.parseDouble(f[4]),
          org.assertj.core.data.Percentage.withPercentage(1));
    });
    assertThat(rows.stream().filter(f -> f[1].equals("loop")).map(f -> f[6])).containsOnly("1.0000");
  }
}

package io.nolambda.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.nolambda.cli.NoLambdaCli;
import io.nolambda.events.BusPosition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code nolambda bench archive} on a small run: it starts its own throwaway services (no hosts given). */
class BenchCommandTest {
  private static final int EVENTS = 20_000;

  @Test
  void everyReaderReadsTheEventsWrittenAndTheArchiveIsSmallerThanTheRowTable(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("bench.csv");
    int rc = new CommandLine(new NoLambdaCli()).execute("bench", "archive", "--events=" + EVENTS, "--out=" + csv);
    assertThat(rc).isZero();

    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.get(0)).isEqualTo("layout,reader,columns,filter,events,bytes_on_disk,seconds,events_per_s");
    List<String[]> rows = lines.subList(1, lines.size()).stream().map(l -> l.split(",")).toList();

    List<String> expectedKeys = new ArrayList<>();
    for (String layout : List.of("row_table", "archive", "parquet")) {
      expectedKeys.add(layout + ",write,all,none");
    }
    for (String filter : List.of("none", "time_10pct")) {
      for (String columns : List.of("1", "3", "all")) {
        for (String reader : List.of("row_table,cassandraio", "row_table,driver", "archive,archive_reader",
            "parquet,parquet_avro")) {
          expectedKeys.add(reader + "," + columns + "," + filter);
        }
      }
    }
    assertThat(rows.stream().map(f -> String.join(",", List.of(f).subList(0, 4))).toList())
        .containsExactlyInAnyOrderElementsOf(expectedKeys);

    long inRange = eventsInMiddleTenth(BenchEvents.simulate(EVENTS));
    assertThat(inRange).isBetween(EVENTS / 10 - EVENTS / 100L, EVENTS / 10 + EVENTS / 100L);
    Map<String, Long> writtenBytes = new HashMap<>();
    for (String[] f : rows) {
      if (f[1].equals("write")) {
        writtenBytes.put(f[0], Long.parseLong(f[5]));
      }
    }
    for (String[] f : rows) {
      String row = String.join(",", f);
      assertThat(Long.parseLong(f[4])).as(row).isEqualTo(f[3].equals("none") ? EVENTS : inRange);
      assertThat(Long.parseLong(f[5])).as(row).isPositive().isEqualTo(writtenBytes.get(f[0]));
      assertThat(Double.parseDouble(f[6])).as(row).isPositive();
      assertThat(Double.parseDouble(f[7])).as(row).isPositive();
    }
    assertThat(writtenBytes.get("archive")).isLessThan(writtenBytes.get("row_table"));
  }

  /** Events with a time in [time of the 45th percentile event, time of the 55th), counted here independently. */
  private static long eventsInMiddleTenth(List<BusPosition> events) {
    long[] times = events.stream().mapToLong(BusPosition::getEventTime).sorted().toArray();
    long from = times[times.length * 45 / 100];
    long to = times[times.length * 55 / 100];
    return events.stream().filter(e -> e.getEventTime() >= from && e.getEventTime() < to).count();
  }
}

package io.nolambda.io.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.nolambda.events.CityEvent;
import io.nolambda.events.EventJson;
import io.nolambda.io.DeadLetter;
import io.nolambda.io.SourceOutputs;
import io.nolambda.testing.simulator.CitySimulator;
import io.nolambda.testing.simulator.SimulatorConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file of more lines than a chunk, with bad and blank lines on both sides of chunk boundaries:
 * every event is read once, and each bad line is a dead letter with its own line number.
 */
class ReadEventFilesTest {
  private final TestPipeline pipeline = TestPipeline.create().enableAbandonedNodeEnforcement(true);

  @Test
  void readsEveryEventOnceAndNamesTheLineOfEachBadOne(@TempDir Path dir) throws IOException {
    int chunk = ReadEventFiles.CHUNK_LINES;
    List<CityEvent> events = StreamSupport.stream(new CitySimulator(SimulatorConfig.builder().seed(3)
        .durationMillis(20 * 60_000).build()).spliterator(), false).limit(2L * chunk + 500).toList();
    assertThat(events).hasSize(2 * chunk + 500);
    String truncated = "{\"kind\":\"AssetEvent\"";
    String notJson = "not json";
    String unknownKind = "{\"kind\":\"Teleport\",\"event_id\":\"x\"}";
    List<String> lines = new ArrayList<>(events.stream().map(EventJson::encode).toList());
    // bad lines at the end of the first chunk, the start of the second and the end of the file;
    // blank lines are skipped, not dead letters
    lines.add(7, "");
    lines.add(chunk - 1, truncated);
    lines.add(chunk, notJson);
    lines.add(chunk + 1, "  ");
    lines.add(unknownKind);
    Files.write(dir.resolve("events.jsonl"), lines);
    List<Long> badLines = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (List.of(truncated, notJson, unknownKind).contains(lines.get(i))) {
        badLines.add(i + 1L);
      }
    }
    assertThat(badLines).containsExactly((long) chunk, (long) chunk + 1, (long) lines.size());

    PCollectionTuple read = pipeline.apply(ReadEventFiles.from(dir.resolve("*.jsonl").toString()));

    PAssert.that(read.get(SourceOutputs.EVENTS)).containsInAnyOrder(events);
    PAssert.that(read.get(SourceOutputs.DEAD_LETTERS)
            .apply(MapElements.into(TypeDescriptors.longs()).via((DeadLetter d) -> d.offset)))
        .containsInAnyOrder(badLines);
    pipeline.run();
  }
}

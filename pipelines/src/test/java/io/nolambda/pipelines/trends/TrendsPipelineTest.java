package io.nolambda.pipelines.trends;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.driver.core.Cluster;
import com.datastax.driver.core.Row;
import com.datastax.driver.core.Session;
import io.nolambda.events.EventJson;
import io.nolambda.io.cassandra.CassandraConnection;
import io.nolambda.testing.services.ServiceEndpoints;
import io.nolambda.testing.services.WithLocalServices;
import io.nolambda.testing.simulator.Burst;
import io.nolambda.testing.simulator.CitySimulator;
import io.nolambda.testing.simulator.Simulation;
import io.nolambda.testing.simulator.SimulatorConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trends pipeline end to end: a simulated city in a file, the serving table in Cassandra. */
@WithLocalServices
class TrendsPipelineTest {
  private static final long WINDOW_MILLIS = 5_000;
  private static final int HISTORY = 8;

  @Test
  void injectedBurstsAreInTheServingTable(ServiceEndpoints services, @TempDir Path dir) throws IOException {
    Simulation run = new CitySimulator(SimulatorConfig.builder()
        .seed(11).durationMillis(24 * WINDOW_MILLIS).routes(0).parkingEventsPerSecond(0)
        .incidentsEnabled(false).assetEventsPerSecond(20).assets(300).bursts(3).burstWindows(3)
        .trendWindows(WINDOW_MILLIS, HISTORY).build()).run();
    Path file = dir.resolve("city.jsonl");
    List<String> lines = new ArrayList<>(run.events().stream().map(EventJson::encode).toList());
    lines.add("{\"kind\":\"AssetEvent\",\"event_id\":\"broken\"}"); // a dead letter, not a failure
    Files.write(file, lines);

    TrendsOptions options = PipelineOptionsFactory.fromArgs("--runner=DirectRunner", "--source=file:" + file,
        "--deadLetterDir=" + dir.resolve("dead"), "--trendWindowSeconds=5", "--historyWindows=" + HISTORY,
        "--cassandraHosts=" + services.cassandraHost(), "--cassandraPort=" + services.cassandraPort(),
        "--cassandraLocalDc=" + services.localDatacenter(), "--cassandraKeyspace=trends_e2e").as(TrendsOptions.class);
    options.setCassandraUsername(services.credentials().username());
    options.setCassandraPassword(services.credentials().password());
    TrendsPipeline.create(options).run().waitUntilFinish();

    Set<String> found = new HashSet<>();
    try (Cluster cluster = CassandraConnection.fromOptions(options).cluster(); Session session = cluster.connect("trends_e2e")) {
      for (Row row : session.execute("SELECT segment, window_start, asset_id, rank, score FROM trending")) {
        assertThat(row.getInt("rank")).isBetween(1, 10);
        found.add(row.getString("segment") + "|" + row.getLong("window_start") + "|" + row.getString("asset_id"));
      }
    }
    for (Burst b : run.truth().bursts()) {
      for (int k = 0; k < b.windows(); k++) {
        assertThat(found).contains(segment(b) + "|" + (b.startMillis() + k * b.windowMillis()) + "|" + b.assetId());
      }
    }
    try (var dead = Files.list(dir.resolve("dead"))) {
      assertThat(dead.flatMap(TrendsPipelineTest::lines).toList()).singleElement().asString().contains("UNPARSABLE_LINE").contains("\"offset\":" + lines.size());
    }
  }

  private static String segment(Burst b) {
    return switch (b.segment().dimension()) {
      case ALL -> "all";
      case OS -> "os:" + b.segment().value();
      case REGION -> "region:" + b.segment().value();
    };
  }

  private static java.util.stream.Stream<String> lines(Path p) {
    try {
      return Files.readAllLines(p).stream();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

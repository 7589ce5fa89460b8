package io.nolambda.pipelines.parking;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.driver.core.Cluster;
import com.datastax.driver.core.Row;
import com.datastax.driver.core.Session;
import io.nolambda.events.EventJson;
import io.nolambda.io.cassandra.CassandraConnection;
import io.nolambda.testing.services.ServiceEndpoints;
import io.nolambda.testing.services.WithLocalServices;
import io.nolambda.testing.simulator.CitySimulator;
import io.nolambda.testing.simulator.ParkingZone;
import io.nolambda.testing.simulator.Simulation;
import io.nolambda.testing.simulator.SimulatorConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parking pipeline end to end: an hour of simulated parking in a file, the table in Cassandra. */
@WithLocalServices
class ParkingPipelineTest {
  private static final long WINDOW = 300_000;

  @Test
  void everyZoneHasAConsistentRowInEveryWindow(ServiceEndpoints services, @TempDir Path dir) throws IOException {
    SimulatorConfig config = SimulatorConfig.builder().seed(3).routes(0).incidentsEnabled(false)
        .assetEventsPerSecond(0).bursts(0).parkingEventsPerSecond(0.3).streetZones(8, 6).carParks(2, 80).build();
    Simulation run = new CitySimulator(config).run();
    Path file = dir.resolve("parking.jsonl");
    Files.write(file, run.events().stream().map(EventJson::encode).toList());

    ParkingOptions options = PipelineOptionsFactory.fromArgs("--runner=DirectRunner", "--source=file:" + file,
        "--deadLetterDir=" + dir.resolve("dead"), "--cassandraHosts=" + services.cassandraHost(),
        "--cassandraPort=" + services.cassandraPort(), "--cassandraLocalDc=" + services.localDatacenter(),
        "--cassandraKeyspace=parking_e2e").as(ParkingOptions.class);
    options.setCassandraUsername(services.credentials().username());
    options.setCassandraPassword(services.credentials().password());
    ParkingPipeline.create(options).run().waitUntilFinish();

    Map<String, Integer> capacity = new HashMap<>();
    run.truth().parkingZones().forEach(z -> capacity.put(z.zoneId(), z.capacity()));
    Set<String> rows = new HashSet<>();
    try (Cluster cluster = CassandraConnection.fromOptions(options).cluster(); Session session = cluster.connect("parking_e2e")) {
      for (Row row : session.execute("SELECT zone_id, window_start, window_end, occupancy, peak, free_at_end FROM occupancy")) {
        String zone = row.getString("zone_id");
        assertThat(capacity).containsKey(zone);
        assertThat(row.getLong("window_end") - row.getLong("window_start")).isEqualTo(WINDOW);
        assertThat(row.getDouble("occupancy")).isBetween(0.0, 1.0);
        assertThat(row.getDouble("peak")).isBetween(row.getDouble("occupancy") - 1e-9, 1.0);
        assertThat(row.getLong("free_at_end")).isBetween(0L, (long) capacity.get(zone));
        rows.add(zone + "@" + row.getLong("window_start"));
      }
    }
    // every zone reports a snapshot at the start, so its state is known in every window of the hour,
    // and after the last report for at most the staleness horizon (2 h by default)
    long staleAfter = options.getStaleAfterSeconds() * 1000;
    for (ParkingZone zone : run.truth().parkingZones()) {
      for (long start = config.startMillis(); start < config.endMillis(); start += WINDOW) {
        assertThat(rows).contains(zone.zoneId() + "@" + start);
      }
    }
    assertThat(rows).allSatisfy(r -> assertThat(Long.parseLong(r.substring(r.indexOf('@') + 1)))
        .isLessThan(config.endMillis() + staleAfter));
  }
}

package io.nolambda.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.driver.core.Cluster;
import com.datastax.driver.core.Session;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nolambda.io.cassandra.CassandraConnection;
import io.nolambda.testing.services.ServiceEndpoints;
import io.nolambda.testing.services.WithLocalServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} and {@code backfill} on the real Dresden car-park counts: a backfill of one day from
 * the archive, in slices, writes the same occupancy rows as one run over the file of the same data
 * into JSON lines; started again it has nothing left to do.
 */
@WithLocalServices
class RunAndBackfillCommandTest {
  private static final String FROM = "2024-03-05T00:00:00Z";
  private static final String TO = "2024-03-06T00:00:00Z";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void slicedBackfillFromTheArchiveEqualsOneRunOverTheFile(ServiceEndpoints services, @TempDir Path dir) throws IOException {
    Path password = Files.writeString(dir.resolve("password"), services.credentials().password());
    run("archive", "load", "--dataset=parking", "--keyspace=cli_backfill", "--cassandra-hosts=" + services.cassandraHost(),
        "--cassandra-port=" + services.cassandraPort(), "--cassandra-username=" + services.credentials().username(),
        "--cassandra-password-file=" + password);
    Path events = dir.resolve("dresden.jsonl");
    run("import", "--dataset=parking", "--to=file:" + events);
    List<String> pipeline = List.of("--pipeline=parking", "--from=" + FROM, "--to=" + TO,
        "--cassandraHosts=" + services.cassandraHost(), "--cassandraPort=" + services.cassandraPort(),
        "--cassandraLocalDc=" + services.localDatacenter(), "--cassandraUsername=" + services.credentials().username(),
        "--cassandraPassword=" + services.credentials().password(), "--deadLetterDir=" + dir.resolve("dead"));

    String first = CliRun.run(concat(List.of("backfill", "--slice-hours=8", "--state-dir=" + dir, "--archiveKeyspace=cli_backfill",
        "--cassandraKeyspace=cli_backfill"), pipeline));
    assertThat(first).contains("3 slices, 3 to do");
    String again = CliRun.run(concat(List.of("backfill", "--slice-hours=8", "--state-dir=" + dir, "--archiveKeyspace=cli_backfill",
        "--cassandraKeyspace=cli_backfill"), pipeline));
    assertThat(again).contains("3 slices, 0 to do (3 finished before)");
    CliRun.run(concat(List.of("run", "--source=file:" + events, "--sink=jsonl:" + dir.resolve("rows")), pipeline));

    Set<String> fromFile = jsonRows(dir.resolve("rows/occupancy"));
    Set<String> backfilled = new TreeSet<>();
    try (Cluster cluster = new CassandraConnection(List.of(services.cassandraHost()), services.cassandraPort(),
        services.localDatacenter(), services.credentials().username(), services.credentials().password()).cluster();
        Session session = cluster.connect("cli_backfill")) {
      session.execute("SELECT zone_id, window_start, occupancy, peak, free_at_end FROM occupancy")
          .forEach(r -> backfilled.add(key(r.getString(0), r.getLong(1), r.getDouble(2), r.getDouble(3), r.getLong(4))));
    }
    assertThat(fromFile).hasSizeGreaterThan(1000).isEqualTo(backfilled);
  }

  /** A row as text, doubles rounded to 1e-9 so that equal computations compare equal. */
  private static String key(String zone, long windowStart, double occupancy, double peak, long free) {
    return String.format("%s@%d %.9f %.9f %d", zone, windowStart, occupancy, peak, free);
  }

  private static Set<String> jsonRows(Path dir) throws IOException {
    Set<String> rows = new TreeSet<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        for (String line : Files.readAllLines(file)) {
          JsonNode r = JSON.readTree(line);
          rows.add(key(r.get("zone_id").asText(), r.get("window_start").asLong(), r.get("occupancy").asDouble(),
              r.get("peak").asDouble(), r.get("free_at_end").asLong()));
        }
      }
    }
    return rows;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static String run(String... args) {
    return CliRun.run(List.of(args));
  }
}

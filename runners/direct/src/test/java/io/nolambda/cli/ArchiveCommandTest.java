package io.nolambda.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nolambda.testing.services.ServiceEndpoints;
import io.nolambda.testing.services.WithLocalServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nolambda archive load|query} against the real local Cassandra. */
@WithLocalServices
class ArchiveCommandTest {

  @Test
  void loadsARealDataSetAndQueriesItWithAFilter(ServiceEndpoints services, @TempDir Path dir) throws IOException {
    Path password = Files.writeString(dir.resolve("password"), services.credentials().password());
    List<String> connection = List.of("--cassandra-hosts=" + services.cassandraHost(),
        "--cassandra-port=" + services.cassandraPort(), "--keyspace=cli_archive",
        "--cassandra-username=" + services.credentials().username(), "--cassandra-password-file=" + password);

    assertThat(CliRun.run(concat(List.of("archive", "load", "--dataset=incidents"), connection))).contains("city_incident=1404");

    String out = CliRun.run(concat(List.of("archive", "query", "--dataset=city_incident", "--columns=incident_id,status",
        "--where=status=CLOSED", "--limit=3"), connection));
    // 480 of the 924 service requests were closed within the extract (see the importer tests)
    assertThat(out).contains("480 rows").contains("incident_id").contains("CLOSED").doesNotContain("OPENED");
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}

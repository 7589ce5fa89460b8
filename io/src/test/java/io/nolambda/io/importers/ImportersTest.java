package io.nolambda.io.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nolambda.events.AssetEvent;
import io.nolambda.events.BusPosition;
import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.events.CityIncident;
import io.nolambda.events.ParkingEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ImportersTest {

  @Test
  void mapsDatasetNamesToImporters() {
    assertThat(Importers.datasets())
        .containsExactly("transit", "gtfs", "parking", "incidents", "clickstream");
    assertThat(Importers.get("transit")).isInstanceOf(BusPositionImporter.class);
    assertThat(Importers.get("gtfs")).isInstanceOf(GtfsImporter.class);
    assertThat(Importers.get("parking")).isInstanceOf(CarParkImporter.class);
    assertThat(Importers.get("incidents")).isInstanceOf(Nyc311Importer.class);
    assertThat(Importers.get("clickstream")).isInstanceOf(AccessLogImporter.class);
    assertThat(Importers.events("transit").eventClass()).isEqualTo(BusPosition.class);
    assertThat(Importers.events("parking").eventClass()).isEqualTo(ParkingEvent.class);
    assertThat(Importers.events("incidents").eventClass()).isEqualTo(CityIncident.class);
    assertThat(Importers.events("clickstream").eventClass()).isEqualTo(AssetEvent.class);
    for (String dataset : Importers.datasets()) {
      assertThat(Importers.get(dataset).dataset()).isEqualTo(dataset);
    }
  }

  @Test
  void rejectsUnknownNamesAndGtfsAsEvents() {
    assertThatThrownBy(() -> Importers.get("weather"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown dataset 'weather'")
        .hasMessageContaining("clickstream");
    assertThatThrownBy(() -> Importers.events("gtfs"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reference data");
  }

  @Test
  void everyDefaultFileExists() {
    for (String dataset : Importers.datasets()) {
      assertThat(Importers.defaultFile(dataset, TestData.dir())).isRegularFile();
    }
    assertThat(Importers.dataDir()).contains(TestData.dir());
  }

  @Test
  void streamsEnvelopedEventsOfAnyEventDataset() throws IOException {
    for (String dataset : Importers.datasets()) {
      if (!(Importers.get(dataset) instanceof EventImporter<?>)) {
        continue;
      }
      try (Stream<ParsedRow<CityEvent>> rows =
          Importers.cityEventRows(dataset, Importers.defaultFile(dataset, TestData.dir()))) {
        CityEvent first = rows.findFirst().orElseThrow().events().get(0);
        assertThat(first.getPayload()).isInstanceOf(Importers.events(dataset).eventClass());
        assertThat(CityEvents.eventId(first)).isNotBlank();
      }
    }
  }

  @Test
  void realFilesAreTheRowCountsOfTheReadme() throws IOException {
    // shared/data/README.md: 20,777 / 26,669 / 924 / 9,999 rows; each line is one row here
    assertThat(countLines("transit/wmata-vehicle-positions-2026-02-16.csv.gz")).isEqualTo(20_778);
    assertThat(countLines("clickstream/web-access-log-2015-05.csv.gz")).isEqualTo(10_000);
  }

  private static long countLines(String file) throws IOException {
    try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(TestData.file(file)));
        var reader = new java.io.BufferedReader(new java.io.InputStreamReader(in))) {
      return reader.lines().count();
    }
  }
}

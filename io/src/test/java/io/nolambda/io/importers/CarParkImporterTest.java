package io.nolambda.io.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.nolambda.events.ParkingEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expected numbers were taken from the file with python3, independently of this code. */
class CarParkImporterTest {
  private static ImportResult<ParkingEvent> real;

  @BeforeAll
  static void readRealFile() throws IOException {
    CarParkImporter importer = new CarParkImporter();
    real = importer.read(TestData.file(importer.defaultFile()));
  }

  @Test
  void readsEveryRowOfTheRealFile() {
    assertThat(real.rowsRead()).isEqualTo(26_669);
    assertThat(real.events()).hasSize(26_669);
    assertThat(real.rejected()).isEmpty();
  }

  @Test
  void firstRow() {
    ParkingEvent first = real.events().get(0);
    assertThat(first.getEventId()).isEqualTo("parking:dresden-parken-Altmarkt:1709510402000");
    assertThat(first.getEventTime()).as("2024-03-04T00:00:02+00:00").isEqualTo(1_709_510_402_000L);
    assertThat(first.getZoneId()).isEqualTo("dresden-parken-Altmarkt");
    assertThat(first.getFacilityId()).isEqualTo("dresden-parken-Altmarkt");
    assertThat(first.getBayId()).isNull();
    assertThat(first.getOccupied()).isNull();
    assertThat(first.getCapacity()).isEqualTo(400);
    assertThat(first.getFree()).isEqualTo(207);
    assertThat(first.getLat()).isEqualTo(51.0506700789);
    assertThat(first.getLon()).isEqualTo(13.741789104);
  }

  @Test
  void secondRowHasNoCoordinates() {
    ParkingEvent second = real.events().get(1);
    assertThat(second.getZoneId()).isEqualTo("dresden-parken-Ammonstrasse-Bus");
    assertThat(second.getCapacity()).isEqualTo(45);
    assertThat(second.getFree()).isZero();
    assertThat(second.getLat()).isNull();
    assertThat(second.getLon()).isNull();
  }

  @Test
  void lastRowHasMoreFreeSpacesThanCapacityAsReported() {
    ParkingEvent last = real.events().get(real.events().size() - 1);
    assertThat(last.getEventId())
        .isEqualTo("parking:dresden-parken-Wiener-Platz-Hauptbahnhof:1710114301000");
    assertThat(last.getCapacity()).isEqualTo(350);
    assertThat(last.getFree()).isEqualTo(360);
  }

  @Test
  void countsOfTheRealFile() {
    assertThat(real.events().stream().filter(e -> e.getLat() == null)).hasSize(7_777);
    assertThat(real.events().stream().filter(e -> e.getFree() > e.getCapacity())).hasSize(709);
    assertThat(real.events().stream().map(ParkingEvent::getZoneId).distinct()).hasSize(38);
    assertThat(
            real.events().stream()
                .filter(e -> e.getLat() == null)
                .map(ParkingEvent::getZoneId)
                .distinct())
        .hasSize(15);
  }

  @Test
  void eventIdsAreUnique() {
    assertThat(new HashSet<>(real.events().stream().map(ParkingEvent::getEventId).toList()))
        .hasSize(real.events().size());
  }

  @Test
  void reportsMalformedRowsOfAGzippedFileWhateverItsName(@TempDir Path dir) throws IOException {
    Path file =
        TestData.writeGzip(
            dir.resolve("readings.csv"), // gzip is detected by content, not by name
            "timestamp,place_id,city_name,num_all,free,latitude,longitude\n"
                + "2024-03-04T01:00:00+01:00,p1,Dresden,400,207,51.05,13.74\n" // 2
                + "2024-03-04 00:00:02,p1,Dresden,400,207,51.05,13.74\n" // 3
                + "2024-03-04T00:15:00Z,p1,Dresden,400,12a,51.05,13.74\n" // 4
                + "2024-03-04T00:30:00Z,p1,Dresden,400,10,51.05,\n" // 5
                + "2024-03-04T00:45:00Z,p1,Dresden,400,10,51.05,13.74,extra\n" // 6
                + "\n" // 7: a blank line is not a row
                + "2024-03-04T01:00:00Z,p2,Dresden,,10,,\n" // 8
                + "2024-03-04T01:15:00Z,,Dresden,5,1,,\n"); // 9

    ImportResult<ParkingEvent> result = new CarParkImporter().read(file);

    assertThat(result.rowsRead()).isEqualTo(7);
    assertThat(result.events())
        .extracting(ParkingEvent::getEventId, ParkingEvent::getCapacity, ParkingEvent::getLat)
        .containsExactly(
            tuple("parking:p1:1709510400000", 400, 51.05),
            tuple("parking:p2:1709514000000", null, null));
    assertThat(result.rejected())
        .extracting(RejectedRow::lineNumber, RejectedRow::reason)
        .containsExactly(
            tuple(3L, "timestamp: not an ISO-8601 date-time with offset: '2024-03-04 00:00:02'"),
            tuple(4L, "free: not an integer: '12a'"),
            tuple(5L, "only one of latitude and longitude is present"),
            tuple(6L, "expected 7 columns as in the header, found 8"),
            tuple(9L, "place_id: missing"));
  }
}

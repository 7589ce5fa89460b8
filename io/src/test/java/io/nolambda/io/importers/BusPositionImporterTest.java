package io.nolambda.io.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.nolambda.events.BusPosition;
import io.nolambda.events.CityEvent;
import io.nolambda.events.VehicleStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Expected numbers were taken from the file with python3's csv module, independently of this
 * code.
 */
class BusPositionImporterTest {
  private static final String HEADER =
      ",id,vehicle.trip.trip_id,vehicle.trip.start_time,vehicle.trip.start_date,"
          + "vehicle.trip.schedule_relationship,vehicle.trip.route_id,vehicle.trip.direction_id,"
          + "vehicle.position.latitude,vehicle.position.longitude,vehicle.position.bearing,"
          + "vehicle.position.speed,vehicle.current_stop_sequence,vehicle.current_status,"
          + "vehicle.timestamp,vehicle.stop_id,vehicle.vehicle.id,vehicle.vehicle.label,"
          + "vehicle.occupancy_status\n";

  private static ImportResult<BusPosition> real;

  @BeforeAll
  static void readRealFile() throws IOException {
    BusPositionImporter importer = new BusPositionImporter();
    real = importer.read(TestData.file(importer.defaultFile()));
  }

  @Test
  void readsEveryRowOfTheRealFile() {
    assertThat(real.rowsRead()).isEqualTo(20_777);
    assertThat(real.events()).hasSize(20_777);
    assertThat(real.rejected()).isEmpty();
    assertThat(real.rowsRead()).isEqualTo(real.events().size() + real.rejected().size());
  }

  @Test
  void firstRow() {
    BusPosition first = real.events().get(0);
    assertThat(first.getEventId()).isEqualTo("wmata:4582:1771257515");
    assertThat(first.getEventTime()).isEqualTo(1_771_257_515_000L);
    assertThat(first.getVehicleId()).isEqualTo("4582");
    assertThat(first.getRouteId()).isEqualTo("D96");
    assertThat(first.getDirectionId()).isEqualTo(1);
    assertThat(first.getTripId()).isEqualTo("30095100");
    assertThat(first.getLat()).isEqualTo(38.93341827392578);
    assertThat(first.getLon()).isEqualTo(-77.07974243164062);
    assertThat(first.getBearing()).isEqualTo(133.0);
    assertThat(first.getSpeedMps()).isEqualTo(8.839200019836426);
    assertThat(first.getStatus()).isEqualTo(VehicleStatus.STOPPED_AT);
    assertThat(first.getStopId()).isEqualTo("7752");
    assertThat(first.getOccupancy()).as("7 = NO_DATA_AVAILABLE").isNull();
  }

  @Test
  void secondRowHasAnEmptyBearing() {
    BusPosition second = real.events().get(1);
    assertThat(second.getEventId()).isEqualTo("wmata:5461:1771257489");
    assertThat(second.getBearing()).isNull();
    assertThat(second.getSpeedMps()).isEqualTo(0.0);
    assertThat(second.getDirectionId()).isZero();
    assertThat(second.getRouteId()).isEqualTo("C53");
  }

  @Test
  void occupancyCodesBecomeGtfsRealtimeNames() {
    assertThat(real.events().get(2).getOccupancy()).isEqualTo("MANY_SEATS_AVAILABLE");
    // line 11209, the first row with code 5
    assertThat(real.events().get(11209 - 2).getOccupancy()).isEqualTo("FULL");
    Map<String, Long> occupancy =
        real.events().stream()
            .collect(
                Collectors.groupingBy(
                    e -> Objects.toString(e.getOccupancy()), Collectors.counting()));
    assertThat(occupancy)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "null", 10_172L,
                "MANY_SEATS_AVAILABLE", 7_393L,
                "FEW_SEATS_AVAILABLE", 3_198L,
                "FULL", 14L));
  }

  @Test
  void countsOfTheRealFile() {
    assertThat(real.events().stream().filter(e -> e.getBearing() == null)).hasSize(8_284);
    assertThat(real.events().stream().filter(e -> e.getSpeedMps() == null)).isEmpty();
    assertThat(
            real.events().stream()
                .collect(Collectors.groupingBy(BusPosition::getStatus, Collectors.counting())))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(VehicleStatus.STOPPED_AT, 15_602L, VehicleStatus.IN_TRANSIT_TO, 5_175L));
    assertThat(real.events().stream().filter(e -> e.getDirectionId() == 1)).hasSize(10_665);
    assertThat(real.events().stream().map(BusPosition::getVehicleId).distinct()).hasSize(31);
    assertThat(real.events().stream().map(BusPosition::getTripId).distinct()).hasSize(132);
    assertThat(real.events().stream().mapToLong(BusPosition::getEventTime).min().orElseThrow())
        .isEqualTo(1_771_257_482_000L);
    assertThat(real.events().stream().mapToLong(BusPosition::getEventTime).max().orElseThrow())
        .isEqualTo(1_771_275_564_000L);
  }

  @Test
  void lastRow() {
    BusPosition last = real.events().get(real.events().size() - 1);
    assertThat(last.getEventId()).isEqualTo("wmata:7146:1771275559");
    assertThat(last.getStatus()).isEqualTo(VehicleStatus.IN_TRANSIT_TO);
    assertThat(last.getTripId()).isEqualTo("301100");
  }

  @Test
  void eventIdsAreUnique() {
    assertThat(new HashSet<>(real.events().stream().map(BusPosition::getEventId).toList()))
        .hasSize(real.events().size());
  }

  @Test
  void keepsFileOrderWhichIsNotTimeOrder() {
    List<BusPosition> events = real.events();
    long outOfOrder = 0;
    for (int i = 1; i < events.size(); i++) {
      if (events.get(i).getEventTime() < events.get(i - 1).getEventTime()) {
        outOfOrder++;
      }
    }
    assertThat(outOfOrder).isEqualTo(8_626);
  }

  @Test
  void reimportGivesTheSameIds() throws IOException {
    BusPositionImporter importer = new BusPositionImporter();
    try (Stream<ParsedRow<BusPosition>> rows = importer.rows(TestData.file(importer.defaultFile()))) {
      assertThat(rows.limit(3).flatMap(r -> r.events().stream()).map(BusPosition::getEventId))
          .containsExactly(
              "wmata:4582:1771257515", "wmata:5461:1771257489", "wmata:5463:1771257503");
    }
  }

  @Test
  void wrapsEventsInTheEnvelope() throws IOException {
    BusPositionImporter importer = new BusPositionImporter();
    try (Stream<ParsedRow<CityEvent>> rows =
        importer.cityEventRows(TestData.file(importer.defaultFile()))) {
      CityEvent first = rows.findFirst().orElseThrow().events().get(0);
      assertThat(first.getPayload()).isEqualTo(real.events().get(0));
    }
  }

  @Test
  void reportsMalformedRowsWithLineAndReason(@TempDir Path dir) throws IOException {
    String good = "0,1,T1,10:30:00,20260216,0.0,D96,1.0,38.9,-77.0,133.0,8.8,36.0,1.0,1771257515,7752,V1,V1,7\n";
    Path file =
        TestData.write(
            dir.resolve("positions.csv"),
            HEADER
                + good // line 2
                + "1,1,T1,10:30:00,20260216,0.0,D96,1.0,38.9,-77.0,133.0,8.8,36.0,1.0,1771257515,7752,V1,V1\n"
                + "2,1,T1,10:30:00,20260216,0.0,D96,1.0,38.9,-77.0,133.0,8.8,36.0,1.0,abc,7752,V1,V1,7\n"
                + "3,1,T1,10:30:00,20260216,0.0,D96,1.0,38.9,-77.0,133.0,8.8,36.0,3.0,1771257516,7752,V1,V1,7\n"
                + "4,1,T1,10:30:00,20260216,0.0,D96,1.0,91.5,-77.0,133.0,8.8,36.0,1.0,1771257517,7752,V1,V1,7\n"
                + "5,1,T1,10:30:00,20260216,0.0,D96,1.0,38.9,-77.0,133.0,8.8,36.0,1.0,1771257518,7752,,,7\n"
                + "6,1,T1,10:30:00,20260216,0.0,D96,0.5,38.9,-77.0,133.0,8.8,36.0,1.0,1771257519,7752,V1,V1,7\n"
                + "7,1,T1,10:30:00,20260216,0.0,D96,0.0,38.9,-77.0,,,36.0,0.0,1771257520,,V1,V1,\n"
                + "8,1,T1,10:30:00,20260216,0.0,D96,0.0,38.9,-77.0,NaN,,36.0,0.0,1771257521,,V1,V1,\n"
                + "9,1,T1,10:30:00,20260216,0.0,D96,0.0,38.9,-77.0,1.0,,36.0,0.0,1771257522,,V1,V1,9\n");

    ImportResult<BusPosition> result = new BusPositionImporter().read(file);

    assertThat(result.rowsRead()).isEqualTo(10);
    assertThat(result.events()).extracting(BusPosition::getEventId)
        .containsExactly("wmata:V1:1771257515", "wmata:V1:1771257520");
    BusPosition sparse = result.events().get(1);
    assertThat(sparse.getStatus()).isEqualTo(VehicleStatus.INCOMING_AT);
    assertThat(sparse.getBearing()).isNull();
    assertThat(sparse.getSpeedMps()).isNull();
    assertThat(sparse.getStopId()).isNull();
    assertThat(sparse.getOccupancy()).isNull();
    assertThat(result.rejected())
        .extracting(RejectedRow::lineNumber, RejectedRow::reason)
        .containsExactly(
            tuple(3L, "expected 19 columns as in the header, found 18"),
            tuple(4L, "vehicle.timestamp: not an integer: 'abc'"),
            tuple(5L, "vehicle.current_status: not a VehicleStopStatus code 0..2: 3"),
            tuple(6L, "vehicle.position.latitude: out of range [-90, 90]: 91.5"),
            tuple(7L, "vehicle.vehicle.id: missing"),
            tuple(8L, "vehicle.trip.direction_id: not an integer: '0.5'"),
            tuple(10L, "vehicle.position.bearing: not a number: 'NaN'"),
            tuple(11L, "vehicle.occupancy_status: not an OccupancyStatus code 0..8: 9"));
    assertThat(result.rejected().get(1).raw())
        .isEqualTo(
            "2,1,T1,10:30:00,20260216,0.0,D96,1.0,38.9,-77.0,133.0,8.8,36.0,1.0,abc,7752,V1,V1,7");
  }

  @Test
  void refusesAFileOfAnotherKind() {
    Path parking = TestData.file("parking/dresden-carpark-occupancy-2024-03-04_to_10.csv.gz");
    assertThatThrownBy(() -> new BusPositionImporter().read(parking))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not a transit file")
        .hasMessageContaining("vehicle.trip.trip_id");
  }
}

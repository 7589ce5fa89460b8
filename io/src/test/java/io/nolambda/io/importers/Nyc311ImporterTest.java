package io.nolambda.io.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.nolambda.events.CityIncident;
import io.nolambda.events.IncidentStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expected numbers were taken from the file with python3, independently of this code. */
class Nyc311ImporterTest {
  private static ImportResult<CityIncident> real;

  @BeforeAll
  static void readRealFile() throws IOException {
    Nyc311Importer importer = new Nyc311Importer();
    real = importer.read(TestData.file(importer.defaultFile()));
  }

  @Test
  void readsEveryRowOfTheRealFileWithClosedEvents() {
    assertThat(real.rowsRead()).isEqualTo(924);
    assertThat(real.acceptedRows()).isEqualTo(924);
    assertThat(real.rejected()).isEmpty();
    assertThat(real.events()).hasSize(924 + 480);
    assertThat(
            real.events().stream()
                .collect(Collectors.groupingBy(CityIncident::getStatus, Collectors.counting())))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(IncidentStatus.OPENED, 924L, IncidentStatus.CLOSED, 480L));
  }

  @Test
  void openedOnlyGivesOneEventPerRow() throws IOException {
    Nyc311Importer importer = new Nyc311Importer(false);
    ImportResult<CityIncident> opened = importer.read(TestData.file(importer.defaultFile()));
    assertThat(opened.events()).hasSize(924);
    assertThat(opened.events()).allMatch(e -> e.getStatus() == IncidentStatus.OPENED);
  }

  @Test
  void firstRowIsInProgressAndOnlyOpened() {
    CityIncident first = real.events().get(0);
    assertThat(first.getEventId()).isEqualTo("311:54049402:OPENED");
    assertThat(first.getIncidentId()).isEqualTo("54049402");
    assertThat(first.getSource()).isEqualTo("311");
    assertThat(first.getCategory()).isEqualTo("Noise - Residential");
    // 05/01/2022 12:00:03 AM EDT = 2022-05-01T04:00:03Z
    assertThat(first.getEventTime()).isEqualTo(1_651_377_603_000L);
    assertThat(first.getLat()).isEqualTo(40.83065331987539);
    assertThat(first.getLon()).isEqualTo(-73.92308231033165);
    assertThat(first.getStatus()).isEqualTo(IncidentStatus.OPENED);
    // the next event belongs to the second row
    assertThat(real.events().get(1).getIncidentId()).isEqualTo("54046813");
  }

  @Test
  void secondRowIsOpenedThenClosed() {
    List<CityIncident> second = real.events().subList(1, 3);
    assertThat(second)
        .extracting(
            CityIncident::getEventId, CityIncident::getEventTime, CityIncident::getStatus)
        .containsExactly(
            tuple("311:54046813:OPENED", 1_651_377_609_000L, IncidentStatus.OPENED),
            tuple("311:54046813:CLOSED", 1_651_378_066_000L, IncidentStatus.CLOSED));
    assertThat(second.get(1).getCategory()).isEqualTo("Noise - Street/Sidewalk");
    assertThat(second.get(1).getLat()).isEqualTo(second.get(0).getLat());
  }

  @Test
  void rowsWithoutCoordinates() {
    List<CityIncident> noCoordinates =
        real.events().stream()
            .filter(e -> e.getStatus() == IncidentStatus.OPENED && e.getLat() == null)
            .toList();
    assertThat(noCoordinates)
        .extracting(CityIncident::getIncidentId)
        .containsExactly(
            "54053391", "54053199", "54049277", "54052496", "54046162", "54048289", "54047757",
            "54050364", "54053190", "54052436", "54048277");
    CityIncident line53 = noCoordinates.get(0);
    assertThat(line53.getCategory()).isEqualTo("Street Condition");
    assertThat(line53.getLon()).isNull();
    assertThat(line53.getEventTime()).isEqualTo(1_651_377_887_000L);
  }

  @Test
  void timesSpanTheExtract() {
    assertThat(real.events().stream().mapToLong(CityIncident::getEventTime).min().orElseThrow())
        .isEqualTo(1_651_377_603_000L);
    assertThat(real.events().stream().mapToLong(CityIncident::getEventTime).max().orElseThrow())
        .as("the last closed date, 05/01/2022 02:06:52 AM EDT")
        .isEqualTo(1_651_385_212_000L);
    assertThat(real.events().stream().map(CityIncident::getCategory).distinct()).hasSize(37);
  }

  @Test
  void eventIdsAreUnique() {
    assertThat(new HashSet<>(real.events().stream().map(CityIncident::getEventId).toList()))
        .hasSize(real.events().size());
  }

  @Test
  void reportsMalformedRows(@TempDir Path dir) throws IOException {
    Path file =
        TestData.write(
            dir.resolve("311.csv"),
            "Unique Key,Created Date,Closed Date,Complaint Type,Status,Latitude,Longitude\n"
                + "1,05/01/2022 12:00:03 AM,05/01/2022 12:07:46 AM,Noise,Closed,40.8,-73.9\n" // 2
                + "2,2022-05-01 00:00:03,,Noise,Open,,\n" // 3
                + "3,05/01/2022 01:00:00 AM,05/01/2022 12:30:00 AM,Noise,Closed,,\n" // 4
                + "4,05/01/2022 01:30:00 PM,,\"Noise -\nResidential\",Open,,\n" // 5-6
                + "5,05/01/2022 13:00:00 PM,,Noise,Open,,\n" // 7
                + "6,11/06/2022 01:30:00 AM,,Noise,Open,,\n" // 8
                + "7,05/01/2022 12:00:03 AM,,,Open,,\n" // 9
                + "8,05/01/2022 12:00:03 AM,,Noise,Open,abc,-73.9\n" // 10
                + "9,\"05/01/2022 12:00:03 AM,,Noise,Open,,\n" // 11: unterminated quote
                + "10,05/01/2022 12:00:03 AM,,Noise,Open,,\n"); // 12: not read

    ImportResult<CityIncident> result = new Nyc311Importer().read(file);

    assertThat(result.rowsRead()).isEqualTo(9);
    assertThat(result.acceptedRows()).isEqualTo(3);
    assertThat(result.events())
        .extracting(CityIncident::getEventId, CityIncident::getEventTime, CityIncident::getCategory)
        .containsExactly(
            tuple("311:1:OPENED", 1_651_377_603_000L, "Noise"),
            tuple("311:1:CLOSED", 1_651_378_066_000L, "Noise"),
            // 1:30 PM EDT
            tuple("311:4:OPENED", 1_651_426_200_000L, "Noise -\nResidential"),
            // 1:30 AM of the autumn overlap: the earlier offset, EDT
            tuple("311:6:OPENED", 1_667_712_600_000L, "Noise"));
    assertThat(result.rejected())
        .extracting(RejectedRow::lineNumber, RejectedRow::reason)
        .containsExactly(
            tuple(3L, "Created Date: not MM/dd/yyyy hh:mm:ss AM|PM: '2022-05-01 00:00:03'"),
            tuple(4L, "Closed Date: before Created Date: '05/01/2022 12:30:00 AM'"),
            tuple(7L, "Created Date: not MM/dd/yyyy hh:mm:ss AM|PM: '05/01/2022 13:00:00 PM'"),
            tuple(9L, "Complaint Type: missing"),
            tuple(10L, "Latitude: not a number: 'abc'"),
            tuple(11L, "CSV syntax error, rest of file not read: (startline 11) EOF reached"
                + " before encapsulated token finished"));
    // the wording after the colon is Commons CSV's
  }
}

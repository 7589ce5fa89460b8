package io.nolambda.io.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.nolambda.events.ParkingEvent;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Line numbers, encodings and file-level failures, common to every CSV importer. */
class CsvRowsTest {
  private static final String HEADER =
      "timestamp,place_id,city_name,num_all,free,latitude,longitude";

  @Test
  void lineNumbersCountQuotedLineBreaksBlankLinesAndCrLf(@TempDir Path dir) throws IOException {
    Path file =
        TestData.write(
            dir.resolve("p.csv"),
            "\uFEFF" + HEADER + "\r\n" // 1, with a byte-order mark
                + "2024-03-04T00:00:00Z,p1,\"Dres\r\nden\",10,x,,\r\n" // 2-3
                + "\r\n" // 4
                + "2024-03-04T00:00:00Z,p2,\"multi\nline\ncity\",10,y,,\r\n" // 5-7
                + "2024-03-04T00:00:00Z,p3,Dresden,10,z,,"); // 8, no final newline

    ImportResult<ParkingEvent> result = new CarParkImporter().read(file);

    assertThat(result.rejected())
        .extracting(RejectedRow::lineNumber, RejectedRow::reason)
        .containsExactly(
            tuple(2L, "free: not an integer: 'x'"),
            tuple(5L, "free: not an integer: 'y'"),
            tuple(8L, "free: not an integer: 'z'"));
    assertThat(result.rejected().get(0).raw())
        .isEqualTo("2024-03-04T00:00:00Z,p1,\"Dres\r\nden\",10,x,,");
  }

  @Test
  void aHeaderOnlyFileHasNoRows(@TempDir Path dir) throws IOException {
    ImportResult<ParkingEvent> result =
        new CarParkImporter().read(TestData.write(dir.resolve("p.csv"), HEADER + "\n"));
    assertThat(result.rowsRead()).isZero();
    assertThat(result.summary()).isEqualTo("0 rows: 0 events, 0 rejected");
  }

  @Test
  void anEmptyFileIsRefused(@TempDir Path dir) throws IOException {
    Path file = TestData.write(dir.resolve("p.csv"), "");
    assertThatThrownBy(() -> new CarParkImporter().read(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not a parking file");
  }

  @Test
  void aTruncatedGzipFailsLoudly(@TempDir Path dir) throws IOException {
    StringBuilder content = new StringBuilder(HEADER).append('\n');
    for (int i = 0; i < 5000; i++) {
      content.append("2024-03-04T00:00:00Z,p").append(i).append(",D,10,1,,\n");
    }
    Path whole = TestData.writeGzip(dir.resolve("whole.csv.gz"), content.toString());
    byte[] bytes = Files.readAllBytes(whole);
    Path truncated = Files.write(dir.resolve("cut.csv.gz"), Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> new CarParkImporter().read(truncated))
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(EOFException.class);
  }

  @Test
  void rowsStreamLazilyAndInOrder(@TempDir Path dir) throws IOException {
    StringBuilder content = new StringBuilder(HEADER).append('\n');
    for (int i = 0; i < 1000; i++) {
      content.append("2024-03-04T00:00:00Z,p").append(i).append(",D,10,").append(i % 7).append(",,\n");
    }
    Path file = TestData.writeGzip(dir.resolve("p.csv.gz"), content.toString());
    try (Stream<ParsedRow<ParkingEvent>> rows = new CarParkImporter().rows(file)) {
      List<ParsedRow<ParkingEvent>> firstTwo = rows.limit(2).toList();
      assertThat(firstTwo).extracting(ParsedRow::lineNumber).containsExactly(2L, 3L);
      assertThat(firstTwo.get(1).events().get(0).getZoneId()).isEqualTo("p1");
    }
    assertThat(new CarParkImporter().read(file).events()).hasSize(1000);
  }
}

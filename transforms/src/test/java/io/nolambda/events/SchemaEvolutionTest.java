package io.nolambda.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/** A v2 schema with an added defaulted field is read by v1 code, and v1 data by v2 code. */
class SchemaEvolutionTest {

  private static final BusPosition V1_EVENT =
      BusPosition.newBuilder()
          .setEventId("bus-7-1")
          .setEventTime(1_771_257_600_000L)
          .setVehicleId("7")
          .setRouteId("C53")
          .setDirectionId(1)
          .setTripId("t-42")
          .setLat(38.9)
          .setLon(-77.03)
          .setSpeedMps(8.5)
          .setStatus(VehicleStatus.STOPPED_AT)
          .setStopId("s-1")
          .build();

  private static Schema v2() throws IOException {
    try (InputStream in = SchemaEvolutionTest.class.getResourceAsStream("/evolution/BusPosition-v2.avsc")) {
      return new Schema.Parser().parse(in);
    }
  }

  @Test
  void v2IsFullyCompatibleWithV1() throws IOException {
    Schema v1 = BusPosition.getClassSchema();
    assertThat(SchemaCompatibility.checkReaderWriterCompatibility(v1, v2()).getType())
        .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    assertThat(SchemaCompatibility.checkReaderWriterCompatibility(v2(), v1).getType())
        .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
  }

  @Test
  void v1CodeReadsV2Data() throws IOException {
    GenericRecord written = new GenericData.Record(v2());
    for (Schema.Field f : BusPosition.getClassSchema().getFields()) {
      Object value = V1_EVENT.get(f.pos());
      if (value instanceof VehicleStatus s) {
        value = new GenericData.EnumSymbol(v2().getField("status").schema(), s.name());
      }
      written.put(f.name(), value);
    }
    written.put("odometer_m", 12_345.5);
    byte[] bytes = encode(new GenericDatumWriter<>(v2()), written);

    BusPosition read =
        new SpecificDatumReader<BusPosition>(v2(), BusPosition.getClassSchema())
            .read(null, DecoderFactory.get().binaryDecoder(bytes, null));

    assertThat(read).isEqualTo(V1_EVENT);
  }

  @Test
  void v2CodeReadsV1DataWithTheDefault() throws IOException {
    byte[] bytes = encode(new SpecificDatumWriter<>(BusPosition.class), V1_EVENT);

    GenericRecord read =
        new GenericDatumReader<GenericRecord>(BusPosition.getClassSchema(), v2())
            .read(null, DecoderFactory.get().binaryDecoder(bytes, null));

    assertThat(read.get("odometer_m")).isNull();
    assertThat(read.get("vehicle_id").toString()).isEqualTo("7");
    assertThat(read.get("speed_mps")).isEqualTo(8.5);
    assertThat(read.get("status").toString()).isEqualTo("STOPPED_AT");
  }

  private static <T> byte[] encode(org.apache.avro.io.DatumWriter<T> writer, T datum) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    writer.write(datum, encoder);
    encoder.flush();
    return out.toByteArray();
  }
}

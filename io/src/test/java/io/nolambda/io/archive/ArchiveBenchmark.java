package io.nolambda.io.archive;

import io.nolambda.events.AssetEvent;
import io.nolambda.events.BusPosition;
import io.nolambda.events.CityEvent;
import io.nolambda.events.CityIncident;
import io.nolambda.events.ParkingEvent;
import io.nolambda.testing.simulator.CitySimulator;
import io.nolambda.testing.simulator.SimulatorConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.beam.sdk.schemas.Schema;

/**
 * Encoding study (not run in CI): {@code ArchiveBenchmark [events]}. For each dataset and column,
 * compressed bytes of 1000-row chunks with plain values + zstd versus the chosen Parquet encoding +
 * zstd, and the whole dataset versus row-oriented Avro binary in 1000-row blocks + zstd. The
 * end-to-end comparison with a row table and Parquet (disk, writes, scans) is
 * {@code bin/nolambda bench archive} (io.nolambda.cli.bench.ArchiveBench in runners/direct).
 */
public final class ArchiveBenchmark {
  private ArchiveBenchmark() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Map<String, List<SpecificRecord>> byKind = simulate(events);
    System.out.printf("%d simulated events: %s%n", events,
        byKind.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().size()).toList());
    encodings(byKind);
  }

  static Map<String, List<SpecificRecord>> simulate(int events) {
    // Default city rates give about 210 events per second, mostly asset events.
    SimulatorConfig config = SimulatorConfig.builder().seed(11).bursts(0)
        .durationMillis(Math.max(60_000L, events * 1000L / 210)).build();
    Map<String, List<SpecificRecord>> byKind = new LinkedHashMap<>();
    ArchiveTestSupport.KINDS.keySet().forEach(k -> byKind.put(k, new ArrayList<>()));
    int n = 0;
    for (CityEvent event : new CitySimulator(config)) {
      SpecificRecord payload = (SpecificRecord) event.getPayload();
      byKind.get(ArchiveTestSupport.datasetOf(payload.getSchema())).add(payload);
      if (++n >= events) {
        break;
      }
    }
    return byKind;
  }

  private static void encodings(Map<String, List<SpecificRecord>> byKind) throws IOException {
    System.out.printf("%n%-14s %-13s %-8s %11s %11s %11s %7s%n", "dataset", "column", "type", "plain+zstd",
        "parquet+zstd", "smallest", "ratio");
    long totalColumnar = 0;
    long totalAvro = 0;
    long totalPlain = 0;
    for (Map.Entry<String, List<SpecificRecord>> kind : byKind.entrySet()) {
      ArchiveSchema schema = AvroRows.schema(ArchiveTestSupport.KINDS.get(kind.getKey()));
      Schema beam = schema.toBeam();
      List<SpecificRecord> records = new ArrayList<>(kind.getValue());
      records.sort(java.util.Comparator.comparingLong(r -> (Long) r.get(1)));
      long datasetEncoded = 0;
      for (ArchiveSchema.Column column : schema.columns()) {
        long plain = 0;
        long fixed = 0;
        long encoded = 0;
        for (int from = 0; from < records.size(); from += ArchiveWriter.CHUNK_ROWS) {
          List<SpecificRecord> chunk = records.subList(from, Math.min(records.size(), from + ArchiveWriter.CHUNK_ROWS));
          Object[] values = new Object[chunk.size()];
          for (int i = 0; i < values.length; i++) {
            values[i] = AvroRows.toRow(chunk.get(i), beam).getValue(column.name());
          }
          plain += ColumnCodec.encode(column.type(), values, ColumnCodec.Mode.PLAIN).length;
          fixed += ColumnCodec.encode(column.type(), values, ColumnCodec.Mode.ENCODED).length;
          encoded += ColumnCodec.encode(column.type(), values).length;
        }
        System.out.printf("%-14s %-13s %-8s %11d %11d %11d %7.2f%n", kind.getKey(), column.name(), column.type(), plain,
            fixed, encoded, plain / (double) Math.max(1, encoded));
        datasetEncoded += encoded;
        totalPlain += plain;
      }
      long avro = avroBlocks(records);
      if (records.isEmpty()) {
        continue;
      }
      System.out.printf("%-14s %-13s %-8s %11s %11s %11d   (Avro rows+zstd: %d bytes, %.2fx)%n", kind.getKey(), "ALL",
          "", "", "", datasetEncoded, avro, avro / (double) Math.max(1, datasetEncoded));
      totalColumnar += datasetEncoded;
      totalAvro += avro;
    }
    System.out.printf("%nTOTAL columnar plain+zstd %d, columnar encoded+zstd %d, Avro rows+zstd %d bytes%n",
        totalPlain, totalColumnar, totalAvro);
  }

  private static long avroBlocks(List<SpecificRecord> records) throws IOException {
    long total = 0;
    for (int from = 0; from < records.size(); from += ArchiveWriter.CHUNK_ROWS) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
      for (SpecificRecord r : records.subList(from, Math.min(records.size(), from + ArchiveWriter.CHUNK_ROWS))) {
        new SpecificDatumWriter<SpecificRecord>(r.getSchema()).write(r, encoder);
      }
      encoder.flush();
      total += com.github.luben.zstd.Zstd.compress(out.toByteArray(), 3).length;
    }
    return total;
  }

  @SuppressWarnings("unused")
  private static final Class<?>[] KINDS = {BusPosition.class, ParkingEvent.class, CityIncident.class, AssetEvent.class};
}

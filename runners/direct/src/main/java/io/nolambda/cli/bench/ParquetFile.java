package io.nolambda.cli.bench;

import io.nolambda.events.BusPosition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.filter2.predicate.FilterApi;
import org.apache.parquet.filter2.predicate.Operators;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;

/** A local Parquet file (parquet-avro, zstd, default row groups and pages); deleted on close. */
final class ParquetFile implements Layout {
  private final Path file;

  ParquetFile() throws IOException {
    this.file = Files.createTempFile("bench-archive", ".parquet");
  }

  @Override
  public String name() {
    return "parquet";
  }

  @Override
  public void write(List<BusPosition> events) throws IOException {
    try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
        .withSchema(BenchEvents.AVRO)
        .withConf(new PlainParquetConfiguration())
        .withDataModel(GenericData.get())
        .withCompressionCodec(CompressionCodecName.ZSTD)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
        .build()) {
      for (BusPosition event : events) {
        writer.write(event);
      }
    }
  }

  @Override
  public long bytesOnDisk() throws IOException {
    return Files.size(file);
  }

  @Override
  public List<Reader> readers() {
    return List.of(new Reader("parquet_avro", this::scan, true));
  }

  /** Projection through parquet.avro.projection; the range through Parquet's filter API (row groups, pages, records). */
  private long scan(List<String> columns, TimeFilter filter) throws IOException {
    PlainParquetConfiguration conf = new PlainParquetConfiguration();
    // record-level filtering sees only projected columns: the time column is read too
    conf.set("parquet.avro.projection", projection(filter.columnsToRead(columns)).toString());
    conf.set("parquet.avro.compatible", "false");
    ParquetReader.Builder<GenericRecord> builder = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(file), conf)
        .withDataModel(GenericData.get());
    if (filter.filters()) {
      Operators.LongColumn time = FilterApi.longColumn(BenchEvents.TIME_COLUMN);
      builder = builder.withFilter(FilterCompat.get(
          FilterApi.and(FilterApi.gtEq(time, filter.from()), FilterApi.lt(time, filter.to()))));
    }
    long n = 0;
    try (ParquetReader<GenericRecord> reader = builder.build()) {
      for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
        for (int i = 0; i < columns.size(); i++) {
          r.get(i);
        }
        n++;
      }
    }
    return n;
  }

  private static Schema projection(List<String> columns) {
    Schema avro = BenchEvents.AVRO;
    return Schema.createRecord(avro.getName(), null, avro.getNamespace(), false, columns.stream().map(name -> {
      Schema.Field f = avro.getField(name);
      return new Schema.Field(f.name(), f.schema(), f.doc(), f.defaultVal());
    }).toList());
  }

  @Override
  public void close() throws IOException {
    Files.deleteIfExists(file);
  }
}

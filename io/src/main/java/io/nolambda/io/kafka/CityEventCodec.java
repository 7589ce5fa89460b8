package io.nolambda.io.kafka;

import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.io.DeadLetterReason;
import io.nolambda.io.UndecodableEventException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Kafka message bytes: Avro single-object encoding (marker C3 01, the writer schema's 64-bit
 * parsing fingerprint, little-endian, then the body), so every message names its writer schema.
 * Decoding looks the writer schema up in a {@link SchemaStore} (in production the
 * {@link io.nolambda.io.kafka.registry.KafkaSchemaRegistry}) and resolves it to this code's reader
 * schema of the same record name, so readers on v1 read v2 messages and the reverse. Decoded events
 * are then checked with {@link EventValidation}. Not thread-safe.
 */
public final class CityEventCodec {
  private static final int HEADER_BYTES = 10;
  private static final Map<String, Schema> READER_SCHEMAS = readerSchemas();

  private final SchemaStore writerSchemas;
  private final Map<Schema, BinaryMessageEncoder<Object>> encoders = new HashMap<>();
  private final Map<Long, DatumReader<SpecificRecord>> readers = new HashMap<>();
  private final Map<List<Object>, DatumReader<GenericRecord>> genericReaders = new HashMap<>();
  private BinaryDecoder decoder;

  public CityEventCodec(SchemaStore writerSchemas) {
    this.writerSchemas = writerSchemas;
  }

  /** A codec that knows only the schemas compiled into this build (no registry). */
  public static CityEventCodec withCompiledSchemas() {
    SchemaStore.Cache store = new SchemaStore.Cache();
    READER_SCHEMAS.values().forEach(store::addSchema);
    return new CityEventCodec(store);
  }

  /** The compiled schema of each event kind, by simple name (BusPosition, ...). */
  public static Map<String, Schema> compiledSchemas() {
    Map<String, Schema> byKind = new HashMap<>();
    READER_SCHEMAS.values().forEach(s -> byKind.put(s.getName(), s));
    return byKind;
  }

  /** Encodes with the compiled schema of the event's kind. */
  public byte[] encode(CityEvent event) {
    SpecificRecord payload = (SpecificRecord) event.getPayload();
    return encode(payload.getSchema(), SpecificData.get(), payload);
  }

  /** Encodes a record of any schema (e.g. a newer version of an event kind) with its own schema. */
  public byte[] encode(GenericRecord record) {
    return encode(record.getSchema(), GenericData.get(), record);
  }

  private byte[] encode(Schema schema, GenericData model, Object datum) {
    BinaryMessageEncoder<Object> encoder = encoders.computeIfAbsent(schema, s -> new BinaryMessageEncoder<>(model, s));
    try {
      ByteBuffer buffer = encoder.encode(datum);
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The writer schema fingerprint a message names, or throws NOT_SINGLE_OBJECT_ENCODING. */
  public static long fingerprint(byte[] bytes) {
    if (bytes == null || bytes.length < HEADER_BYTES || bytes[0] != (byte) 0xC3 || bytes[1] != 0x01) {
      throw new UndecodableEventException(DeadLetterReason.NOT_SINGLE_OBJECT_ENCODING,
          "no Avro single-object header (C3 01 + 8-byte fingerprint)"
              + (bytes == null ? ": null value" : ", " + bytes.length + " bytes"));
    }
    return ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
  }

  /**
   * Decodes and validates.
   *
   * @throws UndecodableEventException with the reason when the bytes are not a message of a
   *     known schema of a known event kind, or a value is out of range (INVALID_VALUE)
   */
  public CityEvent decode(byte[] bytes) {
    CityEvent event = decodeUnchecked(bytes);
    EventValidation.validate(event);
    return event;
  }

  /** Decodes without validating the values. */
  public CityEvent decodeUnchecked(byte[] bytes) {
    long fingerprint = fingerprint(bytes);
    Schema writer = writer(fingerprint);
    Schema reader = READER_SCHEMAS.get(writer.getFullName());
    if (reader == null) {
      throw new UndecodableEventException(DeadLetterReason.SCHEMA_MISMATCH,
          "writer schema " + writer.getFullName() + " " + Long.toHexString(fingerprint)
              + " is not an event kind this code reads");
    }
    DatumReader<SpecificRecord> datumReader =
        readers.computeIfAbsent(fingerprint, f -> new SpecificDatumReader<>(writer, reader, SpecificData.get()));
    return CityEvents.of(body(bytes, datumReader, writer, fingerprint));
  }

  /**
   * Decodes into a generic record of the given reader schema (e.g. a newer version than the one
   * compiled in), resolving the writer schema the message names to it.
   */
  public GenericRecord decode(byte[] bytes, Schema reader) {
    long fingerprint = fingerprint(bytes);
    Schema writer = writer(fingerprint);
    if (!writer.getFullName().equals(reader.getFullName())) {
      throw new UndecodableEventException(DeadLetterReason.SCHEMA_MISMATCH,
          "writer schema " + writer.getFullName() + " is not " + reader.getFullName());
    }
    DatumReader<GenericRecord> datumReader =
        genericReaders.computeIfAbsent(List.of(fingerprint, reader), k -> new GenericDatumReader<>(writer, reader));
    return body(bytes, datumReader, writer, fingerprint);
  }

  /**
   * Reads the body after the header with a direct (unbuffered) decoder: Avro's buffered decoder on a
   * byte array pads a truncated body with zeros and decodes it as if nothing were missing; the
   * direct one fails with an EOF. Bytes left over after the record are refused too.
   */
  private <T> T body(byte[] bytes, DatumReader<T> datumReader, Schema writer, long fingerprint) {
    ByteArrayInputStream in = new ByteArrayInputStream(bytes, HEADER_BYTES, bytes.length - HEADER_BYTES);
    decoder = DecoderFactory.get().directBinaryDecoder(in, decoder);
    T value;
    try {
      value = datumReader.read(null, decoder);
    } catch (IOException | RuntimeException e) {
      throw corrupt(writer, fingerprint, e);
    }
    if (in.available() > 0) {
      throw corrupt(writer, fingerprint, new IOException(in.available() + " bytes left after the record"));
    }
    return value;
  }

  private Schema writer(long fingerprint) {
    Schema writer = writerSchemas.findByFingerprint(fingerprint);
    if (writer == null) {
      throw new UndecodableEventException(DeadLetterReason.UNKNOWN_SCHEMA,
          "no registered schema has fingerprint " + Long.toHexString(fingerprint));
    }
    return writer;
  }

  private static UndecodableEventException corrupt(Schema writer, long fingerprint, Exception e) {
    return new UndecodableEventException(DeadLetterReason.CORRUPT_BODY,
        "body does not decode with writer schema " + writer.getFullName() + " "
            + Long.toHexString(fingerprint) + ": " + e);
  }

  private static Map<String, Schema> readerSchemas() {
    Map<String, Schema> byName = new HashMap<>();
    CityEvent.getClassSchema().getField("payload").schema().getTypes()
        .forEach(s -> byName.put(s.getFullName(), s));
    return Map.copyOf(byName);
  }
}

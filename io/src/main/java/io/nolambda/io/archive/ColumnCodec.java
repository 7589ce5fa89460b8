package io.nolambda.io.archive;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.column.values.ValuesWriter;
import org.apache.parquet.column.values.bytestreamsplit.ByteStreamSplitValuesReaderForDouble;
import org.apache.parquet.column.values.bytestreamsplit.ByteStreamSplitValuesWriter;
import org.apache.parquet.column.values.delta.DeltaBinaryPackingValuesReader;
import org.apache.parquet.column.values.delta.DeltaBinaryPackingValuesWriterForInteger;
import org.apache.parquet.column.values.delta.DeltaBinaryPackingValuesWriterForLong;
import org.apache.parquet.column.values.deltastrings.DeltaByteArrayReader;
import org.apache.parquet.column.values.deltastrings.DeltaByteArrayWriter;
import org.apache.parquet.column.values.dictionary.DictionaryValuesReader;
import org.apache.parquet.column.values.dictionary.DictionaryValuesWriter;
import org.apache.parquet.column.values.dictionary.PlainValuesDictionary;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridDecoder;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.apache.parquet.io.api.Binary;

/**
 * Encodes one column of one chunk into a blob, and back. The encoders are Parquet's
 * (parquet-column), the compressor is zstd (zstd-jni); nothing here is a hand-written codec.
 *
 * <p>Blob = zstd( tag, rowCount, nonNullCount, [null bitmap], values ). The null bitmap is
 * Parquet's RLE/bit-packing hybrid at bit width 1 (Parquet's definition levels), present only
 * when the chunk has nulls; values hold only the non-null values:
 * <ul>
 *   <li>INT64 / INT32 (timestamps, counts): DELTA_BINARY_PACKED (delta + bit-packing of deltas)
 *   <li>DOUBLE: BYTE_STREAM_SPLIT (the 8 bytes of each double are split into 8 streams, so
 *       exponents and high mantissa bytes compress well under zstd)
 *   <li>STRING: RLE_DICTIONARY when at most half the values are distinct, otherwise
 *       DELTA_BYTE_ARRAY (front coding; ids like {@code bus-000123} share prefixes)
 *   <li>BOOLEAN: RLE/bit-packing hybrid, bit width 1
 * </ul>
 * Per chunk the writer keeps whichever of these and PLAIN (big-endian values) is smallest after
 * zstd ({@link Mode#SMALLEST}): measured on simulated data (ArchiveBenchmark), a fixed choice
 * loses to PLAIN on some columns (repeated coordinates of parking bays, Zipf-distributed asset
 * ids), the adaptive choice never does. Decoding reads the tag, so any mix stays readable.
 */
public final class ColumnCodec {
  private static final int ZSTD_LEVEL = 3;
  private static final int PAGE = 64 * 1024;
  private static final HeapByteBufferAllocator HEAP = new HeapByteBufferAllocator();

  private static final byte TAG_PLAIN = 'P';
  private static final byte TAG_DELTA = 'T';
  private static final byte TAG_SPLIT = 'S';
  private static final byte TAG_DICT = 'D';
  private static final byte TAG_FRONT = 'F';
  private static final byte TAG_RLE = 'R';

  private ColumnCodec() {}

  /** How a column is encoded before zstd. */
  public enum Mode {
    /** Plain big-endian values (Parquet PLAIN layout): the baseline. */
    PLAIN,
    /** The type's Parquet encoding only (strings: dictionary or front coding by cardinality). */
    ENCODED,
    /** Per chunk, the smallest result after zstd of ENCODED and PLAIN (and for strings both). */
    SMALLEST
  }

  /** Encodes in {@link Mode#SMALLEST}: what the archive writes. */
  public static byte[] encode(ColumnType type, Object[] values) {
    return encode(type, values, Mode.SMALLEST);
  }

  public static byte[] encode(ColumnType type, Object[] values, Mode mode) {
    return switch (mode) {
      case PLAIN -> encode(type, values, TAG_PLAIN);
      case ENCODED -> encode(type, values, (byte) 0);
      case SMALLEST -> {
        byte[] best = encode(type, values, TAG_PLAIN);
        List<Byte> candidates = switch (type) {
          case STRING -> List.of(TAG_DICT, TAG_FRONT);
          case INT32, INT64 -> List.of(TAG_DELTA);
          case DOUBLE -> List.of(TAG_SPLIT);
          case BOOLEAN -> List.of(TAG_RLE);
        };
        for (byte tag : candidates) {
          byte[] blob = encode(type, values, tag);
          if (blob.length < best.length) {
            best = blob;
          }
        }
        yield best;
      }
    };
  }

  /** {@code forcedTag == 0}: the type's default choice. */
  private static byte[] encode(ColumnType type, Object[] values, byte forcedTag) {
    try {
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(raw);
      int nonNull = 0;
      for (Object v : values) {
        if (v != null) {
          nonNull++;
        }
      }
      Object[] present = new Object[nonNull];
      int i = 0;
      for (Object v : values) {
        if (v != null) {
          present[i++] = v;
        }
      }
      byte tag = forcedTag != 0 ? forcedTag : tagFor(type, present);
      out.writeByte(tag);
      out.writeInt(values.length);
      out.writeInt(nonNull);
      if (nonNull < values.length) {
        try (RunLengthBitPackingHybridEncoder bitmap = new RunLengthBitPackingHybridEncoder(1, 64, PAGE, HEAP)) {
          for (Object v : values) {
            bitmap.writeInt(v == null ? 0 : 1);
          }
          writeBlock(out, bitmap.toBytes().toByteArray());
        }
      }
      encodeValues(out, tag, type, present);
      out.flush();
      return Zstd.compress(raw.toByteArray(), ZSTD_LEVEL);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Decodes a blob into one value (or null) per row. */
  public static Object[] decode(ColumnType type, byte[] blob) {
    try {
      // a big-endian ByteBuffer reads what DataOutputStream wrote, without a synchronized read per byte
      ByteBuffer in = ByteBuffer.wrap(Zstd.decompress(blob, (int) Zstd.getFrameContentSize(blob)));
      byte tag = in.get();
      int rows = in.getInt();
      int nonNull = in.getInt();
      boolean[] present = new boolean[rows];
      if (nonNull < rows) {
        byte[] bitmap = readBlock(in);
        RunLengthBitPackingHybridDecoder decoder =
            new RunLengthBitPackingHybridDecoder(1, new ByteArrayInputStream(bitmap));
        for (int r = 0; r < rows; r++) {
          present[r] = decoder.readInt() == 1;
        }
      } else {
        java.util.Arrays.fill(present, true);
      }
      Object[] values = decodeValues(in, tag, type, nonNull);
      if (nonNull == rows) {
        return values;
      }
      Object[] result = new Object[rows];
      int next = 0;
      for (int r = 0; r < rows; r++) {
        if (present[r]) {
          result[r] = values[next++];
        }
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte tagFor(ColumnType type, Object[] present) {
    switch (type) {
      case INT32:
      case INT64:
        return TAG_DELTA;
      case DOUBLE:
        return TAG_SPLIT;
      case BOOLEAN:
        return TAG_RLE;
      case STRING:
        Set<Object> distinct = new HashSet<>();
        for (Object v : present) {
          distinct.add(v);
        }
        return distinct.size() * 2 <= present.length ? TAG_DICT : TAG_FRONT;
      default:
        throw new IllegalStateException(type.toString());
    }
  }

  private static void encodeValues(DataOutputStream out, byte tag, ColumnType type, Object[] present)
      throws IOException {
    switch (tag) {
      case TAG_PLAIN -> {
        for (Object v : present) {
          switch (type) {
            case INT32 -> out.writeInt((Integer) v);
            case INT64 -> out.writeLong((Long) v);
            case DOUBLE -> out.writeDouble((Double) v);
            case BOOLEAN -> out.writeBoolean((Boolean) v);
            case STRING -> {
              byte[] b = ((String) v).getBytes(StandardCharsets.UTF_8);
              out.writeInt(b.length);
              out.write(b);
            }
          }
        }
      }
      case TAG_DELTA -> {
        ValuesWriter w = type == ColumnType.INT32
            ? new DeltaBinaryPackingValuesWriterForInteger(64, PAGE, HEAP)
            : new DeltaBinaryPackingValuesWriterForLong(64, PAGE, HEAP);
        for (Object v : present) {
          if (type == ColumnType.INT32) {
            w.writeInteger((Integer) v);
          } else {
            w.writeLong((Long) v);
          }
        }
        writeBlock(out, w.getBytes().toByteArray());
        w.close();
      }
      case TAG_SPLIT -> {
        ValuesWriter w = new ByteStreamSplitValuesWriter.DoubleByteStreamSplitValuesWriter(64, PAGE, HEAP);
        for (Object v : present) {
          w.writeDouble((Double) v);
        }
        writeBlock(out, w.getBytes().toByteArray());
        w.close();
      }
      case TAG_RLE -> {
        try (RunLengthBitPackingHybridEncoder w = new RunLengthBitPackingHybridEncoder(1, 64, PAGE, HEAP)) {
          for (Object v : present) {
            w.writeInt((Boolean) v ? 1 : 0);
          }
          writeBlock(out, w.toBytes().toByteArray());
        }
      }
      case TAG_FRONT -> {
        ValuesWriter w = new DeltaByteArrayWriter(64, PAGE, HEAP);
        for (Object v : present) {
          w.writeBytes(Binary.fromString((String) v));
        }
        writeBlock(out, w.getBytes().toByteArray());
        w.close();
      }
      case TAG_DICT -> {
        DictionaryValuesWriter w = new DictionaryValuesWriter.PlainBinaryDictionaryValuesWriter(
            Integer.MAX_VALUE, Encoding.RLE_DICTIONARY, Encoding.PLAIN, HEAP);
        for (Object v : present) {
          w.writeBytes(Binary.fromString((String) v));
        }
        byte[] ids = w.getBytes().toByteArray();
        DictionaryPage page = w.toDictPageAndClose();
        out.writeInt(page == null ? 0 : page.getDictionarySize());
        writeBlock(out, page == null ? new byte[0] : page.getBytes().toByteArray());
        writeBlock(out, ids);
      }
      default -> throw new IllegalStateException("tag " + tag);
    }
  }

  private static Object[] decodeValues(ByteBuffer in, byte tag, ColumnType type, int count)
      throws IOException {
    Object[] values = new Object[count];
    switch (tag) {
      case TAG_PLAIN -> {
        for (int i = 0; i < count; i++) {
          values[i] = switch (type) {
            case INT32 -> in.getInt();
            case INT64 -> in.getLong();
            case DOUBLE -> in.getDouble();
            case BOOLEAN -> in.get() != 0;
            case STRING -> new String(readBlock(in), StandardCharsets.UTF_8);
          };
        }
      }
      case TAG_DELTA -> {
        ValuesReader r = reader(new DeltaBinaryPackingValuesReader(), count, readBlock(in));
        for (int i = 0; i < count; i++) {
          values[i] = type == ColumnType.INT32 ? (Object) r.readInteger() : (Object) r.readLong();
        }
      }
      case TAG_SPLIT -> {
        ValuesReader r = reader(new ByteStreamSplitValuesReaderForDouble(), count, readBlock(in));
        for (int i = 0; i < count; i++) {
          values[i] = r.readDouble();
        }
      }
      case TAG_RLE -> {
        RunLengthBitPackingHybridDecoder r =
            new RunLengthBitPackingHybridDecoder(1, new ByteArrayInputStream(readBlock(in)));
        for (int i = 0; i < count; i++) {
          values[i] = r.readInt() == 1;
        }
      }
      case TAG_FRONT -> {
        ValuesReader r = reader(new DeltaByteArrayReader(), count, readBlock(in));
        for (int i = 0; i < count; i++) {
          values[i] = utf8(r.readBytes());
        }
      }
      case TAG_DICT -> {
        int size = in.getInt();
        byte[] dict = readBlock(in);
        byte[] ids = readBlock(in);
        if (count > 0) {
          PlainValuesDictionary.PlainBinaryDictionary dictionary = new PlainValuesDictionary.PlainBinaryDictionary(
              new DictionaryPage(BytesInput.from(dict), size, Encoding.PLAIN));
          String[] strings = new String[size]; // each distinct value decoded once, then shared
          for (int d = 0; d < size; d++) {
            strings[d] = utf8(dictionary.decodeToBinary(d));
          }
          DictionaryValuesReader r = (DictionaryValuesReader) reader(new DictionaryValuesReader(dictionary), count, ids);
          for (int i = 0; i < count; i++) {
            values[i] = strings[r.readValueDictionaryId()];
          }
        }
      }
      default -> throw new IllegalStateException("unknown column encoding tag " + tag);
    }
    return values;
  }

  /** Binary.toStringUsingUTF8 goes through a charset decoder per value; String's own decoding is faster. */
  private static String utf8(Binary binary) {
    return new String(binary.getBytesUnsafe(), StandardCharsets.UTF_8);
  }

  private static ValuesReader reader(ValuesReader reader, int count, byte[] bytes) throws IOException {
    reader.initFromPage(count, ByteBufferInputStream.wrap(ByteBuffer.wrap(bytes)));
    return reader;
  }

  private static void writeBlock(DataOutputStream out, byte[] bytes) throws IOException {
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static byte[] readBlock(ByteBuffer in) {
    byte[] bytes = new byte[in.getInt()];
    in.get(bytes);
    return bytes;
  }
}

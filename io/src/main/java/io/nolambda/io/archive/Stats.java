package io.nolambda.io.archive;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;

/** Ordering of column values and the byte form of min/max statistics in the chunk index. */
final class Stats {
  private Stats() {}

  /** Total order used by statistics and predicates alike (Double.compare for doubles). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static int compare(Object a, Object b) {
    if (a instanceof Double x && b instanceof Double y) {
      return Double.compare(x, y);
    }
    return ((Comparable) a).compareTo(b);
  }

  static final Comparator<Object> ORDER = Stats::compare;

  static ByteBuffer toBytes(ColumnType type, Object value) {
    return switch (type) {
      case INT32 -> ByteBuffer.allocate(4).putInt(0, (Integer) value);
      case INT64 -> ByteBuffer.allocate(8).putLong(0, (Long) value);
      case DOUBLE -> ByteBuffer.allocate(8).putDouble(0, (Double) value);
      case BOOLEAN -> ByteBuffer.wrap(new byte[] {(byte) ((Boolean) value ? 1 : 0)});
      case STRING -> ByteBuffer.wrap(((String) value).getBytes(StandardCharsets.UTF_8));
    };
  }

  static Object fromBytes(ColumnType type, ByteBuffer bytes) {
    ByteBuffer b = bytes.duplicate();
    return switch (type) {
      case INT32 -> b.getInt(b.position());
      case INT64 -> b.getLong(b.position());
      case DOUBLE -> b.getDouble(b.position());
      case BOOLEAN -> b.get(b.position()) != 0;
      case STRING -> {
        byte[] s = new byte[b.remaining()];
        b.get(s);
        yield new String(s, StandardCharsets.UTF_8);
      }
    };
  }
}

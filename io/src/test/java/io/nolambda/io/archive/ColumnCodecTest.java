package io.nolambda.io.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ColumnCodecTest {
  private static Object randomValue(ColumnType type, Random random, int i) {
    return switch (type) {
      case INT32 -> random.nextInt(3) == 0 ? random.nextInt() : 1000 + i * 7 + random.nextInt(5);
      case INT64 -> random.nextInt(3) == 0 ? random.nextLong() : 1_772_430_000_000L + i * 250L + random.nextInt(100);
      case DOUBLE -> switch (random.nextInt(6)) {
        case 0 -> Double.NaN;
        case 1 -> -0.0;
        case 2 -> Double.MAX_VALUE;
        default -> 38.9 + random.nextGaussian() / 100;
      };
      case STRING -> random.nextInt(4) == 0 ? "ümlaut-✓-" + random.nextInt(5) : "bus-" + (100000 + i);
      case BOOLEAN -> random.nextBoolean();
    };
  }

  @ParameterizedTest
  @EnumSource(ColumnType.class)
  void roundTripsValuesAndNullsWithEveryEncoding(ColumnType type) {
    Random random = new Random(type.ordinal());
    for (int size : new int[] {0, 1, 2, 63, 64, 65, 1000}) {
      for (double nullRate : new double[] {0, 0.3, 1}) {
        Object[] values = new Object[size];
        for (int i = 0; i < size; i++) {
          values[i] = random.nextDouble() < nullRate ? null : randomValue(type, random, i);
        }
        assertThat(ColumnCodec.decode(type, ColumnCodec.encode(type, values))).containsExactly(values);
        for (ColumnCodec.Mode mode : ColumnCodec.Mode.values()) {
          byte[] blob = ColumnCodec.encode(type, values, mode);
          assertThat(ColumnCodec.decode(type, blob)).as("%s", mode).containsExactly(values);
        }
        assertThat(ColumnCodec.encode(type, values).length)
            .isLessThanOrEqualTo(ColumnCodec.encode(type, values, ColumnCodec.Mode.PLAIN).length);
      }
    }
  }

  @Test
  void lowCardinalityStringsUseADictionaryAndUniqueOnesFrontCoding() {
    Object[] categories = new Object[1000];
    Object[] ids = new Object[1000];
    for (int i = 0; i < 1000; i++) {
      categories[i] = "category-" + (i % 7);
      ids[i] = "bus-" + (1_000_000 + i * 3);
    }
    assertThat(ColumnCodec.decode(ColumnType.STRING, ColumnCodec.encode(ColumnType.STRING, categories)))
        .containsExactly(categories);
    assertThat(ColumnCodec.decode(ColumnType.STRING, ColumnCodec.encode(ColumnType.STRING, ids))).containsExactly(ids);
    // Sorted timestamps: delta + bit packing beats plain values under the same zstd.
    Object[] times = new Object[1000];
    for (int i = 0; i < 1000; i++) {
      times[i] = 1_772_430_000_000L + i * 237L + (i * 31 % 17);
    }
    assertThat(ColumnCodec.encode(ColumnType.INT64, times, ColumnCodec.Mode.ENCODED).length)
        .isLessThan(ColumnCodec.encode(ColumnType.INT64, times, ColumnCodec.Mode.PLAIN).length);
    assertThat(ColumnCodec.decode(ColumnType.STRING, ColumnCodec.encode(ColumnType.STRING, categories,
        ColumnCodec.Mode.ENCODED))).containsExactly(categories);
    assertThat(ColumnCodec.decode(ColumnType.STRING, ColumnCodec.encode(ColumnType.STRING, ids,
        ColumnCodec.Mode.ENCODED))).containsExactly(ids);
  }
}

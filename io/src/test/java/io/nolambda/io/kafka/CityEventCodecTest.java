package io.nolambda.io.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.io.DeadLetterReason;
import io.nolambda.io.UndecodableEventException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CityEventCodecTest {
  private final CityEventCodec codec = CityEventCodec.withCompiledSchemas();
  private final CityEvent event = CityEvents.of(EventValidationTest.bus());

  private static DeadLetterReason reason(Runnable decode) {
    try {
      decode.run();
      return null;
    } catch (UndecodableEventException e) {
      return e.reason();
    }
  }

  @Test
  void roundTrip() {
    assertThat(codec.decode(codec.encode(event))).isEqualTo(event);
  }

  @Test
  void everyTruncationIsRefused() {
    byte[] whole = codec.encode(event);
    for (int length = 0; length < whole.length; length++) {
      byte[] cut = Arrays.copyOf(whole, length);
      assertThat(reason(() -> codec.decode(cut))).as("cut to %d of %d bytes", length, whole.length)
          .isEqualTo(length < 10 ? DeadLetterReason.NOT_SINGLE_OBJECT_ENCODING : DeadLetterReason.CORRUPT_BODY);
    }
  }

  @Test
  void everyTruncationOfAnAssetEventIsRefused() {
    CityEvent asset = CityEvents.of(io.nolambda.events.AssetEvent.newBuilder().setEventId("asset-17").setEventTime(1_700_000_000_000L)
        .setAssetId("a1").setAction(io.nolambda.events.AssetAction.CLICK).setOs("ios").setRegion("eu").setUserId("u1").build());
    byte[] whole = codec.encode(asset);
    for (int length = 10; length < whole.length; length++) {
      byte[] cut = Arrays.copyOf(whole, length);
      assertThat(reason(() -> codec.decode(cut))).as("cut to %d of %d bytes", length, whole.length)
          .isEqualTo(DeadLetterReason.CORRUPT_BODY);
    }
  }

  @Test
  void trailingBytesAreRefused() {
    byte[] longer = Arrays.copyOf(codec.encode(event), codec.encode(event).length + 1);
    assertThatThrownBy(() -> codec.decode(longer)).isInstanceOfSatisfying(UndecodableEventException.class, e -> {
      assertThat(e.reason()).isEqualTo(DeadLetterReason.CORRUPT_BODY);
      assertThat(e.getMessage()).contains("1 bytes left after the record");
    });
  }

  @Test
  void anUnknownFingerprintIsUnknownSchema() {
    byte[] bytes = codec.encode(event);
    bytes[5] ^= 0x10;
    assertThat(reason(() -> codec.decode(bytes))).isEqualTo(DeadLetterReason.UNKNOWN_SCHEMA);
  }

  @Test
  void outOfRangeValuesAreInvalidValue() {
    CityEvent bad = CityEvents.of(io.nolambda.events.BusPosition.newBuilder(EventValidationTest.bus()).setLat(95.0).build());
    byte[] bytes = codec.encode(bad);
    assertThat(reason(() -> codec.decode(bytes))).isEqualTo(DeadLetterReason.INVALID_VALUE);
    assertThat(codec.decodeUnchecked(bytes)).isEqualTo(bad);
  }
}

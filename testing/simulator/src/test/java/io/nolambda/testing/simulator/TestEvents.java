package io.nolambda.testing.simulator;

import io.nolambda.events.CityEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

/** Helpers the tests share: Avro digests and typed views of a run's events. */
final class TestEvents {
  private TestEvents() {}

  /** SHA-256 over the Avro binary encoding of the events, in order. */
  static String digest(Iterable<CityEvent> events, Predicate<CityEvent> which) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      SpecificDatumWriter<CityEvent> writer = new SpecificDatumWriter<>(CityEvent.class);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(bytes, null);
      for (CityEvent event : events) {
        if (which.test(event)) {
          bytes.reset();
          writer.write(event, encoder);
          sha.update(bytes.toByteArray());
        }
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String digest(Iterable<CityEvent> events) {
    return digest(events, e -> true);
  }

  static <T> List<T> payloads(List<CityEvent> events, Class<T> type) {
    List<T> out = new ArrayList<>();
    for (CityEvent event : events) {
      if (type.isInstance(event.getPayload())) {
        out.add(type.cast(event.getPayload()));
      }
    }
    return out;
  }

  static Predicate<CityEvent> kind(Class<?> type) {
    return e -> type.isInstance(e.getPayload());
  }

  /** Distance in meters between two points, in the grid's local projection. */
  static double meters(CityGrid grid, double lat1, double lon1, double lat2, double lon2) {
    return Math.hypot(grid.x(lon1) - grid.x(lon2), grid.y(lat1) - grid.y(lat2));
  }
}

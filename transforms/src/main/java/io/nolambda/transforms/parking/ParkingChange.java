package io.nolambda.transforms.parking;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * A validated report of one parking unit (a sensor bay, or a car park facility): at {@code time}
 * it had {@code occupied} of {@code capacity} spaces taken. A bay is a unit of capacity 1.
 */
record ParkingChange(String unit, boolean bay, String eventId, long time, int occupied, int capacity) {

  /** Field by field. */
  static final class Coder extends CustomCoder<ParkingChange> {
    @Override
    public void encode(ParkingChange c, OutputStream out) throws IOException {
      StringUtf8Coder.of().encode(c.unit, out);
      BooleanCoder.of().encode(c.bay, out);
      StringUtf8Coder.of().encode(c.eventId, out);
      VarLongCoder.of().encode(c.time, out);
      VarIntCoder.of().encode(c.occupied, out);
      VarIntCoder.of().encode(c.capacity, out);
    }

    @Override
    public ParkingChange decode(InputStream in) throws IOException {
      return new ParkingChange(StringUtf8Coder.of().decode(in), BooleanCoder.of().decode(in),
          StringUtf8Coder.of().decode(in), VarLongCoder.of().decode(in), VarIntCoder.of().decode(in),
          VarIntCoder.of().decode(in));
    }
  }
}

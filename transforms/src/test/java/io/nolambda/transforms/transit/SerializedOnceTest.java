package io.nolambda.transforms.transit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.beam.sdk.util.SerializableUtils;
import org.junit.jupiter.api.Test;

class SerializedOnceTest {
  private static final AtomicInteger WRITES = new AtomicInteger();

  /** A value that counts how often Java serialization writes it (a class: records ignore writeObject). */
  private static final class Counted implements Serializable {
    private final String text;

    Counted(String text) {
      this.text = text;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
      WRITES.incrementAndGet();
      out.defaultWriteObject();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Counted c && c.text.equals(text);
    }

    @Override
    public int hashCode() {
      return text.hashCode();
    }
  }

  @Test
  void theValueIsSerializedOnceHoweverOftenItsHolderIs() {
    WRITES.set(0);
    SerializedOnce<Counted> held = SerializedOnce.of(new Counted("timetable"));
    for (int i = 0; i < 5; i++) {
      SerializedOnce<?> copy = SerializableUtils.clone(held);
      assertThat(copy.get()).isEqualTo(new Counted("timetable"));
    }
    assertThat(WRITES).hasValue(1);
    // a deserialized copy keeps the bytes: serializing it again does not write the value either
    SerializableUtils.clone(SerializableUtils.clone(held));
    assertThat(WRITES).hasValue(1);
  }

  @Test
  void aValueThatCannotBeSerializedIsRefusedAtOnce() {
    assertThatThrownBy(() -> SerializedOnce.of(new Object())).isInstanceOf(IllegalArgumentException.class);
  }
}

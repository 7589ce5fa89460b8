package io.nolambda.transforms.transit;

import java.io.Serializable;
import org.apache.beam.sdk.util.SerializableUtils;

/**
 * A large immutable value a DoFn carries (the timetable), Java-serialized once into bytes that every
 * later serialization of the DoFn writes as one array. The DirectRunner serializes a ParDo's DoFn
 * again for every bundle (it translates the ParDo to read its schema information); written object
 * by object, a timetable of 147k stop times made that most of the time of a run on Direct.
 */
final class SerializedOnce<T> implements Serializable {
  private final transient T value;
  private transient byte[] bytes;

  private SerializedOnce(T value, byte[] bytes) {
    this.value = value;
    this.bytes = bytes;
  }

  /** {@code value} must be serializable and must not change afterwards. */
  static <T> SerializedOnce<T> of(T value) {
    if (!(value instanceof Serializable)) {
      throw new IllegalArgumentException("not serializable: " + value.getClass());
    }
    return new SerializedOnce<>(value, null);
  }

  T get() {
    return value;
  }

  private synchronized byte[] bytes() {
    if (bytes == null) {
      bytes = SerializableUtils.serializeToByteArray((Serializable) value);
    }
    return bytes;
  }

  private Object writeReplace() {
    return new Form(bytes());
  }

  /** What is written: the value's bytes. */
  private static final class Form implements Serializable {
    private final byte[] bytes;

    Form(byte[] bytes) {
      this.bytes = bytes;
    }

    private Object readResolve() {
      return new SerializedOnce<>(SerializableUtils.deserializeFromByteArray(bytes, "a value carried by a DoFn"), bytes);
    }
  }
}

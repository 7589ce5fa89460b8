package io.nolambda.io;

import java.util.Arrays;
import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;

/**
 * Input that did not become an event: why, where it came from (a Kafka topic, partition and offset,
 * or a file and line number) and its original bytes, so it can be inspected and replayed.
 */
@DefaultSchema(JavaFieldSchema.class)
public final class DeadLetter {
  public final String reason;
  public final String detail;
  public final String source;
  /** Kafka partition; 0 for a file. */
  public final int partition;
  /** Kafka offset, or 1-based line number in a file. */
  public final long offset;
  public final byte[] payload;

  @SchemaCreate
  public DeadLetter(String reason, String detail, String source, int partition, long offset, byte[] payload) {
    this.reason = reason;
    this.detail = detail;
    this.source = source;
    this.partition = partition;
    this.offset = offset;
    this.payload = payload;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DeadLetter d && reason.equals(d.reason) && detail.equals(d.detail)
        && source.equals(d.source) && partition == d.partition && offset == d.offset
        && Arrays.equals(payload, d.payload);
  }

  @Override
  public int hashCode() {
    return Objects.hash(reason, source, partition, offset);
  }

  @Override
  public String toString() {
    return reason + " at " + source + "/" + partition + "@" + offset + ": " + detail;
  }
}

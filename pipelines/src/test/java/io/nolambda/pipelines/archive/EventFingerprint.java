package io.nolambda.pipelines.archive;

import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * A multiset of events in two numbers: how many, and the wrapping sum of a 64-bit digest of each
 * event's Avro encoding. A missing, repeated or changed event changes the pair (a collision needs
 * two digests to cancel out, about 2^-64), and sums merge in any order, as a runner combines.
 */
record EventFingerprint(long count, long digestSum) implements Serializable {
  private static final AvroCoder<CityEvent> CODER = AvroCoder.of(CityEvent.class);

  static EventFingerprint of(CityEvent event) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(CoderUtils.encodeToByteArray(CODER, event));
      return new EventFingerprint(1, ByteBuffer.wrap(digest).getLong());
    } catch (CoderException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  EventFingerprint plus(EventFingerprint other) {
    return new EventFingerprint(count + other.count, digestSum + other.digestSum);
  }

  /** The fingerprints of events by kind, computed here (the expectation). */
  static Map<String, EventFingerprint> of(Iterable<CityEvent> events) {
    Map<String, EventFingerprint> byKind = new TreeMap<>();
    for (CityEvent e : events) {
      byKind.merge(CityEvents.kind(e), of(e), EventFingerprint::plus);
    }
    return byKind;
  }

  /** The same, computed by the pipeline under test. */
  static PTransform<PCollection<CityEvent>, PCollection<KV<String, EventFingerprint>>> perKind() {
    return new PTransform<>() {
      @Override
      public PCollection<KV<String, EventFingerprint>> expand(PCollection<CityEvent> events) {
        KvCoder<String, EventFingerprint> coder = KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(EventFingerprint.class));
        return events
            .apply("Fingerprint", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(),
                TypeDescriptor.of(EventFingerprint.class))).via(e -> KV.of(CityEvents.kind(e), of(e))))
            .setCoder(coder)
            .apply("Sum per kind", Combine.perKey(EventFingerprint::plusAll))
            .setCoder(coder);
      }
    };
  }

  private static EventFingerprint plusAll(Iterable<EventFingerprint> parts) {
    EventFingerprint sum = new EventFingerprint(0, 0);
    for (EventFingerprint part : parts) {
      sum = sum.plus(part);
    }
    return sum;
  }
}

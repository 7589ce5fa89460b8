package io.nolambda.transforms.transit;

import static io.nolambda.transforms.transit.TransitFixtures.A;
import static io.nolambda.transforms.transit.TransitFixtures.C;
import static io.nolambda.transforms.transit.TransitFixtures.DAY;
import static io.nolambda.transforms.transit.TransitFixtures.HOUR;
import static io.nolambda.transforms.transit.TransitFixtures.MINUTE;
import static io.nolambda.transforms.transit.TransitFixtures.T0;
import static io.nolambda.transforms.transit.TransitFixtures.arrival;
import static io.nolambda.transforms.transit.TransitFixtures.position;
import static org.assertj.core.api.Assertions.assertThat;

import io.nolambda.events.CityEvent;
import io.nolambda.events.VehicleStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** MeasureStopWaits: the wait formula, carried headways, schedule, dedup; order-insensitivity. */
class MeasureStopWaitsTest {
  private final TestPipeline pipeline = TestPipeline.create().enableAbandonedNodeEnforcement(true);

  private static StopWaitRow row(String stop, long windowStart, long arrivals, Double expected,
      Double scheduled, Double excess) {
    return new StopWaitRow("R", 0, stop, windowStart, windowStart + HOUR, arrivals, expected,
        scheduled, excess);
  }

  private static TimestampedValue<Arrival> at(Arrival a) {
    return TimestampedValue.of(a, new Instant(a.getArrivalTime()));
  }

  @Test
  void waitsComeFromTheHeadwaysEndingInTheWindowIncludingOnesThatStartedBefore() {
    List<TimestampedValue<Arrival>> arrivals = List.of(
        at(arrival("T1", "A", 0, "e1")),
        at(arrival("T2", "A", 10 * MINUTE, "e2")),
        // a second arrival of T2 within the dedup gap (e.g. a corrected late arrival): ignored
        at(arrival("T2", "A", 12 * MINUTE, "e2b")),
        at(arrival("T3", "A", 30 * MINUTE, "e3")),
        // next window; its headway starts at T3 in the previous one
        at(arrival("T4", "A", 65 * MINUTE, "e4")),
        // after a gap longer than the max headway: no headway
        at(arrival("T5", "A", 4 * HOUR, "e5")),
        at(arrival("T1", "B", 5 * MINUTE, "b1")));

    PCollection<StopWaitRow> rows = pipeline
        .apply(Create.timestamped(arrivals).withCoder(DetectArrivals.arrivalCoder(pipeline)))
        .apply(MeasureStopWaits.create(TransitFixtures.feed(), DAY));

    // scheduled at A: T1..T6 every 15 min from 15:00 UTC, so 450 s in both windows
    PAssert.that(rows).containsInAnyOrder(
        // headways 600 s and 1200 s: (600^2 + 1200^2) / (2 * 1800) = 500 s
        row("A", T0, 3, 500.0, 450.0, 50.0),
        // one headway of 35 min
        row("A", T0 + HOUR, 1, 1050.0, 450.0, 600.0),
        row("A", T0 + 4 * HOUR, 1, null, null, null),
        // one arrival, no observed headway; B is scheduled at 15:05, 15:20, 15:35, 15:50
        row("B", T0, 1, null, 450.0, null));
    pipeline.run();
  }

  @Test
  void shuffledPositionsGiveTheSameArrivalsAndWaitsAsOrderedOnes() {
    List<TimestampedValue<CityEvent>> events = journeys(new Random(11));
    List<TimestampedValue<CityEvent>> shuffled = new ArrayList<>(events);
    Collections.shuffle(shuffled, new Random(4));
    TestStream.Builder<CityEvent> builder = TestStream.create(AvroCoder.of(CityEvent.class));
    int batch = 17;
    for (int from = 0; from < shuffled.size(); from += batch) {
      int to = Math.min(from + batch, shuffled.size());
      for (TimestampedValue<CityEvent> e : shuffled.subList(from, to)) {
        builder = builder.addElements(e);
      }
      long earliestLeft = shuffled.subList(to, shuffled.size()).stream()
          .mapToLong(tv -> tv.getTimestamp().getMillis()).min().orElse(Long.MAX_VALUE);
      if (earliestLeft != Long.MAX_VALUE) {
        builder = builder.advanceWatermarkTo(new Instant(earliestLeft));
      }
    }
    DetectArrivals detect = DetectArrivals.create(TransitFixtures.feed());
    // 30 min windows: most headways start in an earlier window
    MeasureStopWaits measure = MeasureStopWaits.create(TransitFixtures.feed(), DAY)
        .withWindow(Duration.standardMinutes(30));

    PCollectionTuple streamed = pipeline.apply("Shuffled", builder.advanceWatermarkToInfinity())
        .apply("Detect shuffled", detect);
    PCollectionTuple ordered = pipeline
        .apply("Ordered", Create.timestamped(events).withCoder(AvroCoder.of(CityEvent.class)))
        .apply("Detect ordered", detect);
    PCollection<StopWaitRow> streamedWaits =
        streamed.get(DetectArrivals.ARRIVALS).apply("Measure shuffled", measure);
    PCollection<StopWaitRow> orderedWaits =
        ordered.get(DetectArrivals.ARRIVALS).apply("Measure ordered", measure);

    PAssert.that(unmatched("arrivals", streamed.get(DetectArrivals.ARRIVALS),
        ordered.get(DetectArrivals.ARRIVALS))).empty();
    PAssert.that(unmatched("waits", streamedWaits, orderedWaits)).empty();
    PAssert.that(ordered.get(DetectArrivals.ARRIVALS)).satisfies(a -> {
      assertThat(a).hasSize(TransitFixtures.TRIPS * 3);
      return null;
    });
    PAssert.that(orderedWaits).satisfies(rows -> {
      assertThat(rows).hasSizeGreaterThanOrEqualTo(6);
      assertThat(rows).anySatisfy(r -> assertThat(r.getExcessWaitS()).isNotNull());
      return null;
    });
    PAssert.that(ordered.get(DetectArrivals.INVALID)).empty();
    pipeline.run();
  }

  /**
   * Trips T1..T6 run A to B to C about on schedule (+-3 min); at each stop a STOPPED_AT report
   * (fix up to 15 m off) and 1 or 2 dwell reports, between stops a report every 30 s; some
   * reports are delivered twice.
   */
  private static List<TimestampedValue<CityEvent>> journeys(Random rng) {
    List<TimestampedValue<CityEvent>> events = new ArrayList<>();
    double degree = 111_195.0;
    for (int k = 1; k <= TransitFixtures.TRIPS; k++) {
      String trip = "T" + k;
      long depart = (k - 1) * 15 * MINUTE + rng.nextInt(360_000) - 180_000;
      for (long t = 0; t <= 10 * MINUTE; t += 30_000) {
        double lat = A[0] + (C[0] - A[0]) * t / (10.0 * MINUTE);
        String id = trip + "@" + t;
        events.add(position(id, trip, depart + t + rng.nextInt(20_000) + 1_000,
            lat + 300 / degree, A[1], VehicleStatus.IN_TRANSIT_TO, null));
      }
      String[] stops = {"A", "B", "C"};
      for (int s = 0; s < 3; s++) {
        double lat = A[0] + (C[0] - A[0]) * s / 2.0 + (rng.nextDouble() - 0.5) * 30 / degree;
        long at = depart + s * 5 * MINUTE;
        events.add(position(trip + stops[s], trip, at, lat, A[1], VehicleStatus.STOPPED_AT, stops[s]));
        for (int d = 1; d <= 1 + rng.nextInt(2); d++) {
          events.add(position(trip + stops[s] + d, trip, at + d * 20_000, lat, A[1],
              rng.nextBoolean() ? VehicleStatus.STOPPED_AT : VehicleStatus.IN_TRANSIT_TO, stops[s]));
        }
      }
    }
    events.add(events.get(7));
    events.add(events.get(events.size() - 3));
    return events;
  }

  private static <T> PCollection<String> unmatched(String name, PCollection<T> streamed,
      PCollection<T> ordered) {
    return PCollectionList.of(tagged(name, streamed, "streamed")).and(tagged(name, ordered, "ordered"))
        .apply("Flatten " + name, Flatten.pCollections())
        .apply("Group " + name, GroupByKey.create())
        .apply("Unmatched " + name, ParDo.of(new UnmatchedRows()));
  }

  private static <T> PCollection<KV<String, String>> tagged(String name, PCollection<T> rows,
      String source) {
    return rows.apply("Tag " + name + " " + source, MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
            .via(r -> KV.of(r.toString(), source)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
  }

  /** A row both runs gave, once each, is matched; anything else is reported. */
  private static final class UnmatchedRows extends DoFn<KV<String, Iterable<String>>, String> {
    @ProcessElement
    public void process(@Element KV<String, Iterable<String>> row, OutputReceiver<String> out) {
      List<String> sources = new ArrayList<>();
      row.getValue().forEach(sources::add);
      Collections.sort(sources);
      if (!sources.equals(List.of("ordered", "streamed"))) {
        out.output(row.getKey() + " from " + sources);
      }
    }
  }
}

package io.nolambda.transforms.parking;

import io.nolambda.transforms.TestKit;
import static org.assertj.core.api.Assertions.assertThat;

import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.events.ParkingEvent;
import io.nolambda.transforms.InvalidEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** MeasureParkingOccupancy on TestStream: carried state, staleness, lateness, order, dead letters. */
class MeasureParkingOccupancyTest {
  private static final long T0 = Instant.parse("2026-03-02T06:00:00Z").getMillis();
  private static final long MINUTE = 60_000;
  private static final long W = 5 * MINUTE;

  private final TestPipeline pipeline = TestPipeline.create().enableAbandonedNodeEnforcement(true);

  private static TimestampedValue<CityEvent> bay(String id, long minutes, String bay, boolean occupied) {
    return at(ParkingEvent.newBuilder().setEventId(id).setEventTime(T0 + minutes * MINUTE)
        .setZoneId("z1").setBayId(bay).setOccupied(occupied).setLat(38.9).setLon(-77.0).build());
  }

  private static TimestampedValue<CityEvent> facility(String id, long minutes, int capacity, int free) {
    return at(ParkingEvent.newBuilder().setEventId(id).setEventTime(T0 + minutes * MINUTE)
        .setZoneId("p1").setFacilityId("p1").setCapacity(capacity).setFree(free).build());
  }

  private static TimestampedValue<CityEvent> at(ParkingEvent e) {
    return TimestampedValue.of(CityEvents.of(e), new Instant(e.getEventTime()));
  }

  private static OccupancyRow row(String zone, int window, double occupancy, double peak,
      long arrivals, long departures, long free, Double dwellSeconds) {
    return new OccupancyRow(zone, T0 + window * W, T0 + (window + 1) * W, occupancy, peak, arrivals,
        departures, free, dwellSeconds);
  }

  private static IntervalWindow window(int i) {
    return new IntervalWindow(new Instant(T0 + i * W), new Instant(T0 + (i + 1) * W));
  }

  private static TestStream.Builder<CityEvent> stream() {
    return TestStream.create(AvroCoder.of(CityEvent.class));
  }

  @Test
  void aParkedCarCountsInEveryWindowUntilItsStateIsStale() {
    TestStream<CityEvent> stream = stream()
        .addElements(bay("b1-snap", 0, "b1", false), bay("b2-snap", 0, "b2", true),
            bay("b1-in", 1, "b1", true), bay("b1-out", 12, "b1", false))
        .advanceWatermarkToInfinity();

    PCollection<OccupancyRow> rows = pipeline.apply(stream)
        .apply(MeasureParkingOccupancy.create().withStaleAfter(Duration.standardMinutes(30)))
        .get(MeasureParkingOccupancy.OCCUPANCY);

    PAssert.that(rows).containsInAnyOrder(
        // the snapshots are not arrivals; b1 arrives at minute 1
        row("z1", 0, (0.5 * MINUTE + 1.0 * 4 * MINUTE) / W, 1, 1, 0, 0, null),
        // no events: both cars still parked
        row("z1", 1, 1, 1, 0, 0, 0, null),
        // b1 leaves at minute 12 after 11 minutes
        row("z1", 2, (1.0 * 2 * MINUTE + 0.5 * 3 * MINUTE) / W, 1, 0, 1, 1, 660.0),
        row("z1", 3, 0.5, 0.5, 0, 0, 1, null),
        row("z1", 4, 0.5, 0.5, 0, 0, 1, null),
        row("z1", 5, 0.5, 0.5, 0, 0, 1, null),
        // b2's snapshot from minute 0 is stale from minute 30: only b1 (free) is known
        row("z1", 6, 0, 0, 0, 0, 1, null),
        row("z1", 7, 0, 0, 0, 0, 1, null),
        // b1 is stale from minute 42; nothing is known after it, so no further rows
        row("z1", 8, 0, 0, 0, 0, 0, null));
    pipeline.run();
  }

  @Test
  void facilityCountsGiveArrivalsDeparturesAndFreeSpaces() {
    TestStream<CityEvent> stream = stream()
        .addElements(facility("f0", 0, 100, 40), facility("f1", 2, 100, 37), facility("f2", 4, 100, 39))
        .advanceWatermarkToInfinity();

    PCollection<OccupancyRow> rows = pipeline.apply(stream)
        .apply(MeasureParkingOccupancy.create().withStaleAfter(Duration.standardMinutes(6)))
        .get(MeasureParkingOccupancy.OCCUPANCY);

    PAssert.that(rows).containsInAnyOrder(
        row("p1", 0, (0.6 * 2 * MINUTE + 0.63 * 2 * MINUTE + 0.61 * MINUTE) / W, 0.63, 3, 2, 39, null),
        // known until minute 10
        row("p1", 1, 0.61, 0.61, 0, 0, 39, null));
    pipeline.run();
  }

  @Test
  void lateReportsWithinTheAllowedLatenessUpdateWindowsAndLaterOnesAreDropped() {
    TestStream<CityEvent> stream = stream()
        // out of order: the arrival comes before the snapshot it follows
        .addElements(bay("in", 2, "b1", true), bay("snap", 0, "b1", false))
        .advanceWatermarkTo(new Instant(T0 + 6 * MINUTE))
        // late, within the allowed lateness: refires window 0
        .addElements(bay("out", 4, "b1", false))
        .advanceWatermarkTo(new Instant(T0 + 30 * MINUTE))
        // beyond the allowed lateness of every window it would reach: dropped
        .addElements(bay("too-late", 4, "b1", true))
        .advanceWatermarkToInfinity();

    PCollection<OccupancyRow> rows = pipeline.apply(stream)
        .apply(MeasureParkingOccupancy.create().withStaleAfter(Duration.standardMinutes(10))
            .withAllowedLateness(Duration.standardMinutes(5)))
        .get(MeasureParkingOccupancy.OCCUPANCY);

    PAssert.that(rows).inOnTimePane(window(0)).containsInAnyOrder(row("z1", 0, 0.6, 1, 1, 0, 0, null));
    PAssert.that(rows).inLatePane(window(0)).containsInAnyOrder(row("z1", 0, 0.4, 1, 1, 1, 1, 120.0));
    PAssert.that(rows).inWindow(window(1)).containsInAnyOrder(row("z1", 1, 0, 0, 0, 0, 1, null));
    PAssert.that(rows).inWindow(window(2)).containsInAnyOrder(row("z1", 2, 0, 0, 0, 0, 0, null));
    PAssert.that(rows).inWindow(window(3)).empty();
    pipeline.run();
  }

  @Test
  void shuffledBatchesGiveTheSameRowsAsOrderedInput() {
    List<TimestampedValue<CityEvent>> events = randomReports(new Random(5));
    List<TimestampedValue<CityEvent>> shuffled = new ArrayList<>(events);
    Collections.shuffle(shuffled, new Random(9));
    TestStream.Builder<CityEvent> builder = stream();
    for (int from = 0; from < shuffled.size(); from += 23) {
      List<TimestampedValue<CityEvent>> batch = shuffled.subList(from, Math.min(from + 23, shuffled.size()));
      builder = TestKit.add(builder, batch);
      long earliestLeft = shuffled.subList(Math.min(from + 23, shuffled.size()), shuffled.size()).stream()
          .mapToLong(tv -> tv.getTimestamp().getMillis()).min().orElse(Long.MAX_VALUE);
      if (earliestLeft != Long.MAX_VALUE) {
        builder = builder.advanceWatermarkTo(new Instant(earliestLeft));
      }
    }
    MeasureParkingOccupancy measure = MeasureParkingOccupancy.create()
        .withStaleAfter(Duration.standardMinutes(20));

    PCollection<OccupancyRow> streamed = pipeline.apply("Shuffled", builder.advanceWatermarkToInfinity())
        .apply("Measure shuffled", measure).get(MeasureParkingOccupancy.OCCUPANCY);
    PCollection<OccupancyRow> ordered = pipeline
        .apply("Ordered", Create.timestamped(events).withCoder(AvroCoder.of(CityEvent.class)))
        .apply("Measure ordered", measure).get(MeasureParkingOccupancy.OCCUPANCY);

    PCollection<String> unmatched = PCollectionList.of(tagged(streamed, "streamed"))
        .and(tagged(ordered, "ordered"))
        .apply(Flatten.pCollections())
        .apply(GroupByKey.create())
        .apply(ParDo.of(new UnmatchedRows()));
    PAssert.that(unmatched).empty();
    PAssert.that(ordered).satisfies(rows -> {
      assertThat(rows).hasSizeGreaterThan(20);
      return null;
    });
    pipeline.run();
  }

  @Test
  void invalidReportsAreDeadLettersWithTheirReason() {
    TestStream<CityEvent> stream = stream()
        .addElements(bay("ok", 0, "b1", true),
            at(ParkingEvent.newBuilder().setEventId("no-zone").setEventTime(T0).setZoneId("")
                .setBayId("b1").setOccupied(true).build()),
            at(ParkingEvent.newBuilder().setEventId("no-unit").setEventTime(T0).setZoneId("z1").build()),
            at(ParkingEvent.newBuilder().setEventId("no-state").setEventTime(T0).setZoneId("z1")
                .setBayId("b2").build()),
            facility("zero-capacity", 0, 0, 0),
            facility("negative", 0, 10, -1),
            facility("overfull", 0, 10, 11))
        .advanceWatermarkToInfinity();

    PCollectionTuple out = pipeline.apply(stream)
        .apply(MeasureParkingOccupancy.create().withStaleAfter(Duration.standardMinutes(3)));

    PAssert.that(out.get(MeasureParkingOccupancy.INVALID)).containsInAnyOrder(
        new InvalidEvent("missing zone_id", "no-zone", "ParkingEvent"),
        new InvalidEvent("neither bay_id nor facility_id", "no-unit", "ParkingEvent"),
        new InvalidEvent("missing occupied", "no-state", "ParkingEvent"),
        new InvalidEvent("capacity not positive", "zero-capacity", "ParkingEvent"),
        new InvalidEvent("negative free", "negative", "ParkingEvent"),
        new InvalidEvent("free above capacity", "overfull", "ParkingEvent"));
    PAssert.that(out.get(MeasureParkingOccupancy.OCCUPANCY))
        // known for the first 3 minutes only, occupied all of them; unknown at the end
        .containsInAnyOrder(row("z1", 0, 1, 1, 0, 0, 0, null));
    PipelineResult result = pipeline.run();
    result.waitUntilFinish();

    assertThat(counter(result, "events_in")).isEqualTo(7);
    assertThat(counter(result, "invalid")).isEqualTo(6);
    assertThat(counter(result, "events_valid")).isEqualTo(1);
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

  private static PCollection<KV<String, String>> tagged(PCollection<OccupancyRow> rows, String source) {
    return rows.apply("Tag " + source, MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
            .via(r -> KV.of(r.toString(), source)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
  }

  private static long counter(PipelineResult result, String name) {
    return TestKit.counter(result, MeasureParkingOccupancy.class, name);
  }

  /** An hour of two street blocks (4 bays each) and a car park, with some redeliveries. */
  private static List<TimestampedValue<CityEvent>> randomReports(Random rng) {
    List<TimestampedValue<CityEvent>> events = new ArrayList<>();
    for (int b = 0; b < 8; b++) {
      boolean occupied = rng.nextBoolean();
      long t = rng.nextInt((int) MINUTE);
      while (t < 60 * MINUTE) {
        events.add(at(ParkingEvent.newBuilder().setEventId("bay" + b + "@" + t).setEventTime(T0 + t)
            .setZoneId("z" + b / 4).setBayId("bay" + b).setOccupied(occupied).build()));
        occupied = !occupied;
        t += 1 + rng.nextInt((int) (15 * MINUTE));
      }
    }
    int free = 20;
    for (long t = 0; t < 60 * MINUTE; t += 1 + rng.nextInt((int) (2 * MINUTE))) {
      free = Math.max(0, Math.min(50, free + rng.nextInt(5) - 2));
      events.add(at(ParkingEvent.newBuilder().setEventId("car-park@" + t)
          .setEventTime(T0 + t).setZoneId("p1").setFacilityId("p1").setCapacity(50).setFree(free).build()));
    }
    events.add(events.get(3));
    events.add(events.get(events.size() - 5));
    return events;
  }
}

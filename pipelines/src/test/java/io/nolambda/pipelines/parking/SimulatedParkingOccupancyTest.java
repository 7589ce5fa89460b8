package io.nolambda.pipelines.parking;

import static org.assertj.core.api.Assertions.assertThat;

import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.events.ParkingEvent;
import io.nolambda.testing.simulator.CitySimulator;
import io.nolambda.testing.simulator.SimulatorConfig;
import io.nolambda.testing.simulator.Simulation;
import io.nolambda.transforms.parking.MeasureParkingOccupancy;
import io.nolambda.transforms.parking.OccupancyRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * On an hour of simulated parking: no dead letters, a row for every zone and window of the run,
 * and arrivals and departures that are exactly the sensors' changes, the run-start snapshots not
 * counted.
 */
class SimulatedParkingOccupancyTest {
  private static final long W = 5 * 60_000;

  private final TestPipeline pipeline = TestPipeline.create().enableAbandonedNodeEnforcement(true);

  @Test
  void arrivalsAndDeparturesAreTheSensorsChangesWithoutTheSnapshots() {
    SimulatorConfig config = SimulatorConfig.builder()
        .seed(3)
        .routes(0)
        .incidentsEnabled(false)
        .assetEventsPerSecond(0)
        .bursts(0)
        .parkingEventsPerSecond(0.3)
        .streetZones(8, 6)
        .carParks(2, 80)
        .build();
    Simulation run = new CitySimulator(config).run();
    List<TimestampedValue<CityEvent>> events = new ArrayList<>();
    // "zone|window_start" -> {arrivals, departures}, from each unit's consecutive reports
    HashMap<String, long[]> expected = new HashMap<>();
    Map<String, Integer> lastOccupied = new HashMap<>();
    for (CityEvent e : run.events()) {
      ParkingEvent p = (ParkingEvent) e.getPayload();
      events.add(TimestampedValue.of(e, new Instant(CityEvents.eventTime(e))));
      String unit = p.getBayId() != null ? "bay:" + p.getBayId() : "facility:" + p.getFacilityId();
      int occupied = p.getBayId() != null ? (p.getOccupied() ? 1 : 0) : p.getCapacity() - p.getFree();
      Integer before = lastOccupied.put(unit, occupied);
      long[] counts = expected.computeIfAbsent(
          p.getZoneId() + "|" + Math.floorDiv(p.getEventTime(), W) * W, k -> new long[2]);
      if (before != null) { // the first report of a unit is its snapshot
        counts[0] += Math.max(0, occupied - before);
        counts[1] += Math.max(0, before - occupied);
      }
    }
    int zones = run.truth().parkingZones().size();
    long runStart = config.startMillis();
    long runEnd = config.endMillis();
    assertThat(zones).isEqualTo(10);
    assertThat(expected.values().stream().mapToLong(c -> c[0]).sum()).isGreaterThan(20);

    PCollectionTuple out = pipeline
        .apply(Create.timestamped(events).withCoder(AvroCoder.of(CityEvent.class)))
        .apply(MeasureParkingOccupancy.create());

    PAssert.that(out.get(MeasureParkingOccupancy.INVALID)).empty();
    PAssert.that(out.get(MeasureParkingOccupancy.OCCUPANCY)).satisfies(rows -> {
      int inRun = 0;
      for (OccupancyRow r : rows) {
        assertThat(r.getOccupancy()).isBetween(0.0, 1.0);
        assertThat(r.getPeak()).isBetween(r.getOccupancy() - 1e-12, 1.0);
        long[] counts = expected.getOrDefault(r.getZoneId() + "|" + r.getWindowStart(), new long[2]);
        assertThat(new long[] {r.getArrivals(), r.getDepartures()}).as("%s", r).containsExactly(counts);
        if (r.getWindowStart() >= runStart && r.getWindowEnd() <= runEnd) {
          inRun++;
        }
      }
      assertThat(inRun).isEqualTo(zones * (int) ((runEnd - runStart) / W));
      return null;
    });
    pipeline.run();
  }
}

package io.nolambda.pipelines.transit;

import static org.assertj.core.api.Assertions.assertThat;

import io.nolambda.events.BusPosition;
import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.events.VehicleStatus;
import io.nolambda.testing.simulator.CitySimulator;
import io.nolambda.testing.simulator.SimulatorConfig;
import io.nolambda.testing.simulator.Simulation;
import io.nolambda.transforms.transit.Arrival;
import io.nolambda.transforms.transit.DetectArrivals;
import io.nolambda.transforms.transit.MeasureStopWaits;
import io.nolambda.transforms.transit.StopWaitRow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TimestampedValue;
import org.junit.jupiter.api.Test;

/**
 * On two simulated hours of buses (the simulator reports STOPPED_AT at each true stop arrival):
 * every stop arrival is found once, at or shortly before its STOPPED_AT report; without incidents
 * the buses keep the timetable, so the excess wait is near zero; incidents hold the buses and
 * close the stops near them, so the same city with incidents has a larger mean excess wait.
 */
class SimulatedStopWaitsTest {
  /** Mean excess wait per run, filled by the PAssert checks (the direct runner shares the JVM). */
  private static final Map<String, Double> MEAN_EXCESS = new ConcurrentHashMap<>();

  private final TestPipeline pipeline = TestPipeline.create().enableAbandonedNodeEnforcement(true);

  private static SimulatorConfig config(boolean incidents) {
    return SimulatorConfig.builder()
        .seed(7)
        .durationMillis(2 * 3_600_000)
        .routes(2)
        .incidentsEnabled(incidents)
        .incidentsPerHour(8)
        .parkingEventsPerSecond(0)
        .assetEventsPerSecond(0)
        .bursts(0)
        .build();
  }

  @Test
  void arrivalsAreTheStopArrivalsAndIncidentsRaiseTheExcessWait() {
    measure("control", config(false));
    measure("incidents", config(true));
    pipeline.run().waitUntilFinish();

    System.out.println("mean excess wait: " + MEAN_EXCESS);
    assertThat(MEAN_EXCESS.get("control")).isBetween(-30.0, 30.0);
    assertThat(MEAN_EXCESS.get("incidents")).isGreaterThan(MEAN_EXCESS.get("control"));
  }

  private void measure(String name, SimulatorConfig config) {
    Simulation run = new CitySimulator(config).run();
    LocalDate day = Instant.ofEpochMilli(config.startMillis()).atZone(ZoneOffset.UTC).toLocalDate();
    List<TimestampedValue<CityEvent>> events = new ArrayList<>();
    // (trip, stop) -> time of its first STOPPED_AT report
    HashMap<String, Long> stopped = new HashMap<>();
    for (CityEvent e : run.events()) {
      events.add(TimestampedValue.of(e, new org.joda.time.Instant(CityEvents.eventTime(e))));
      if (e.getPayload() instanceof BusPosition p && p.getStatus() == VehicleStatus.STOPPED_AT) {
        stopped.merge(p.getTripId() + "|" + p.getStopId(), p.getEventTime(), Math::min);
      }
    }
    assertThat(stopped).hasSizeGreaterThan(200);

    PCollectionTuple detected = pipeline
        .apply("Simulate " + name, Create.timestamped(events).withCoder(AvroCoder.of(CityEvent.class)))
        .apply("Detect " + name, DetectArrivals.create(run.truth().feed()));
    PCollection<StopWaitRow> waits = detected.get(DetectArrivals.ARRIVALS)
        .apply("Waits " + name, MeasureStopWaits.create(run.truth().feed(), day));

    PAssert.that("no dead letters " + name, detected.get(DetectArrivals.INVALID)).empty();
    PAssert.that("arrivals " + name, detected.get(DetectArrivals.ARRIVALS)).satisfies(arrivals -> {
      HashSet<String> seen = new HashSet<>();
      for (Arrival a : arrivals) {
        String key = a.getTripId() + "|" + a.getStopId();
        assertThat(seen.add(key)).as("one arrival of %s", key).isTrue();
        Long at = stopped.get(key);
        if (at != null) {
          assertThat(a.getArrivalTime()).as(key).isBetween(at - 120_000, at);
        }
      }
      assertThat(seen).containsAll(stopped.keySet());
      return null;
    });
    PAssert.that("waits " + name, waits).satisfies(rows -> {
      double sum = 0;
      int n = 0;
      for (StopWaitRow r : rows) {
        if (r.getExcessWaitS() != null) {
          sum += r.getExcessWaitS();
          n++;
        }
      }
      assertThat(n).isGreaterThan(20);
      MEAN_EXCESS.put(name, sum / n);
      return null;
    });
  }
}

package io.nolambda.pipelines.transit;

import static org.assertj.core.api.Assertions.assertThat;

import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.testing.simulator.CitySimulator;
import io.nolambda.testing.simulator.SimulatorConfig;
import io.nolambda.testing.simulator.Simulation;
import io.nolambda.transforms.transit.Cells;
import io.nolambda.transforms.transit.CorrelationRow;
import io.nolambda.transforms.transit.MeasureCellStats;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.TimestampedValue;
import org.junit.jupiter.api.Test;

/**
 * The incident-EWT correlation of MeasureCellStats finds the simulator's incidents: over the (city
 * block, 1 h window) rows of six simulated hours, r(incidents, excess_wait_s) is positive and
 * significant (two-sided p &lt; 0.01) when incidents block the streets near them (radius 400 m:
 * buses are held and the stops there closed, see the simulator's TripPlanner), and near zero, |r|
 * &lt; 0.1, in the same city whose incidents block nothing (radius 0; its sampling spread at n &gt;
 * 500 is under 0.045). A city with no incidents at all would not do as the control: its incidents
 * column is constant 0 and r is undefined.
 *
 * <p>The windows are the pipeline's default hour: a closed stop shows as one long headway, ending
 * at the first bus after it reopens, which a quarter-hour window would mostly count after the one
 * the incident opened in. Buses report every one to two minutes (and at every stop arrival) to keep
 * the six hours fast.
 */
class SimulatedIncidentCorrelationTest {
  /** The (incidents, excess_wait_s) row of each run, filled by PAssert (one JVM on Direct). */
  private static final Map<String, CorrelationRow> ROWS = new ConcurrentHashMap<>();

  private final TestPipeline pipeline = TestPipeline.create().enableAbandonedNodeEnforcement(true);

  @Test
  void incidentsThatBlockTheStreetRaiseTheExcessWaitInTheirBlock() {
    CorrelationRow row = incidentsVersusExcessWait("incidents", 400);
    assertThat(row.getR()).isPositive();
    assertThat(Significance.twoSidedP(row.getR(), row.getN())).isLessThan(0.01);
  }

  @Test
  void incidentsThatBlockNothingDoNotCorrelateWithTheExcessWait() {
    CorrelationRow row = incidentsVersusExcessWait("control", 0);
    assertThat(row.getN()).isGreaterThan(500);
    assertThat(Math.abs(row.getR())).isLessThan(0.1);
  }

  /** Runs MeasureCellStats on the city with the given incident radius, the only difference. */
  private CorrelationRow incidentsVersusExcessWait(String name, double incidentRadiusMeters) {
    SimulatorConfig config = SimulatorConfig.builder()
        .seed(1)
        .durationMillis(6 * 3_600_000)
        .routes(6)
        .reportIntervalMillis(60_000, 120_000)
        .incidentsPerHour(2)
        .incidentRadiusMeters(incidentRadiusMeters)
        .parkingEventsPerSecond(0)
        .assetEventsPerSecond(0)
        .bursts(0)
        .build();
    Simulation run = new CitySimulator(config).run();
    LocalDate day = Instant.ofEpochMilli(config.startMillis()).atZone(ZoneOffset.UTC).toLocalDate();
    List<TimestampedValue<CityEvent>> events = new ArrayList<>();
    for (CityEvent e : run.events()) {
      events.add(TimestampedValue.of(e, new org.joda.time.Instant(CityEvents.eventTime(e))));
    }
    Cells blocks = run.truth().grid()::cellIdAt;

    PAssert.that(pipeline
        .apply(Create.timestamped(events).withCoder(AvroCoder.of(CityEvent.class)))
        .apply(MeasureCellStats.create(run.truth().feed(), day, blocks))
        .get(MeasureCellStats.CORRELATIONS)).satisfies(rows -> {
          List<CorrelationRow> ewt = new ArrayList<>();
          rows.forEach(r -> {
            if (r.getX().equals("incidents") && r.getY().equals("excess_wait_s")) {
              ewt.add(r);
            }
          });
          assertThat(ewt).as("one day, one row").hasSize(1);
          ROWS.put(name, ewt.get(0));
          return null;
        });
    pipeline.run().waitUntilFinish();

    CorrelationRow row = ROWS.get(name);
    System.out.printf("%s: r(incidents, excess_wait_s) = %.4f, n = %d, two-sided p = %.3g%n",
        name, row.getR(), row.getN(), Significance.twoSidedP(row.getR(), row.getN()));
    return row;
  }
}

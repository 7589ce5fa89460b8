package io.nolambda.cli.bench;

import io.nolambda.events.BusPosition;
import io.nolambda.events.CityEvent;
import io.nolambda.io.archive.ArchiveSchema;
import io.nolambda.io.archive.AvroRows;
import io.nolambda.testing.simulator.CitySimulator;
import io.nolambda.testing.simulator.SimulatorConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.beam.sdk.values.Row;

/** The benchmark's data: simulated bus positions (13 columns of strings, longs, ints, doubles, nulls). */
final class BenchEvents {
  static final String DATASET = "bus_position";
  static final String TIME_COLUMN = "event_time";
  static final Schema AVRO = BusPosition.getClassSchema();
  static final ArchiveSchema SCHEMA = AvroRows.schema(AVRO);
  /** Both Cassandra layouts partition by (shard of the event id, hour of the event time). */
  static final int SHARDS = 4;
  static final long BUCKET_MILLIS = 3_600_000L;

  private static final org.apache.beam.sdk.schemas.Schema BEAM = SCHEMA.toBeam();

  private BenchEvents() {}

  /**
   * The first n bus positions of a busy city (24 routes, a bus every 2 minutes, reports every
   * 3-6 s; about 2M in 3 hours) without the other event kinds, sorted by event time.
   */
  static List<BusPosition> simulate(int n) {
    SimulatorConfig config = SimulatorConfig.builder().seed(11).bursts(0)
        .durationMillis(Math.max(3_600_000L, n * 20L))
        .grid(40, 40, 250).routes(24).headwaySeconds(120).reportIntervalMillis(3_000, 6_000)
        .assetEventsPerSecond(0).parkingEventsPerSecond(0).incidentsEnabled(false)
        .build();
    List<BusPosition> out = new ArrayList<>(n);
    for (CityEvent event : new CitySimulator(config)) {
      if (event.getPayload() instanceof BusPosition position) {
        out.add(position);
        if (out.size() >= n) {
          break;
        }
      }
    }
    if (out.size() < n) {
      throw new IllegalStateException("the simulation produced only " + out.size() + " bus positions");
    }
    out.sort(Comparator.comparingLong(BusPosition::getEventTime));
    return out;
  }

  /** An event as an archive row (enums as their symbol). */
  static Row row(BusPosition event) {
    return AvroRows.toRow(event, BEAM);
  }
}

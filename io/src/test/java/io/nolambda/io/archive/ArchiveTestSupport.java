package io.nolambda.io.archive;

import io.nolambda.events.AssetEvent;
import io.nolambda.events.BusPosition;
import io.nolambda.events.CityEvent;
import io.nolambda.events.CityIncident;
import io.nolambda.events.ParkingEvent;
import io.nolambda.io.cassandra.CassandraConnection;
import io.nolambda.testing.services.ServiceEndpoints;
import io.nolambda.testing.simulator.CitySimulator;
import io.nolambda.testing.simulator.SimulatorConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.Row;

/** Shared by the archive tests: connection, simulated events by kind, a DirectRunner row sink. */
final class ArchiveTestSupport {
  /** Dataset name and Avro schema per event kind. */
  static final Map<String, Schema> KINDS = new LinkedHashMap<>();

  static {
    KINDS.put("bus_position", BusPosition.getClassSchema());
    KINDS.put("parking_event", ParkingEvent.getClassSchema());
    KINDS.put("city_incident", CityIncident.getClassSchema());
    KINDS.put("asset_event", AssetEvent.getClassSchema());
  }

  private ArchiveTestSupport() {}

  static CassandraConnection connection(ServiceEndpoints endpoints) {
    return new CassandraConnection(List.of(endpoints.cassandraHost()), endpoints.cassandraPort(),
        endpoints.localDatacenter(), endpoints.credentials().username(), endpoints.credentials().password());
  }

  /**
   * A small simulated city (CI-sized: about 10k events over 40 minutes that cross an hour
   * boundary, so every kind spans two time buckets), grouped by dataset name.
   */
  static Map<String, List<SpecificRecord>> simulatedEvents() {
    SimulatorConfig config = SimulatorConfig.builder()
        .seed(5)
        .startMillis(Instant.parse("2026-03-02T05:40:00Z").toEpochMilli())
        .durationMillis(40 * 60_000L)
        .assetEventsPerSecond(2)
        .bursts(0)
        .incidentsPerHour(30)
        .parkingEventsPerSecond(0.5)
        .build();
    Map<String, List<SpecificRecord>> byKind = new LinkedHashMap<>();
    KINDS.forEach((name, schema) -> byKind.put(name, new ArrayList<>()));
    for (CityEvent event : new CitySimulator(config)) {
      SpecificRecord payload = (SpecificRecord) event.getPayload();
      byKind.get(datasetOf(payload.getSchema())).add(payload);
    }
    return byKind;
  }

  static String datasetOf(Schema schema) {
    return KINDS.entrySet().stream().filter(e -> e.getValue().getName().equals(schema.getName()))
        .findFirst().orElseThrow().getKey();
  }

  static Pipeline pipeline() {
    PipelineOptions options = PipelineOptionsFactory.create();
    options.setRunner(org.apache.beam.runners.direct.DirectRunner.class);
    return Pipeline.create(options);
  }

  static void run(Pipeline pipeline) {
    PipelineResult.State state = pipeline.run().waitUntilFinish();
    if (state != PipelineResult.State.DONE) {
      throw new AssertionError("pipeline ended " + state);
    }
  }

  /** A row with the timestamp the pipeline gave it. */
  record Collected(Row row, long timestampMillis) {}

  static final Map<String, ConcurrentLinkedQueue<Collected>> SINKS = new ConcurrentHashMap<>();

  /** Collects rows into {@link #SINKS} under a name (DirectRunner runs in this JVM). */
  static final class Collect extends DoFn<Row, Void> {
    private final String name;

    Collect(String name) {
      this.name = name;
      SINKS.put(name, new ConcurrentLinkedQueue<>());
    }

    @ProcessElement
    public void process(@Element Row row, @Timestamp org.joda.time.Instant timestamp) {
      SINKS.get(name).add(new Collected(row, timestamp.getMillis()));
    }
  }
}

package io.nolambda.testing.simulator;

import io.nolambda.events.CityEvent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A seeded, deterministic city: buses, parking, incidents and asset events, with the ground truth
 * of what was injected. The same config gives the same events byte for byte.
 *
 * <p>Events come in order of event time, then event id, each with a unique id stable across runs
 * ({@code bus-}, {@code parking-}, {@code incident-} or {@code asset-} and a sequence number) and an
 * event time in [start, start + duration). Iterate to stream them with memory bounded by a few
 * seconds of events; every {@link #iterator()} replays the run from its start. {@link #run()} holds
 * the whole run in memory.
 *
 * <pre>{@code
 * CitySimulator city = new CitySimulator(SimulatorConfig.builder().seed(7).build());
 * GroundTruth truth = city.groundTruth();
 * for (CityEvent event : city) { ... }
 * }</pre>
 */
public final class CitySimulator implements Iterable<CityEvent> {
  /** Generation step: each part sorts this much of its events at a time. */
  private static final long SLICE_MILLIS = 10_000;

  private final SimulatorConfig config;
  private final TransitNetwork network;
  private final AssetCatalog catalog;
  private final GroundTruth truth;

  public CitySimulator(SimulatorConfig config) {
    this.config = config;
    CityGrid grid = new CityGrid(config.centerLat(), config.centerLon(), config.gridColumns(),
        config.gridRows(), config.cellMeters());
    this.network = new TransitNetwork(config, grid);
    this.catalog = new AssetCatalog(config);
    this.truth = new GroundTruth(config, grid, network.feed(), network.vehicleIds(),
        IncidentPlanner.plan(config, grid), ParkingLayout.zones(config, grid),
        BurstPlanner.plan(config, catalog));
  }

  public SimulatorConfig config() {
    return config;
  }

  /** What the run contains, known before any event is generated. */
  public GroundTruth groundTruth() {
    return truth;
  }

  /** A fresh, lazy pass over the run's events, in order. */
  @Override
  public Iterator<CityEvent> iterator() {
    long start = config.startMillis();
    long end = config.endMillis();
    return new MergedEvents(
        new PartStream("asset-", new AssetGenerator(config, catalog, truth.bursts()),
            start, end, SLICE_MILLIS),
        new PartStream("bus-",
            new TransitGenerator(config, truth.grid(), network, truth.incidents()),
            start, end, SLICE_MILLIS),
        new PartStream("incident-", new IncidentGenerator(truth.incidents(), end),
            start, end, SLICE_MILLIS),
        new PartStream("parking-", new ParkingGenerator(config, truth.parkingZones()),
            start, end, SLICE_MILLIS));
  }

  /** The whole run in memory. */
  public Simulation run() {
    List<CityEvent> events = new ArrayList<>();
    forEach(events::add);
    return new Simulation(truth, events);
  }
}

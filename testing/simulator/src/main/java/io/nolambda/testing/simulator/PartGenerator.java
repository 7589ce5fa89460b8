package io.nolambda.testing.simulator;

/**
 * One part of the city (buses, parking, incidents, assets), simulated forward in time. Each call
 * appends every event the part has not yet produced with event time before {@code untilMillis}, in
 * any order and without event ids; {@link PartStream} orders them and numbers them.
 */
interface PartGenerator {
  void advance(long untilMillis, SliceBuffer out);
}

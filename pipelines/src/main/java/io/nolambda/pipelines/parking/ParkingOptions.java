package io.nolambda.pipelines.parking;

import io.nolambda.pipelines.sources.WriteServingOutputs;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** Options of the parking pipeline; defaults are DESIGN.md §4's. */
public interface ParkingOptions extends WriteServingOutputs.Options {
  @Description("Occupancy window in seconds")
  @Default.Long(300)
  long getOccupancyWindowSeconds();

  void setOccupancyWindowSeconds(long value);

  @Description("A zone's last known state is stale after this many seconds")
  @Default.Long(7200)
  long getStaleAfterSeconds();

  void setStaleAfterSeconds(long value);
}

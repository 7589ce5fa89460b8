package io.nolambda.pipelines.transit;

import io.nolambda.pipelines.sources.WriteServingOutputs;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Validation;

/** Options of the transit pipeline; defaults are DESIGN.md §4's where it names one. */
public interface TransitOptions extends WriteServingOutputs.Options {
  @Description("GTFS static feed (zip) with the timetable of the service date")
  @Validation.Required
  String getGtfs();

  void setGtfs(String value);

  @Description("Service date (YYYY-MM-DD, the agency's time zone) whose trips and schedule the run measures")
  @Validation.Required
  String getServiceDate();

  void setServiceDate(String value);

  @Description("Window of the stop waits and of the cell stats, in seconds")
  @Default.Long(3600)
  long getTransitWindowSeconds();

  void setTransitWindowSeconds(long value);

  @Description("Side of a region cell of the cell stats, in degrees of latitude and longitude")
  @Default.Double(0.01)
  double getCellDegrees();

  void setCellDegrees(double value);

  @Description("A report within this many metres of a stop is at the stop")
  @Default.Double(30)
  double getArrivalRadiusMetres();

  void setArrivalRadiusMetres(double value);

  @Description("Seconds without reports at a stop that end a trip's visit (later reports arrive again)")
  @Default.Long(1800)
  long getArrivalSessionGapSeconds();

  void setArrivalSessionGapSeconds(long value);

  @Description("Longest gap between buses, in seconds, that still counts as a headway")
  @Default.Long(7200)
  long getMaxHeadwaySeconds();

  void setMaxHeadwaySeconds(long value);

  @Description("Positions kept per bus and bus_latest window")
  @Default.Integer(10)
  int getBusLatestPositions();

  void setBusLatestPositions(int value);

  @Description("Window of bus_latest, in seconds: each bus's latest positions are chosen per window, "
      + "written when the window closes (the table's lag)")
  @Default.Long(60)
  long getBusLatestWindowSeconds();

  void setBusLatestWindowSeconds(long value);

  @Description("Time to live of bus_latest rows, in seconds")
  @Default.Integer(86_400)
  int getBusLatestTtlSeconds();

  void setBusLatestTtlSeconds(int value);
}

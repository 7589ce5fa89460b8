package io.nolambda.testing.simulator;

/**
 * A 311 or 911 incident of the run. The OPENED event is at {@code openMillis}; the CLOSED event at
 * {@code closeMillis} exists only if that is before the end of the run. From the report until
 * {@code clearMillis} (at most the close) it blocks the street: buses are held on coming within the
 * configured radius and pass the stops within it without stopping.
 */
public record Incident(
    String incidentId,
    String source,
    String category,
    double lat,
    double lon,
    String cellId,
    long openMillis,
    long clearMillis,
    long closeMillis) {

  public boolean blocksAt(long millis) {
    return openMillis <= millis && millis < clearMillis;
  }
}

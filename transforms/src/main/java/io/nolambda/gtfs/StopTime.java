package io.nolambda.gtfs;

import java.io.Serializable;

/**
 * A scheduled call of a trip at a stop (stop_times.txt). Times are seconds after midnight of the
 * service day in the agency's time zone; GTFS allows them to pass 24:00:00 for trips that run
 * past midnight.
 */
public record StopTime(
    String tripId, String stopId, int stopSequence, int arrivalSeconds, int departureSeconds)
    implements Serializable {}

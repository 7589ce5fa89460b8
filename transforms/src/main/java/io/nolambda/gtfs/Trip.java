package io.nolambda.gtfs;

import java.io.Serializable;

/** A GTFS trip (trips.txt): one run of a route in one direction on one service. */
public record Trip(String tripId, String routeId, String serviceId, int directionId)
    implements Serializable {}

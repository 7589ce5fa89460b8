package io.nolambda.gtfs;

import java.io.Serializable;

/** A GTFS stop (stops.txt). */
public record Stop(String stopId, String name, double lat, double lon) implements Serializable {}

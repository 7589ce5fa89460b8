package io.nolambda.testing.simulator;

import io.nolambda.gtfs.GtfsFeed;
import io.nolambda.gtfs.Stop;
import io.nolambda.gtfs.StopTime;
import io.nolambda.gtfs.Trip;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a feed (such as the simulator's timetable, {@link GroundTruth#feed()}) as a GTFS static zip,
 * every service running every day, for a transit pipeline's {@code --gtfs}.
 */
public final class GtfsZip {
  private GtfsZip() {}

  public static Path write(GtfsFeed feed, Path zip) throws IOException {
    List<String> stops = new ArrayList<>(List.of("stop_id,stop_name,stop_lat,stop_lon"));
    for (Stop s : feed.stops().values()) {
      stops.add(String.join(",", s.stopId(), quoted(s.name()), Double.toString(s.lat()), Double.toString(s.lon())));
    }
    List<String> trips = new ArrayList<>(List.of("route_id,service_id,trip_id,direction_id"));
    Set<String> services = new TreeSet<>();
    for (Trip t : feed.trips().values()) {
      trips.add(String.join(",", t.routeId(), t.serviceId(), t.tripId(), Integer.toString(t.directionId())));
      services.add(t.serviceId());
    }
    List<String> stopTimes = new ArrayList<>(List.of("trip_id,arrival_time,departure_time,stop_id,stop_sequence"));
    for (StopTime st : feed.stopTimes()) {
      stopTimes.add(String.join(",", st.tripId(), time(st.arrivalSeconds()), time(st.departureSeconds()),
          st.stopId(), Integer.toString(st.stopSequence())));
    }
    List<String> calendar = new ArrayList<>(
        List.of("service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date"));
    services.forEach(s -> calendar.add(s + ",1,1,1,1,1,1,1,20200101,20991231"));
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      entry(out, "agency.txt", List.of("agency_name,agency_timezone", "Simulated," + feed.timeZone().getId()));
      entry(out, "stops.txt", stops);
      entry(out, "trips.txt", trips);
      entry(out, "stop_times.txt", stopTimes);
      entry(out, "calendar.txt", calendar);
    }
    return zip;
  }

  private static String quoted(String text) {
    return '"' + (text == null ? "" : text.replace("\"", "\"\"")) + '"';
  }

  private static String time(int seconds) {
    return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }

  private static void entry(ZipOutputStream zip, String name, List<String> lines) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}

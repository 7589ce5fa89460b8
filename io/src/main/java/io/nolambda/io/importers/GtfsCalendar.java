package io.nolambda.io.importers;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The service calendar of a GTFS feed (calendar.txt and calendar_dates.txt): on which dates each
 * {@code service_id} runs. An exception of calendar_dates.txt (1 = added, 2 = removed) overrides
 * the weekly pattern of calendar.txt for its date.
 */
public record GtfsCalendar(
    Map<String, WeeklyService> weekly, Map<String, Map<LocalDate, Boolean>> exceptions)
    implements Serializable {

  /** A calendar.txt row: the days of the week a service runs, from start to end inclusive. */
  public record WeeklyService(Set<DayOfWeek> days, LocalDate start, LocalDate end)
      implements Serializable {
    public WeeklyService {
      days = Set.copyOf(days);
    }

    public boolean covers(LocalDate date) {
      return !date.isBefore(start) && !date.isAfter(end) && days.contains(date.getDayOfWeek());
    }
  }

  public GtfsCalendar {
    weekly = Map.copyOf(weekly);
    exceptions =
        exceptions.entrySet().stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    Map.Entry::getKey, e -> Map.copyOf(e.getValue())));
  }

  public boolean runsOn(String serviceId, LocalDate date) {
    Boolean exception = exceptions.getOrDefault(serviceId, Map.of()).get(date);
    if (exception != null) {
      return exception;
    }
    WeeklyService service = weekly.get(serviceId);
    return service != null && service.covers(date);
  }

  /** The services that run on {@code date}, sorted. */
  public SortedSet<String> servicesOn(LocalDate date) {
    SortedSet<String> services = new TreeSet<>();
    for (String id : weekly.keySet()) {
      if (runsOn(id, date)) {
        services.add(id);
      }
    }
    for (String id : exceptions.keySet()) {
      if (runsOn(id, date)) {
        services.add(id);
      }
    }
    return services;
  }

  public boolean isEmpty() {
    return weekly.isEmpty() && exceptions.isEmpty();
  }
}

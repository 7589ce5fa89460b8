package io.nolambda.testing.equivalence;

import com.datastax.driver.core.Session;
import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.io.archive.ArchiveReader;
import io.nolambda.io.archive.EventArchive;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Waits for a live run to have archived events: each exactly once, however often it was delivered. */
public final class ArchivedEvents {
  private ArchivedEvents() {}

  /**
   * Waits until the archive in {@code keyspace} holds, per dataset, as many rows before {@code cutoff}
   * as {@code events} has distinct events of {@code kinds}.
   *
   * @throws IllegalStateException naming both counts when they still differ after {@code timeout}
   */
  public static void await(Session session, String keyspace, Collection<CityEvent> events, Collection<String> kinds,
      long cutoff, Duration timeout) throws InterruptedException {
    Map<String, Set<String>> ids = new TreeMap<>();
    events.stream().filter(e -> kinds.contains(CityEvents.kind(e)))
        .forEach(e -> ids.computeIfAbsent(EventArchive.dataset(CityEvents.kind(e)), k -> new HashSet<>())
            .add(CityEvents.eventId(e)));
    Map<String, Long> want = new TreeMap<>();
    ids.forEach((dataset, set) -> want.put(dataset, (long) set.size()));
    Map<String, Long> have = ArchiveReader.awaitRowsPerDataset(session, keyspace, want, cutoff, timeout);
    if (have.equals(want)) {
      return;
    }
    throw new IllegalStateException("the live run archived " + have + " events per dataset, expected " + want);
  }
}

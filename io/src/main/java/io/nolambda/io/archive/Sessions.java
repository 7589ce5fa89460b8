package io.nolambda.io.archive;

import com.datastax.driver.core.Cluster;
import com.datastax.driver.core.Session;
import io.nolambda.io.cassandra.CassandraConnection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One driver cluster per connection per JVM, shared by every reader, split and DoFn instance
 * (a driver-3 cluster costs seconds to start and holds thread pools). Reference-counted; the
 * last release closes it after a short idle delay, so back-to-back uses reuse it.
 */
final class Sessions {
  private static final long IDLE_CLOSE_SECONDS = 10;
  private static final Map<CassandraConnection, Entry> OPEN = new HashMap<>();
  private static final ScheduledExecutorService CLOSER = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "archive-session-closer");
    t.setDaemon(true);
    return t;
  });

  private static final class Entry {
    final Cluster cluster;
    final Session session;
    int users;
    ScheduledFuture<?> pendingClose;

    Entry(Cluster cluster, Session session) {
      this.cluster = cluster;
      this.session = session;
    }
  }

  /** A lease on the shared session; close it to release. */
  static final class Lease implements AutoCloseable {
    private final CassandraConnection connection;
    private final Session session;
    private boolean released;

    private Lease(CassandraConnection connection, Session session) {
      this.connection = connection;
      this.session = session;
    }

    Session session() {
      return session;
    }

    @Override
    public void close() {
      if (!released) {
        released = true;
        release(connection);
      }
    }
  }

  private Sessions() {}

  private static final Map<Session, Map<String, com.datastax.driver.core.PreparedStatement>> PREPARED =
      new java.util.WeakHashMap<>();

  /** Prepares a statement once per session (the driver warns on, and pays for, re-preparing). */
  static com.datastax.driver.core.PreparedStatement prepare(Session session, String cql) {
    Map<String, com.datastax.driver.core.PreparedStatement> bySession;
    synchronized (PREPARED) {
      bySession = PREPARED.computeIfAbsent(session, s -> new java.util.concurrent.ConcurrentHashMap<>());
    }
    return bySession.computeIfAbsent(cql, session::prepare);
  }

  static synchronized Lease acquire(CassandraConnection connection) {
    Entry entry = OPEN.get(connection);
    if (entry == null) {
      Cluster cluster = connection.cluster();
      try {
        entry = new Entry(cluster, cluster.connect());
      } catch (RuntimeException e) {
        cluster.close();
        throw e;
      }
      OPEN.put(connection, entry);
    }
    if (entry.pendingClose != null) {
      entry.pendingClose.cancel(false);
      entry.pendingClose = null;
    }
    entry.users++;
    return new Lease(connection, entry.session);
  }

  private static synchronized void release(CassandraConnection connection) {
    Entry entry = OPEN.get(connection);
    if (entry != null && --entry.users == 0) {
      entry.pendingClose = CLOSER.schedule(() -> closeIfIdle(connection, entry), IDLE_CLOSE_SECONDS, TimeUnit.SECONDS);
    }
  }

  private static synchronized void closeIfIdle(CassandraConnection connection, Entry entry) {
    if (entry.users == 0 && OPEN.get(connection) == entry) {
      OPEN.remove(connection);
      entry.cluster.close();
    }
  }
}

package io.nolambda.testing.services;

import java.util.OptionalLong;

/** What a state directory's services are doing, seen from any JVM. */
public record ServicesStatus(Service kafka, Service cassandra) {

  public enum State {
    /** The process is alive and its port answers. */
    RUNNING,
    /** The process is alive but its port does not answer (starting, stopping or hung). */
    NOT_ANSWERING,
    /** No live process of this state directory. */
    STOPPED
  }

  public record Service(String name, State state, OptionalLong pid, String address) {
    @Override
    public String toString() {
      String where = address == null ? "" : " at " + address;
      return name + " " + state + (pid.isPresent() ? " (pid " + pid.getAsLong() + ")" : "") + where;
    }
  }

  public boolean running() {
    return kafka.state() == State.RUNNING && cassandra.state() == State.RUNNING;
  }

  public boolean stopped() {
    return kafka.state() == State.STOPPED && cassandra.state() == State.STOPPED;
  }

  @Override
  public String toString() {
    return kafka + "; " + cassandra;
  }
}

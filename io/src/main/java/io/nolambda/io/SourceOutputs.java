package io.nolambda.io;

import io.nolambda.events.CityEvent;
import org.apache.beam.sdk.values.TupleTag;

/** The two outputs of every event source: the events, and the input that did not become one. */
public final class SourceOutputs {
  public static final TupleTag<CityEvent> EVENTS = new TupleTag<>() {};
  public static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<>() {};

  private SourceOutputs() {}
}

package io.nolambda.testing.equivalence;

/** The equivalence contract on the DirectRunner, the harness's default. */
class DirectStreamBackfillEquivalenceTest extends StreamBackfillContract {

  @Override
  protected StreamBackfillEquivalence onRunner(StreamBackfillEquivalence harness) {
    return harness;
  }

  @Override
  protected String runnerName() {
    return "direct";
  }
}

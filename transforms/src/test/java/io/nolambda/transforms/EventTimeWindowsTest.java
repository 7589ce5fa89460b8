package io.nolambda.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The window starts an element is carried into, with the exclusive and the inclusive bound. */
class EventTimeWindowsTest {
  @Test
  void theExclusiveBoundLeavesOutAWindowStartingExactlyAtTheReach() {
    // 10-ms windows, time 23 (window 20), reach 17: the bound 40 is a window start
    assertThat(EventTimeWindows.startsBefore(23, 10, 17).toArray()).containsExactly(20, 30);
    assertThat(EventTimeWindows.startsUpTo(23, 10, 17).toArray()).containsExactly(20, 30, 40);
  }

  @Test
  void bothBoundsAgreeWhenTheReachEndsInsideAWindow() {
    assertThat(EventTimeWindows.startsBefore(23, 10, 20).toArray()).containsExactly(20, 30, 40);
    assertThat(EventTimeWindows.startsUpTo(23, 10, 20).toArray()).containsExactly(20, 30, 40);
  }

  @Test
  void aTimeOnAWindowStartBeginsWithThatWindow() {
    assertThat(EventTimeWindows.startsBefore(30, 10, 20).toArray()).containsExactly(30, 40);
    assertThat(EventTimeWindows.startsUpTo(30, 10, 20).toArray()).containsExactly(30, 40, 50);
  }

  @Test
  void negativeTimesFloorToTheWindowHoldingThem() {
    // -5 is in [-10, 0), not [0, 10) as truncating division would say
    assertThat(EventTimeWindows.startsBefore(-5, 10, 15).toArray()).containsExactly(-10, 0);
    assertThat(EventTimeWindows.startsUpTo(-5, 10, 15).toArray()).containsExactly(-10, 0, 10);
    assertThat(EventTimeWindows.startsBefore(-10, 10, 10).toArray()).containsExactly(-10);
    assertThat(EventTimeWindows.startsUpTo(-10, 10, 10).toArray()).containsExactly(-10, 0);
  }

  @Test
  void withAZeroReachOnlyTheInclusiveBoundKeepsAWindowStartingAtTheTime() {
    assertThat(EventTimeWindows.startsBefore(23, 10, 0).toArray()).containsExactly(20);
    assertThat(EventTimeWindows.startsUpTo(23, 10, 0).toArray()).containsExactly(20);
    assertThat(EventTimeWindows.startsBefore(20, 10, 0).toArray()).isEmpty();
    assertThat(EventTimeWindows.startsUpTo(20, 10, 0).toArray()).containsExactly(20);
  }
}

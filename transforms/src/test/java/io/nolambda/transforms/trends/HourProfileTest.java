package io.nolambda.transforms.trends;

import static org.assertj.core.api.Assertions.assertThat;

import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class HourProfileTest {
  @Test
  void hourOfWeekCountsFromMondayMidnightUtc() {
    assertThat(HourProfile.hourOfWeek(Instant.parse("2026-03-02T00:00:00Z"))).isZero(); // a Monday
    assertThat(HourProfile.hourOfWeek(Instant.parse("2026-03-02T06:59:59Z"))).isEqualTo(6);
    assertThat(HourProfile.hourOfWeek(Instant.parse("2026-03-08T23:30:00Z"))).isEqualTo(167);
  }
}

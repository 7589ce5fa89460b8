package io.nolambda.io.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nolambda.events.BusPosition;
import org.junit.jupiter.api.Test;

class FilterTest {
  private static final ArchiveSchema BUS = AvroRows.schema(BusPosition.getClassSchema());

  @Test
  void parsesCommandLineFiltersWithTheColumnType() {
    assertThat(Filter.parse("route_id=R 1", BUS)).isEqualTo(Filter.eq("route_id", "R 1"));
    assertThat(Filter.parse("speed_mps >= 5.5", BUS)).isEqualTo(Filter.ge("speed_mps", 5.5));
    assertThat(Filter.parse("direction_id!=1", BUS)).isEqualTo(Filter.ne("direction_id", 1));
    assertThat(Filter.parse("event_time<1772431200000", BUS)).isEqualTo(Filter.lt("event_time", 1772431200000L));
    assertThat(Filter.parse("stop_id is null", BUS)).isEqualTo(Filter.isNull("stop_id"));
    assertThat(Filter.parse("stop_id IS NOT NULL", BUS)).isEqualTo(Filter.notNull("stop_id"));
    assertThatThrownBy(() -> Filter.parse("lat>north", BUS)).hasMessageContaining("DOUBLE");
    assertThatThrownBy(() -> Filter.parse("nope=1", BUS)).hasMessageContaining("nope");
    assertThatThrownBy(() -> Filter.parse("lat ~ 1", BUS)).hasMessageContaining("cannot parse");
  }

  @Test
  void statisticsOnlySkipChunksThatCannotMatch() {
    Filter gt = Filter.gt("lat", 10.0);
    assertThat(gt.mayMatch(1.0, 10.0, 0, 5)).isFalse();
    assertThat(gt.mayMatch(1.0, 10.5, 0, 5)).isTrue();
    assertThat(gt.mayMatch(null, null, 5, 5)).isFalse();
    assertThat(Filter.isNull("lat").mayMatch(1.0, 2.0, 0, 5)).isFalse();
    assertThat(Filter.ne("lat", 1.0).mayMatch(1.0, 1.0, 0, 5)).isFalse();
    assertThat(Filter.ne("lat", 1.0).mayMatch(1.0, 1.0, 1, 5)).isFalse();
    assertThat(Filter.eq("route_id", "b").mayMatch("a", "c", 0, 5)).isTrue();
    assertThat(Filter.eq("route_id", "d").mayMatch("a", "c", 0, 5)).isFalse();
  }
}

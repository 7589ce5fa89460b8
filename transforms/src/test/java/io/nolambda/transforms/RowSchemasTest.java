package io.nolambda.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import io.nolambda.transforms.parking.OccupancyRow;
import io.nolambda.transforms.transit.Arrival;
import io.nolambda.transforms.transit.BusLatestRow;
import io.nolambda.transforms.transit.BusSpeedRow;
import io.nolambda.transforms.transit.CellStatsRow;
import io.nolambda.transforms.transit.CorrelationRow;
import io.nolambda.transforms.transit.StopWaitRow;
import io.nolambda.transforms.trends.TrendingRow;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.SchemaRegistry;
import org.junit.jupiter.api.Test;

/** The Beam schemas of the output rows carry the column names of DESIGN.md 4, in order. */
class RowSchemasTest {
  private final SchemaRegistry registry = SchemaRegistry.createDefault();

  @Test
  void trendingRowsHaveTheTrendingColumns() throws Exception {
    assertThat(registry.getSchema(TrendingRow.class).getFieldNames()).containsExactlyInAnyOrder(
        "segment", "window_start", "window_end", "rank", "asset_id", "count", "mean", "stddev", "score");
  }

  @Test
  void occupancyRowsHaveTheOccupancyColumnsWithANullableDwell() throws Exception {
    Schema schema = registry.getSchema(OccupancyRow.class);
    assertThat(schema.getFieldNames()).containsExactlyInAnyOrder("zone_id", "window_start",
        "window_end", "occupancy", "peak", "arrivals", "departures", "free_at_end", "mean_dwell_s");
    assertThat(schema.getField("mean_dwell_s").getType().getNullable()).isTrue();
    assertThat(schema.getField("free_at_end").getType().getNullable()).isFalse();
  }

  @Test
  void deadLettersNameReasonEventAndKind() throws Exception {
    assertThat(registry.getSchema(InvalidEvent.class).getFieldNames())
        .containsExactlyInAnyOrder("reason", "event_id", "kind");
  }

  @Test
  void stopWaitRowsHaveTheStopWaitColumnsWithNullableWaits() throws Exception {
    Schema schema = registry.getSchema(StopWaitRow.class);
    assertThat(schema.getFieldNames()).containsExactlyInAnyOrder("route_id", "direction_id",
        "stop_id", "window_start", "window_end", "arrivals", "expected_wait_s", "scheduled_wait_s",
        "excess_wait_s");
    assertThat(schema.getField("excess_wait_s").getType().getNullable()).isTrue();
    assertThat(schema.getField("arrivals").getType().getNullable()).isFalse();
  }

  @Test
  void arrivalsAndBusSpeedsHaveSnakeCaseColumns() throws Exception {
    assertThat(registry.getSchema(Arrival.class).getFieldNames()).containsExactlyInAnyOrder(
        "route_id", "direction_id", "stop_id", "trip_id", "vehicle_id", "arrival_time", "event_id");
    assertThat(registry.getSchema(BusSpeedRow.class).getFieldNames()).containsExactlyInAnyOrder(
        "cell", "window_start", "window_end", "mean_speed_mps", "n");
  }

  @Test
  void cellStatsAndCorrelationRowsHaveTheirColumns() throws Exception {
    Schema cells = registry.getSchema(CellStatsRow.class);
    assertThat(cells.getFieldNames()).containsExactlyInAnyOrder("cell", "window_start",
        "window_end", "incidents", "incidents_311", "incidents_911", "excess_wait_s",
        "mean_speed_mps");
    assertThat(cells.getField("excess_wait_s").getType().getNullable()).isTrue();
    assertThat(cells.getField("mean_speed_mps").getType().getNullable()).isTrue();
    assertThat(registry.getSchema(CorrelationRow.class).getFieldNames())
        .containsExactlyInAnyOrder("day", "x", "y", "n", "r");
  }

  @Test
  void busLatestRowsHaveTheBusLatestColumnsWithNullableSpeedAndStop() throws Exception {
    Schema schema = registry.getSchema(BusLatestRow.class);
    assertThat(schema.getFieldNames()).containsExactlyInAnyOrder("vehicle_id", "event_time",
        "route_id", "trip_id", "lat", "lon", "speed_mps", "stop_id");
    assertThat(schema.getField("speed_mps").getType().getNullable()).isTrue();
    assertThat(schema.getField("stop_id").getType().getNullable()).isTrue();
    assertThat(schema.getField("event_time").getType().getNullable()).isFalse();
  }
}

package io.nolambda.transforms.trends;

import io.nolambda.events.AssetAction;
import io.nolambda.events.AssetEvent;
import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Instant;

/** Asset events for the trend tests, stamped with their event time. */
final class AssetEvents {
  private AssetEvents() {}

  static TimestampedValue<CityEvent> view(String id, long time, String asset, String os, String region) {
    CityEvent e = CityEvents.of(AssetEvent.newBuilder().setEventId(id).setEventTime(time)
        .setAssetId(asset).setAction(AssetAction.VIEW).setOs(os).setRegion(region).build());
    return TimestampedValue.of(e, new Instant(time));
  }
}

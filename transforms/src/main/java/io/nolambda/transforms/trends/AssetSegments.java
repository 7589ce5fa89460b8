package io.nolambda.transforms.trends;

import io.nolambda.events.AssetEvent;
import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.transforms.InvalidEvent;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Picks the asset events out of the city stream and keys each by its asset, with its event id (for
 * distinct counting) and the segments it belongs to: {@code all}, {@code os:<os>} and
 * {@code region:<region>}. Other kinds are not this metric's input and pass silently; an asset
 * event without asset, os or region goes to the dead letters.
 */
final class AssetSegments extends DoFn<CityEvent, KV<String, KV<String, List<String>>>> {
  static final String ALL = "all";

  private final TupleTag<InvalidEvent> invalidTag;
  private final Counter eventsIn = Metrics.counter(DetectTrends.class, "events_in");
  private final Counter invalid = Metrics.counter(DetectTrends.class, "invalid");
  private final Counter valid = Metrics.counter(DetectTrends.class, "events_valid");

  AssetSegments(TupleTag<InvalidEvent> invalidTag) {
    this.invalidTag = invalidTag;
  }

  @ProcessElement
  public void process(@Element CityEvent event, MultiOutputReceiver out) {
    if (!(event.getPayload() instanceof AssetEvent asset)) {
      return;
    }
    eventsIn.inc();
    String reason = reason(asset);
    if (reason != null) {
      invalid.inc();
      out.get(invalidTag).output(new InvalidEvent(reason, asset.getEventId(), CityEvents.kind(event)));
      return;
    }
    valid.inc();
    out.get(DetectTrends.KEYED).output(KV.of(asset.getAssetId(), KV.of(asset.getEventId(), segments(asset))));
  }

  /** Why the event cannot be counted, or null when it can. */
  static String reason(AssetEvent asset) {
    return isBlank(asset.getAssetId()) ? "missing asset_id"
        : isBlank(asset.getOs()) ? "missing os"
        : isBlank(asset.getRegion()) ? "missing region"
        : null;
  }

  /** The segments a valid event counts in. */
  static List<String> segments(AssetEvent asset) {
    return List.of(ALL, "os:" + asset.getOs(), "region:" + asset.getRegion());
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}

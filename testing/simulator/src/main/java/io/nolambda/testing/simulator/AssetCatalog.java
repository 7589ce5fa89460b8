package io.nolambda.testing.simulator;

import io.nolambda.events.AssetAction;
import io.nolambda.events.AssetEvent;
import java.util.SplittableRandom;

/**
 * The assets, users and audience of the asset events. Background popularity is Zipf (exponent 1) by
 * rank; ids are shuffled against rank so an id says nothing about popularity. The os, region and
 * action mixes are fixed shares, independent of the asset.
 */
final class AssetCatalog {
  static final String[] OS = {"android", "ios", "windows", "macos", "linux"};
  static final double[] OS_SHARES = {0.45, 0.35, 0.12, 0.06, 0.02};
  static final String[] REGIONS = {"us-east", "us-west", "eu-west", "ap-south", "sa-east"};
  static final double[] REGION_SHARES = {0.35, 0.25, 0.20, 0.15, 0.05};
  private static final AssetAction[] ACTIONS = {
    AssetAction.VIEW, AssetAction.CLICK, AssetAction.CART, AssetAction.PURCHASE
  };
  private static final double[] ACTION_SHARES = {0.80, 0.14, 0.045, 0.015};
  private static final double ANONYMOUS_SHARE = 0.2;

  private final String[] idByRank;
  private final double[] shareByRank;
  private final AliasTable popularity;
  private final String[] userIds;

  AssetCatalog(SimulatorConfig config) {
    int n = config.assets();
    SplittableRandom rng = Seeds.rng(config.seed(), "assets/catalog");
    int[] number = new int[n];
    for (int i = 0; i < n; i++) {
      number[i] = i + 1;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int swap = number[i];
      number[i] = number[j];
      number[j] = swap;
    }
    idByRank = new String[n];
    shareByRank = new double[n];
    double harmonic = 0;
    for (int rank = 0; rank < n; rank++) {
      idByRank[rank] = "asset-" + number[rank];
      shareByRank[rank] = 1.0 / (rank + 1);
      harmonic += shareByRank[rank];
    }
    for (int rank = 0; rank < n; rank++) {
      shareByRank[rank] /= harmonic;
    }
    popularity = new AliasTable(shareByRank);
    userIds = new String[config.users()];
    for (int u = 0; u < userIds.length; u++) {
      userIds[u] = "user-" + (u + 1);
    }
  }

  int assets() {
    return idByRank.length;
  }

  String assetId(int rank) {
    return idByRank[rank];
  }

  double share(int rank) {
    return shareByRank[rank];
  }

  /** The fraction of all asset events that falls in a segment. */
  static double segmentShare(Segment segment) {
    return switch (segment.dimension()) {
      case ALL -> 1;
      case OS -> OS_SHARES[indexOf(OS, segment.value())];
      case REGION -> REGION_SHARES[indexOf(REGIONS, segment.value())];
    };
  }

  private static int indexOf(String[] values, String value) {
    for (int i = 0; i < values.length; i++) {
      if (values[i].equals(value)) {
        return i;
      }
    }
    throw new IllegalArgumentException("unknown segment value " + value);
  }

  /** A background event: a Zipf-popular asset, drawn audience. */
  AssetEvent event(long millis, SplittableRandom rng) {
    return event(millis, idByRank[popularity.sample(rng)], Segment.ALL, rng);
  }

  /** An event of the given asset; the segment's dimension is fixed, the others drawn. */
  AssetEvent event(long millis, String assetId, Segment segment, SplittableRandom rng) {
    AssetAction action = ACTIONS[Draw.pick(rng, ACTION_SHARES)];
    String os = segment.dimension() == Segment.Dimension.OS
        ? segment.value() : OS[Draw.pick(rng, OS_SHARES)];
    String region = segment.dimension() == Segment.Dimension.REGION
        ? segment.value() : REGIONS[Draw.pick(rng, REGION_SHARES)];
    String user = rng.nextDouble() < ANONYMOUS_SHARE ? null : userIds[rng.nextInt(userIds.length)];
    return new AssetEvent(null, millis, assetId, action, os, region, user);
  }
}

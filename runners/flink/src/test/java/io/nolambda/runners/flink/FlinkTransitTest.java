package io.nolambda.runners.flink;

import io.nolambda.pipelines.matrix.TransitContract;

class FlinkTransitTest extends TransitContract implements FlinkArgs {}

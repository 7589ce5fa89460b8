package io.nolambda.runners.flink;

import io.nolambda.pipelines.matrix.TrendsAndParkingContract;

class FlinkTrendsAndParkingTest extends TrendsAndParkingContract implements FlinkArgs {}

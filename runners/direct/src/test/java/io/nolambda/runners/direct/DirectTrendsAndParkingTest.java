package io.nolambda.runners.direct;

import io.nolambda.pipelines.matrix.TrendsAndParkingContract;

class DirectTrendsAndParkingTest extends TrendsAndParkingContract implements DirectArgs {}

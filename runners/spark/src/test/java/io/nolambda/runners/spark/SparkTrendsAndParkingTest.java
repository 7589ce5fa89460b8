package io.nolambda.runners.spark;

import io.nolambda.pipelines.matrix.TrendsAndParkingContract;

class SparkTrendsAndParkingTest extends TrendsAndParkingContract implements SparkArgs {}

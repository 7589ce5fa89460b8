package io.nolambda.runners.direct;

import io.nolambda.pipelines.matrix.TransitContract;

class DirectTransitTest extends TransitContract implements DirectArgs {}

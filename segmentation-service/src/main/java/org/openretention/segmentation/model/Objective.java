package org.openretention.segmentation.model;

/** A smooth function to minimise, evaluated together with its gradient (one pass over the data gives both). */
interface Objective {

    /** The value at {@code point}; writes the gradient there into {@code gradient}. */
    double valueAndGradient(double[] point, double[] gradient);
}

package org.openretention.segmentation.model;

/**
 * Where an optimiser stopped.
 *
 * @param point      coordinates (log-parameters) at the minimum found
 * @param value      the objective there
 * @param iterations iterations of a quasi-Newton search, evaluations of a derivative-free one
 * @param converged  whether the optimiser's stopping rule was met
 * @param failure    why not; empty when converged
 */
record Minimum(double[] point, double value, int iterations, boolean converged, String failure) {
}

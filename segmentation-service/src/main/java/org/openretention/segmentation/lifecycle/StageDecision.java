package org.openretention.segmentation.lifecycle;

/**
 * A customer's lifecycle stage and, in plain English, why.
 *
 * @param explanation e.g. "Last order 183 days ago (dormant from 180 days)."
 */
public record StageDecision(LifecycleStage stage, String explanation) {
}

package org.openretention.segmentation.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;

/**
 * How many customers each lifecycle stage and RFM segment holds.
 *
 * @param asOf            the instant of the latest evaluation; absent before the first
 * @param customers       customers evaluated
 * @param lifecycleStages customers by stage, every stage listed
 * @param rfmSegments     purchasing customers by RFM segment, every segment listed
 */
@Schema(name = "SegmentCounts")
public record SegmentCountsView(Instant asOf, long customers, Map<String, Long> lifecycleStages, Map<String, Long> rfmSegments) {
}

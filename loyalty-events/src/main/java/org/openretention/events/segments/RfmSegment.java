package org.openretention.events.segments;

/**
 * The named RFM segments, each a set of cells of the grid of the recency score R against FM, the mean of the
 * frequency and monetary scores rounded down (see {@code docs/segmentation-rules.md}). Adding a segment is a
 * breaking change of {@link RfmSegmentChanged}.
 */
public enum RfmSegment {
    /** R 5, FM 4-5. */
    CHAMPIONS,
    /** R 3-4, FM 4-5. */
    LOYAL,
    /** R 4-5, FM 2-3. */
    POTENTIAL_LOYALIST,
    /** R 5, FM 1. */
    NEW_CUSTOMERS,
    /** R 4, FM 1. */
    PROMISING,
    /** R 3, FM 3. */
    NEED_ATTENTION,
    /** R 3, FM 1-2. */
    ABOUT_TO_SLEEP,
    /** R 1-2, FM 3-4. */
    AT_RISK,
    /** R 1-2, FM 5. */
    CANNOT_LOSE_THEM,
    /** R 2, FM 1-2. */
    HIBERNATING,
    /** R 1, FM 1-2. */
    LOST
}

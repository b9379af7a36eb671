package org.openretention.segmentation.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openretention.segmentation.service.SegmentQueries;

import java.time.Instant;
import java.util.List;

/**
 * A page of the customers of a lifecycle stage or RFM segment, by customer id.
 *
 * @param asOf  the instant of the latest evaluation
 * @param total customers in the stage or segment
 */
@Schema(name = "SegmentMembers")
public record SegmentMembersView(Instant asOf, int page, int size, long total, List<SegmentQueries.Member> customers) {

    static SegmentMembersView of(SegmentQueries.Page page) {
        return new SegmentMembersView(page.asOf(), page.page(), page.size(), page.total(), page.customers());
    }
}

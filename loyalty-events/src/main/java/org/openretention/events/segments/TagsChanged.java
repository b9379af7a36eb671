package org.openretention.events.segments;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.openretention.events.EventPayload;

import java.util.List;
import java.util.TreeSet;

/**
 * A customer's behavioural tags changed. Published by segmentation-service on {@code segment-events}; the
 * envelope's {@code customerId} is the customer. Tags are an open set of strings, e.g. {@code PRICE_SENSITIVE},
 * {@code QUALITY_SEEKER}, {@code SOCIAL_ENGAGED}, {@code CATEGORY:tea}; consumers must accept tags they do not know.
 * Each list is kept sorted and without repeats, so the same change always encodes to the same bytes.
 *
 * @param added   tags the customer got by this change; never null
 * @param removed tags the customer lost by this change; never null
 * @param tags    the customer's full set of tags after the change (may be empty); never null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TagsChanged(
        List<String> added,
        List<String> removed,
        List<String> tags) implements EventPayload {

    public TagsChanged {
        added = sortedDistinct(added);
        removed = sortedDistinct(removed);
        tags = sortedDistinct(tags);
    }

    /** Whether the customer carries {@code tag} after the change. */
    public boolean has(String tag) {
        return tags.contains(tag);
    }

    private static List<String> sortedDistinct(List<String> tags) {
        return tags == null ? List.of() : List.copyOf(new TreeSet<>(tags));
    }
}

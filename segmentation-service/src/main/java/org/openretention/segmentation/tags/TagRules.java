package org.openretention.segmentation.tags;

import org.openretention.segmentation.profile.ProfileFacts;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The behavioural tags of a customer. Each tag is its own rule over the profile, independent of the others, so a
 * customer can carry any combination; a new tag is one more rule in {@link #tags}. {@code DETRACTOR} and {@code PROMOTER}
 * come from the customer's recent NPS answer, as feedback-service reported it.
 */
public final class TagRules {

    public static final String PRICE_SENSITIVE = "PRICE_SENSITIVE";
    public static final String QUALITY_SEEKER = "QUALITY_SEEKER";
    public static final String SOCIAL_ENGAGED = "SOCIAL_ENGAGED";
    public static final String DETRACTOR = "DETRACTOR";
    public static final String PROMOTER = "PROMOTER";
    public static final String CATEGORY_PREFIX = "CATEGORY:";

    private final TagThresholds thresholds;

    public TagRules(TagThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** {@code CATEGORY:<name>}, the tag of a customer whose purchases are dominated by one category. */
    public static String category(String name) {
        return CATEGORY_PREFIX + name;
    }

    /**
     * The tags of {@code customer}, sorted.
     *
     * @param meanAov the mean average order value of the purchasing customers (as in the lifecycle rules' population
     *                facts); {@code null} when nobody ordered
     */
    public SortedSet<String> tags(ProfileFacts customer, BigDecimal meanAov) {
        TreeSet<String> tags = new TreeSet<>();
        priceSensitive(customer).ifPresent(tags::add);
        qualitySeeker(customer, meanAov).ifPresent(tags::add);
        dominantCategory(customer).ifPresent(tags::add);
        socialEngaged(customer).ifPresent(tags::add);
        if (customer.feedback().detractor()) {
            tags.add(DETRACTOR);
        }
        if (customer.feedback().promoter()) {
            tags.add(PROMOTER);
        }
        return Collections.unmodifiableSortedSet(tags);
    }

    private Optional<String> priceSensitive(ProfileFacts c) {
        boolean matches = c.orderCount() >= thresholds.priceSensitiveMinOrders()
                && c.discountedOrderShare().compareTo(thresholds.priceSensitiveShare()) > 0;
        return matches ? Optional.of(PRICE_SENSITIVE) : Optional.empty();
    }

    private Optional<String> qualitySeeker(ProfileFacts c, BigDecimal meanAov) {
        // without a positive mean there is nothing to be well above: a zero mean would make every buyer a seeker
        if (!c.hasOrdered() || meanAov == null || meanAov.signum() <= 0) {
            return Optional.empty();
        }
        boolean matches = c.averageOrderValue().compareTo(thresholds.qualityAovMultiple().multiply(meanAov)) >= 0
                && c.discountedOrderShare().compareTo(thresholds.qualityMaxDiscountShare()) <= 0;
        return matches ? Optional.of(QUALITY_SEEKER) : Optional.empty();
    }

    private Optional<String> dominantCategory(ProfileFacts c) {
        if (c.topCategory() == null || c.topCategory().isBlank()
                || c.topCategoryShare().compareTo(thresholds.categoryMinShare()) < 0) {
            return Optional.empty();
        }
        return Optional.of(category(c.topCategory().strip()));
    }

    private Optional<String> socialEngaged(ProfileFacts c) {
        return c.interactions().social() >= thresholds.socialMinInteractions() ? Optional.of(SOCIAL_ENGAGED) : Optional.empty();
    }
}

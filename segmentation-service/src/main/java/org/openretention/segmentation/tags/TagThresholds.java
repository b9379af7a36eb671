package org.openretention.segmentation.tags;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The configurable values of the behavioural tags.
 *
 * @param priceSensitiveShare     price-sensitive when strictly more than this share of the orders had a coupon or discount
 * @param priceSensitiveMinOrders ... and the customer has at least this many orders (one discounted order says little)
 * @param qualityAovMultiple      quality seeker when the average order value is at least this many times the mean
 * @param qualityMaxDiscountShare ... and at most this share of the orders had a coupon or discount
 * @param categoryMinShare        the top category is the customer's category when it holds at least this share of items
 * @param socialMinInteractions   socially engaged from this many likes, comments and shares together
 */
public record TagThresholds(
        BigDecimal priceSensitiveShare,
        int priceSensitiveMinOrders,
        BigDecimal qualityAovMultiple,
        BigDecimal qualityMaxDiscountShare,
        BigDecimal categoryMinShare,
        int socialMinInteractions) {

    public TagThresholds {
        Objects.requireNonNull(priceSensitiveShare, "priceSensitiveShare");
        Objects.requireNonNull(qualityAovMultiple, "qualityAovMultiple");
        Objects.requireNonNull(qualityMaxDiscountShare, "qualityMaxDiscountShare");
        Objects.requireNonNull(categoryMinShare, "categoryMinShare");
        if (priceSensitiveMinOrders < 1 || socialMinInteractions < 1 || qualityAovMultiple.signum() <= 0) {
            throw new IllegalArgumentException("tag thresholds must be positive");
        }
    }

    /** More than half discounted over 2+ orders; 1.5 x the mean AOV with at most 20% discounted; 40% of items; 5 interactions. */
    public static TagThresholds defaults() {
        return new TagThresholds(new BigDecimal("0.5"), 2, new BigDecimal("1.5"), new BigDecimal("0.2"),
                new BigDecimal("0.4"), 5);
    }
}

package org.openretention.segmentation.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.openretention.segmentation.profile.CustomerProfile;
import org.openretention.segmentation.profile.RepeatPurchaseIntervals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A row of {@code customer_profile} (V1), read-only: only the intake writes profiles ({@link ProfileStore}). The
 * event times of the last-write-wins values ({@code locale_at}, {@code loyalty_tier_at}) stay unmapped.
 */
@Entity
@Immutable
@Table(name = "customer_profile")
public class CustomerProfileEntity {

    @Id
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "last_event_at")
    public Instant lastEventAt;
    @Column(name = "registered_at")
    public Instant registeredAt;
    public String locale;
    @Column(name = "loyalty_tier")
    public String loyaltyTier;
    @Column(name = "product_views")
    public int productViews;
    @Column(name = "cart_adds")
    public int cartAdds;
    @Column(name = "check_ins")
    public int checkIns;
    public int reviews;
    public int likes;
    public int comments;
    public int shares;
    @Column(name = "service_contacts")
    public int serviceContacts;
    @Column(name = "order_count")
    public int orderCount;
    @Column(name = "first_order_at")
    public Instant firstOrderAt;
    @Column(name = "last_order_at")
    public Instant lastOrderAt;
    @Column(name = "net_spend")
    public BigDecimal netSpend;
    @Column(name = "spend_12m")
    public BigDecimal spend12m;
    @Column(name = "orders_90d")
    public int orders90d;
    @Column(name = "avg_order_value")
    public BigDecimal averageOrderValue;
    @Column(name = "discounted_order_share")
    public BigDecimal discountedOrderShare;
    @Column(name = "repeat_intervals")
    public int repeatIntervals;
    @Column(name = "repeat_interval_mean_days")
    public BigDecimal repeatIntervalMeanDays;
    @Column(name = "repeat_interval_median_days")
    public BigDecimal repeatIntervalMedianDays;
    public int items;
    @Column(name = "top_categories")
    public String[] topCategories;
    @Column(name = "top_category_items")
    public Integer[] topCategoryItems;
    @Column(name = "open_product_view_at")
    public Instant openProductViewAt;
    @Column(name = "open_cart_add_at")
    public Instant openCartAddAt;

    public CustomerProfile toProfile() {
        List<CustomerProfile.CategoryItems> top = new ArrayList<>();
        for (int i = 0; i < topCategories.length; i++) {
            top.add(new CustomerProfile.CategoryItems(topCategories[i], topCategoryItems[i]));
        }
        RepeatPurchaseIntervals intervals = repeatIntervals == 0 ? RepeatPurchaseIntervals.NONE
                : new RepeatPurchaseIntervals(repeatIntervals, repeatIntervalMeanDays, repeatIntervalMedianDays);
        return new CustomerProfile(customerId, registeredAt, locale, loyaltyTier, lastEventAt, firstOrderAt, lastOrderAt, orderCount,
                netSpend, spend12m, orders90d, averageOrderValue, discountedOrderShare, intervals, items, top, openProductViewAt,
                openCartAddAt, new CustomerProfile.InteractionCounts(productViews, cartAdds, checkIns, reviews, likes, comments, shares,
                serviceContacts));
    }
}

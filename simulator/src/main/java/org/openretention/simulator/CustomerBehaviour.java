package org.openretention.simulator;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.openretention.events.EventPayload;
import org.openretention.events.customers.ConsentChannel;
import org.openretention.events.customers.CustomerRegistered;
import org.openretention.events.customers.CustomerUpdated;
import org.openretention.events.interactions.InteractionKind;
import org.openretention.events.interactions.InteractionRecorded;
import org.openretention.events.interactions.ServiceTouchpoint;
import org.openretention.events.orders.OrderCancelled;
import org.openretention.events.orders.OrderCompleted;
import org.openretention.events.orders.OrderItem;
import org.openretention.events.orders.OrderRefunded;
import org.openretention.simulator.Catalogue.Currency;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One simulated customer: the latent traits drawn at registration (buy-till-you-die parameters, spend level, taste,
 * habits) and the little state needed to go on (the next time of each recurring process, a short list of scheduled
 * follow-ups). Each call of {@link #step} performs the customer's earliest pending action, which yields at most one
 * event. All randomness comes from the customer's own generator, so the customer's story depends only on
 * (seed, index) and on which referrers were around when the customer signed up.
 *
 * <p>The model, per customer:
 * <ul>
 *   <li>purchases: a Poisson process with rate lambda ~ Gamma(r, 1/alpha) per day, in "activity time" so that most
 *       sessions fall in the local evening ({@link Diurnal}); each purchase is a session of product views, cart adds
 *       and the order, a few minutes long;</li>
 *   <li>dropout: after each order the customer leaves for good with probability p ~ Beta(a, b) (BG/NBD), raised for an
 *       order with a bad experience; a dropped-out customer places no more orders, stops checking in and only browses
 *       a little longer;</li>
 *   <li>order values: log-normal around a customer-specific mean, made of SKUs priced near the target;</li>
 *   <li>browse-only sessions (views, abandoned cart adds, likes, comments, shares) at a rate tied to lambda;</li>
 *   <li>each order has an experience (good, ok, bad) which drives cancellations, refunds, service contacts and the
 *       rating and text of a review;</li>
 *   <li>daily check-ins for engaged customers, occasional profile/consent changes and support contacts.</li>
 * </ul>
 */
final class CustomerBehaviour {

    static final long NEVER = Long.MAX_VALUE;
    private static final long SECOND = 1000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long DAY = Diurnal.DAY_MS;

    private static final long CUSTOMER_STREAM = 0x4355_5354L;

    private static final byte VIEW = 1;
    private static final byte CART_ADD = 2;
    private static final byte LIKE = 3;
    private static final byte SHARE = 4;
    private static final byte COMMENT = 5;
    private static final byte ORDER = 6;
    private static final byte CANCEL = 7;
    private static final byte REFUND = 8;
    private static final byte REVIEW = 9;
    private static final byte CONTACT = 10;
    private static final byte UNSUBSCRIBE = 11;
    private static final byte PURCHASE_SESSION = 12;

    private static final byte GOOD = 0;
    private static final byte OK = 1;
    private static final byte BAD = 2;

    private static final ConsentChannel[] CHANNELS = ConsentChannel.values();
    private static final ServiceTouchpoint[] TOUCHPOINTS = ServiceTouchpoint.values();

    final int index;
    final String customerId;
    final CustomerRandom rng;
    final Market market;
    final double purchaseRate;
    final double dropoutProbability;
    final long registeredAt;
    private final double spendMu;
    private final double spendSigma;
    private final boolean priceSensitive;
    private final byte[] preferred;
    private final double badShare;
    private final double reviewProbability;
    private final double browseRate;
    private boolean engaged;
    private final double checkInProbability;
    private final int checkInMinute;
    private byte consents;
    boolean dropped;
    private int orders;

    private long nextPurchaseAt;
    private long nextBrowseAt;
    private long nextCheckInAt;
    private long nextMiscAt;
    private Action pending;
    /** Earliest of all the above; the key of the simulation's queue. */
    long nextAt;

    private CustomerBehaviour(int index, long registeredAt, CustomerRandom rng, Market market, ModelParameters m,
                              Catalogue catalogue) {
        this.index = index;
        this.customerId = CustomerIds.customerId(index);
        this.registeredAt = registeredAt;
        this.rng = rng;
        this.market = market;
        this.purchaseRate = new GammaDistribution(rng, m.gammaShape(), 1.0 / m.gammaRate()).sample();
        this.dropoutProbability = new BetaDistribution(rng, m.betaA(), m.betaB()).sample();
        this.priceSensitive = rng.chance(m.priceSensitiveShare());
        // spend level in CNY: median order ~180 CNY, customers differ by a factor of ~1.6 either way
        this.spendMu = Math.log(180) + (market.currency == Currency.CNY ? 0 : 0.25) + 0.5 * rng.nextGaussian();
        this.spendSigma = rng.between(0.3, 0.6);
        this.preferred = drawPreferences(catalogue, rng);
        double badConcentration = 25;
        this.badShare = new BetaDistribution(rng, m.badExperienceShare() * badConcentration,
                (1 - m.badExperienceShare()) * badConcentration).sample();
        this.reviewProbability = new BetaDistribution(rng, 2, 6).sample();
        this.engaged = rng.chance(market.chinese() ? m.engagedShareZh() : m.engagedShareOther());
        this.checkInProbability = rng.between(0.35, 0.95);
        this.checkInMinute = rng.chance(0.5) ? 7 * 60 + rng.nextInt(150) : 19 * 60 + rng.nextInt(200);
        this.browseRate = m.browseFactor() * purchaseRate + m.baseBrowseRate() + (engaged ? 0.03 : 0);
        this.consents = drawConsents(market, rng);
    }

    // ------------------------------------------------------------------------------------------ registration

    /** Creates customer {@code index} registering at {@code at}; the registration event is {@link #registration}. */
    static CustomerBehaviour register(int index, long at, ShopSimulation sim, EventPayload[] registrationOut) {
        SimulationConfig config = sim.config();
        ModelParameters m = config.model();
        CustomerRandom rng = new CustomerRandom(config.seed(), CUSTOMER_STREAM, index);
        CustomerBehaviour referrer = null;
        if (index >= sim.schedule().initialCustomers() && rng.chance(m.referralShare())) {
            referrer = sim.pickReferrer(rng, at);
        }
        // friends mostly shop from the same place
        Market market = referrer != null && rng.chance(0.8) ? referrer.market : Market.draw(rng);
        CustomerBehaviour c = new CustomerBehaviour(index, at, rng, market, m, sim.catalogue());

        String[] name = market.nameAndMailbox(rng);
        String email = market.email(name[1], rng);
        String phone = rng.chance(0.9) ? market.phone(rng) : null;
        LocalDate birthday = null;
        if (rng.chance(0.88)) {
            LocalDate today = Instant.ofEpochMilli(at).atOffset(ZoneOffset.ofHours(market.utcOffsetHours)).toLocalDate();
            double age = 18 + Math.min(60, new GammaDistribution(rng, 2.2, 6.5).sample());
            birthday = today.minusDays((long) (age * 365.25));
        }
        registrationOut[0] = new CustomerRegistered(Instant.ofEpochMilli(at), email, name[0], phone, birthday,
                market.locale, market.country, CustomerIds.referralCode(config.seed(), index),
                referrer != null ? CustomerIds.referralCode(config.seed(), referrer.index) : null,
                c.consentMap(c.consents, true));

        c.nextPurchaseAt = c.nextArrival(at, c.purchaseRate);
        c.nextBrowseAt = c.nextArrival(at, c.browseRate);
        c.nextCheckInAt = c.engaged ? c.nextCheckIn(at) : NEVER;
        c.nextMiscAt = m.profileChangeRate() > 0 ? at + 1 + (long) (rng.exponential(1.0 / m.profileChangeRate()) * DAY) : NEVER;
        if (rng.chance(m.signupPurchaseShare())) {
            c.schedule(at + MINUTE + (long) rng.exponential(5 * MINUTE), PURCHASE_SESSION, -1, null);
        }
        sim.recordRegistration(c, referrer);
        c.refreshNextAt();
        return c;
    }

    private static byte[] drawPreferences(Catalogue catalogue, CustomerRandom rng) {
        double[] weights = catalogue.categoryPopularity();
        int n = rng.chance(0.5) ? 2 : 3;
        byte[] prefs = new byte[n];
        for (int i = 0; i < n; i++) {
            int c = rng.weighted(weights);
            prefs[i] = (byte) c;
            weights[c] = 0;
        }
        return prefs;
    }

    private static byte drawConsents(Market market, CustomerRandom rng) {
        double[] p = market.chinese() || market.country.equals("CN")
                ? new double[]{0.30, 0.60, 0.70, 0.80}   // EMAIL, SMS, PUSH, APP_INBOX
                : new double[]{0.65, 0.25, 0.50, 0.45};
        byte bits = 0;
        for (int i = 0; i < CHANNELS.length; i++) {
            if (rng.chance(p[i])) {
                bits |= (byte) (1 << i);
            }
        }
        return bits;
    }

    // ------------------------------------------------------------------------------------------ stepping

    /** Performs the earliest pending action (at {@link #nextAt}); returns its event, or null if it has none. */
    EventPayload step(ShopSimulation sim) {
        long t = nextAt;
        if (pending != null && pending.at == t) {
            Action a = pending;
            pending = a.next;
            return perform(a, t, sim);
        }
        if (nextPurchaseAt == t) {
            nextPurchaseAt = dropped ? NEVER : nextArrival(t, purchaseRate);
            if (!dropped) {
                planPurchaseSession(t, sim.catalogue());
            }
            return null;
        }
        if (nextBrowseAt == t) {
            planBrowseSession(t, sim.catalogue());
            nextBrowseAt = dropped
                    ? (rng.chance(0.3) ? t + 1 + (long) rng.exponential(15.0 * DAY) : NEVER)
                    : nextArrival(t, browseRate);
            return null;
        }
        if (nextCheckInAt == t) {
            if (dropped || rng.chance(1.0 / 150)) {
                engaged = false; // the streak habit fades
                nextCheckInAt = NEVER;
            } else {
                nextCheckInAt = nextCheckIn(t);
            }
            return dropped ? null : InteractionRecorded.checkIn();
        }
        if (nextMiscAt == t) {
            nextMiscAt = dropped ? NEVER : t + 1 + (long) (rng.exponential(1.0 / sim.config().model().profileChangeRate()) * DAY);
            return dropped ? null : misc();
        }
        throw new IllegalStateException("customer " + customerId + " has nothing due at " + t);
    }

    void refreshNextAt() {
        long n = Math.min(Math.min(nextPurchaseAt, nextBrowseAt), Math.min(nextCheckInAt, nextMiscAt));
        if (pending != null && pending.at < n) {
            n = pending.at;
        }
        nextAt = n;
    }

    boolean finished() {
        return nextAt == NEVER;
    }

    private EventPayload perform(Action a, long t, ShopSimulation sim) {
        Catalogue cat = sim.catalogue();
        switch (a.kind) {
            case VIEW:
                return InteractionRecorded.onProduct(InteractionKind.PRODUCT_VIEW, cat.skuId(a.sku), cat.category(a.sku).name());
            case CART_ADD:
                return InteractionRecorded.onProduct(InteractionKind.CART_ADD, cat.skuId(a.sku), cat.category(a.sku).name());
            case LIKE:
                return InteractionRecorded.onProduct(InteractionKind.LIKE, cat.skuId(a.sku), cat.category(a.sku).name());
            case SHARE:
                sim.advocate(this);
                return InteractionRecorded.onProduct(InteractionKind.SHARE, cat.skuId(a.sku), cat.category(a.sku).name());
            case COMMENT:
                return InteractionRecorded.comment(cat.skuId(a.sku), cat.category(a.sku).name(),
                        Texts.comment(market.chinese(), cat.productNoun(a.sku, market.chinese()), rng), market.language());
            case PURCHASE_SESSION:
                if (!dropped) {
                    planPurchaseSession(t, cat);
                }
                return null;
            case ORDER:
                return dropped ? null : order((OrderPlan) a.data, t, sim);
            case CANCEL:
                return new OrderCancelled(((OrderRef) a.data).orderId, Texts.cancelReason(market.chinese(), rng));
            case REFUND:
                return refund((OrderRef) a.data);
            case REVIEW:
                return review((OrderRef) a.data, sim);
            case CONTACT: {
                ServiceTouchpoint tp = TOUCHPOINTS[a.sku];
                OrderRef ref = (OrderRef) a.data;
                String text = rng.chance(0.8) ? Texts.serviceText(tp, market.chinese(), rng) : null;
                return InteractionRecorded.serviceContact(tp, ref != null ? ref.orderId : null, text,
                        text != null ? market.language() : null);
            }
            case UNSUBSCRIBE: {
                if (consents == 0) {
                    return null;
                }
                byte revoked = consents;
                consents = 0;
                return new CustomerUpdated(null, null, null, null, null, null, consentMap(revoked, false));
            }
            default:
                throw new IllegalStateException("unknown action " + a.kind);
        }
    }

    // ------------------------------------------------------------------------------------------ sessions

    private long gap() {
        return 5 * SECOND + (long) rng.exponential(40 * SECOND);
    }

    private int chooseCategory() {
        if (rng.chance(0.75)) {
            // the first preference is the strongest
            int i = rng.chance(0.55) ? 0 : rng.nextInt(preferred.length);
            return preferred[i];
        }
        return rng.weighted(POPULARITY);
    }

    private static final double[] POPULARITY = Catalogue.popularityWeights();

    /** A purchase: a few minutes of looking at products, putting the chosen ones in the cart, then the order. */
    private void planPurchaseSession(long t, Catalogue cat) {
        int lines = 1 + Math.min(rng.poisson(0.5), 4);
        double target = new LogNormalDistribution(rng, spendMu, spendSigma).sample(); // CNY
        long targetMinor = Math.max(100, Math.round(target / market.currency.cnyPerUnit * 100));
        long perLine = Math.max(100, targetMinor / lines);
        int[] skus = new int[lines];
        int[] quantities = new int[lines];
        int n = 0;
        long c = t;
        for (int i = 0; i < lines; i++) {
            int category = chooseCategory();
            int alternatives = rng.poisson(1.2);
            for (int k = 0; k < alternatives; k++) {
                schedule(c, VIEW, cat.randomSku(category, rng), null);
                c += gap();
            }
            int sku = cat.skuNearPrice(category, perLine, market.currency, rng);
            long price = cat.price(sku, market.currency);
            int qty = price * 2 < perLine
                    ? (int) Math.max(1, Math.min(6, Math.round((double) perLine / price)))
                    : (rng.chance(0.08) ? 2 : 1);
            schedule(c, VIEW, sku, null);
            c += gap();
            if (rng.chance(0.05)) {
                schedule(c, LIKE, sku, null);
                c += 2 * SECOND;
            }
            schedule(c, CART_ADD, sku, null);
            c += gap();
            int existing = -1;
            for (int k = 0; k < n; k++) {
                if (skus[k] == sku) {
                    existing = k;
                }
            }
            if (existing >= 0) {
                quantities[existing] += qty;
            } else {
                skus[n] = sku;
                quantities[n] = qty;
                n++;
            }
        }
        if (rng.chance(0.25)) { // something put in the cart and then left there
            int sku = cat.randomSku(chooseCategory(), rng);
            schedule(c, VIEW, sku, null);
            c += gap();
            schedule(c, CART_ADD, sku, null);
            c += gap();
        }
        OrderPlan plan = new OrderPlan(java.util.Arrays.copyOf(skus, n), java.util.Arrays.copyOf(quantities, n));
        schedule(c + 30 * SECOND + (long) rng.exponential(90 * SECOND), ORDER, -1, plan);
    }

    /** Looking around without buying: views, sometimes a cart add that is never ordered, a like, a comment, a share. */
    private void planBrowseSession(long t, Catalogue cat) {
        int category = chooseCategory();
        int views = 1 + rng.poisson(2.0);
        long c = t;
        int sku = -1;
        for (int v = 0; v < views; v++) {
            sku = cat.randomSku(rng.chance(0.8) ? category : chooseCategory(), rng);
            schedule(c, VIEW, sku, null);
            c += gap();
            if (!dropped && rng.chance(0.12)) {
                schedule(c, CART_ADD, sku, null);
                c += gap();
            }
            if (rng.chance(0.06)) {
                schedule(c, LIKE, sku, null);
                c += 2 * SECOND;
            }
        }
        if (!dropped && rng.chance(0.03)) {
            schedule(c + 20 * SECOND + (long) rng.exponential(60 * SECOND), COMMENT, sku, null);
        }
        if (!dropped && rng.chance(engaged ? 0.06 : 0.025)) {
            schedule(c + 5 * SECOND, SHARE, sku, null);
        }
    }

    // ------------------------------------------------------------------------------------------ orders

    private EventPayload order(OrderPlan plan, long t, ShopSimulation sim) {
        Catalogue cat = sim.catalogue();
        Currency cur = market.currency;
        orders++;
        String orderId = CustomerIds.orderId(index, orders);
        List<OrderItem> items = new ArrayList<>(plan.skus.length);
        long[] unit = new long[plan.skus.length];
        long amount = 0;
        for (int i = 0; i < plan.skus.length; i++) {
            unit[i] = cat.price(plan.skus[i], cur);
            amount += unit[i] * plan.quantities[i];
            items.add(new OrderItem(cat.skuId(plan.skus[i]), cat.category(plan.skus[i]).name(), plan.quantities[i],
                    money(unit[i])));
        }
        Coupons.Coupon coupon = Coupons.choose(this, t, amount, orders == 1, rng);
        long discount = coupon == null ? 0 : coupon.discountMinor();
        OrderCompleted payload = new OrderCompleted(orderId, money(amount), cur.name(), money(discount),
                coupon == null ? null : coupon.code(), items);
        sim.recordOrder(this, t);

        double u = rng.nextDouble();
        byte experience = u < badShare ? BAD : u < badShare + 0.2 ? OK : GOOD;
        OrderRef ref = new OrderRef(orderId, plan, unit, amount, discount, experience);
        scheduleFollowUps(ref, t, sim.config().model());

        double multiplier = experience == BAD ? 2.5 : experience == OK ? 1.0 : 0.85;
        if (rng.chance(Math.min(1.0, dropoutProbability * multiplier))) {
            dropOut(t, sim);
        }
        return payload;
    }

    private void scheduleFollowUps(OrderRef ref, long t, ModelParameters m) {
        byte e = ref.experience;
        if (rng.chance(m.cancelShare())) {
            schedule(t + 5 * MINUTE + (long) rng.exponential(60 * MINUTE), CANCEL, -1, ref);
            return;
        }
        if (rng.chance(e == BAD ? 0.40 : e == OK ? 0.06 : 0.015)) {
            schedule(t + (long) (rng.between(1, 5) * DAY), CONTACT, ServiceTouchpoint.DELIVERY.ordinal(), ref);
        }
        if (rng.chance(e == BAD ? 0.35 : e == OK ? 0.05 : 0.02)) {
            long contactAt = t + (long) (rng.between(2, 10) * DAY);
            if (rng.chance(0.7)) {
                schedule(contactAt, CONTACT, ServiceTouchpoint.AFTER_SALES.ordinal(), ref);
            }
            schedule(contactAt + (long) (rng.between(0.5, 3) * DAY), REFUND, -1, ref);
        } else if (e == BAD && rng.chance(0.25)) {
            schedule(t + (long) (rng.between(2, 12) * DAY), CONTACT, ServiceTouchpoint.AFTER_SALES.ordinal(), ref);
        }
        if (rng.chance(e == BAD ? 0.45 : e == OK ? 0.20 : reviewProbability)) {
            schedule(t + (long) (rng.between(3, 20) * DAY), REVIEW, -1, ref);
        }
    }

    private EventPayload refund(OrderRef ref) {
        long net = ref.amount - ref.discount;
        if (net <= 0) {
            return null;
        }
        long refundAmount = net;
        boolean full = true;
        int units = 0;
        for (int q : ref.plan.quantities) {
            units += q;
        }
        if (units > 1 && rng.chance(0.45)) {
            // one line, or part of it, came back: its share of what was paid
            int line = rng.nextInt(ref.plan.skus.length);
            int qty = 1 + rng.nextInt(ref.plan.quantities[line]);
            long lineGross = ref.unitPrices[line] * qty;
            long partial = Math.floorDiv(lineGross * net, ref.amount);
            if (partial > 0 && partial < net) {
                refundAmount = partial;
                full = false;
            }
        }
        return new OrderRefunded(ref.orderId, CustomerIds.refundId(ref.orderId, 1), money(refundAmount),
                market.currency.name(), full, Texts.refundReason(market.chinese(), rng));
    }

    private EventPayload review(OrderRef ref, ShopSimulation sim) {
        Catalogue cat = sim.catalogue();
        double u = rng.nextDouble();
        int rating = switch (ref.experience) {
            case GOOD -> u < 0.62 ? 5 : u < 0.95 ? 4 : 3;
            case OK -> u < 0.15 ? 2 : u < 0.65 ? 3 : 4;
            default -> u < 0.55 ? 1 : u < 0.90 ? 2 : 3;
        };
        int sku = ref.plan.skus[rng.nextInt(ref.plan.skus.length)];
        boolean zh = market.chinese();
        String text = Texts.review(rating, zh, cat.productNoun(sku, zh), rng);
        if (rating == 5 && !dropped) {
            sim.advocate(this);
        }
        return InteractionRecorded.review(cat.skuId(sku), cat.category(sku).name(), rating, text, market.language(), ref.orderId);
    }

    private void dropOut(long t, ShopSimulation sim) {
        dropped = true;
        sim.recordDropout(this, t);
        nextPurchaseAt = NEVER;
        nextCheckInAt = NEVER;
        nextMiscAt = NEVER;
        engaged = false;
        // a little lingering browsing, then silence; some unsubscribe on their way out
        nextBrowseAt = rng.chance(0.5) ? t + 1 + (long) rng.exponential(15.0 * DAY) : NEVER;
        if (rng.chance(0.2)) {
            schedule(t + (long) (rng.between(10, 90) * DAY), UNSUBSCRIBE, -1, null);
        }
    }

    // ------------------------------------------------------------------------------------------ the rest

    private EventPayload misc() {
        if (rng.chance(0.55)) {
            if (rng.chance(0.75)) {
                int ch = rng.nextInt(CHANNELS.length);
                boolean now = (consents & (1 << ch)) == 0; // flip it
                consents = (byte) (now ? consents | (1 << ch) : consents & ~(1 << ch));
                Map<ConsentChannel, Boolean> change = new EnumMap<>(ConsentChannel.class);
                change.put(CHANNELS[ch], now);
                return new CustomerUpdated(null, null, null, null, null, null, change);
            }
            return new CustomerUpdated(null, null, market.phone(rng), null, null, null, null);
        }
        ServiceTouchpoint tp = ServiceTouchpoint.SUPPORT;
        String text = rng.chance(0.7) ? Texts.serviceText(tp, market.chinese(), rng) : null;
        return InteractionRecorded.serviceContact(tp, null, text, text != null ? market.language() : null);
    }

    private Map<ConsentChannel, Boolean> consentMap(byte bits, boolean allChannels) {
        Map<ConsentChannel, Boolean> map = new EnumMap<>(ConsentChannel.class);
        for (int i = 0; i < CHANNELS.length; i++) {
            boolean on = (bits & (1 << i)) != 0;
            if (allChannels) {
                map.put(CHANNELS[i], on);
            } else if (on) {
                map.put(CHANNELS[i], false); // revoke what was given
            }
        }
        return map;
    }

    /** Next arrival of a Poisson process with {@code ratePerDay} in activity time after {@code t}. */
    private long nextArrival(long t, double ratePerDay) {
        if (ratePerDay <= 0) {
            return NEVER;
        }
        double wait = rng.exponential(1.0 / ratePerDay);
        if (wait > 200_000) {
            return NEVER;
        }
        double tau = Diurnal.toActivity(t, market.utcOffsetHours) + wait;
        return Math.max(t + 1, Diurnal.fromActivity(tau, market.utcOffsetHours));
    }

    /** The next day's check-in (some days are skipped), around the customer's usual time of day. */
    private long nextCheckIn(long t) {
        long offset = market.utcOffsetHours * Diurnal.HOUR_MS;
        long day = Math.floorDiv(t + offset, DAY) + 1;
        while (!rng.chance(checkInProbability)) {
            day++;
        }
        long jitter = (long) (rng.between(-25, 25) * MINUTE);
        return Math.max(t + 1, day * DAY + checkInMinute * MINUTE + jitter - offset);
    }

    private void schedule(long at, byte kind, int sku, Object data) {
        Action a = new Action(at, kind, sku, data);
        if (pending == null || at < pending.at) {
            a.next = pending;
            pending = a;
            return;
        }
        Action p = pending;
        while (p.next != null && p.next.at <= at) {
            p = p.next;
        }
        a.next = p.next;
        p.next = a;
    }

    boolean priceSensitive() {
        return priceSensitive;
    }

    int orders() {
        return orders;
    }

    static BigDecimal money(long minor) {
        return BigDecimal.valueOf(minor, 2);
    }

    /** A scheduled action of this customer; a short sorted singly-linked list. */
    private static final class Action {
        final long at;
        final byte kind;
        final int sku;
        final Object data;
        Action next;

        Action(long at, byte kind, int sku, Object data) {
            this.at = at;
            this.kind = kind;
            this.sku = sku;
            this.data = data;
        }
    }

    private record OrderPlan(int[] skus, int[] quantities) {
    }

    /** What the follow-ups of an order need to know about it. */
    private record OrderRef(String orderId, OrderPlan plan, long[] unitPrices, long amount, long discount, byte experience) {
    }
}

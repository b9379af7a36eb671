package org.openretention.simulator;

/**
 * The knobs of the customer model. Rates are per day.
 *
 * @param gammaShape          r: shape of the gamma distribution of purchase rates (heterogeneity; below 1 = many rare buyers)
 * @param gammaRate           alpha: rate of that gamma distribution; the mean purchase rate is r / alpha per day
 * @param betaA               a of the beta distribution of dropout probabilities
 * @param betaB               b of that beta distribution; the mean dropout probability per purchase is a / (a + b)
 * @param initialShare        share of the customers already there when the simulated period starts
 * @param registrationGrowth  g: newcomers register with a density growing linearly by the factor (1 + g) over the period
 * @param referralShare       share of newcomers who register with an existing customer's referral code
 * @param priceSensitiveShare share of customers who mostly buy with coupons
 * @param signupPurchaseShare share of customers who place a first order right after registering
 * @param browseFactor        browse-only sessions per expected purchase (views and cart adds without an order)
 * @param baseBrowseRate      browse-only sessions per day independent of the purchase rate
 * @param cancelShare         share of orders cancelled shortly after completion
 * @param badExperienceShare  mean share of orders with a bad experience (late, damaged, wrong); customer-specific
 * @param engagedShareZh      share of zh-locale customers who check in daily (a habit of Chinese shopping apps)
 * @param engagedShareOther   share of other customers who check in daily
 * @param profileChangeRate   profile updates and support contacts per day
 */
public record ModelParameters(
        double gammaShape,
        double gammaRate,
        double betaA,
        double betaB,
        double initialShare,
        double registrationGrowth,
        double referralShare,
        double priceSensitiveShare,
        double signupPurchaseShare,
        double browseFactor,
        double baseBrowseRate,
        double cancelShare,
        double badExperienceShare,
        double engagedShareZh,
        double engagedShareOther,
        double profileChangeRate) {

    public ModelParameters {
        requirePositive(gammaShape, "gammaShape");
        requirePositive(gammaRate, "gammaRate");
        requirePositive(betaA, "betaA");
        requirePositive(betaB, "betaB");
        requireShare(initialShare, "initialShare");
        requireShare(referralShare, "referralShare");
        requireShare(priceSensitiveShare, "priceSensitiveShare");
        requireShare(signupPurchaseShare, "signupPurchaseShare");
        requireShare(cancelShare, "cancelShare");
        requireShare(badExperienceShare, "badExperienceShare");
        requireShare(engagedShareZh, "engagedShareZh");
        requireShare(engagedShareOther, "engagedShareOther");
        if (registrationGrowth < 0 || browseFactor < 0 || baseBrowseRate < 0 || profileChangeRate < 0) {
            throw new IllegalArgumentException("registrationGrowth, browseFactor, baseBrowseRate and profileChangeRate must be >= 0");
        }
    }

    /**
     * Defaults: one order per ~67 days on average (r = 0.9, alpha = 60), a mean dropout probability of 0.25 per
     * purchase (a = 0.8, b = 2.4), so that most regular buyers are gone within two years while rare buyers linger.
     */
    public static ModelParameters defaults() {
        return new ModelParameters(0.9, 60.0, 0.8, 2.4, 0.3, 1.0, 0.15, 0.2, 0.35, 3.0, 0.015, 0.015, 0.08, 0.22, 0.06,
                1.0 / 300);
    }

    public double meanPurchaseRate() {
        return gammaShape / gammaRate;
    }

    public double meanDropoutProbability() {
        return betaA / (betaA + betaB);
    }

    public ModelParameters withPurchaseRate(double shape, double rate) {
        return new ModelParameters(shape, rate, betaA, betaB, initialShare, registrationGrowth, referralShare,
                priceSensitiveShare, signupPurchaseShare, browseFactor, baseBrowseRate, cancelShare, badExperienceShare,
                engagedShareZh, engagedShareOther, profileChangeRate);
    }

    public ModelParameters withDropout(double a, double b) {
        return new ModelParameters(gammaShape, gammaRate, a, b, initialShare, registrationGrowth, referralShare,
                priceSensitiveShare, signupPurchaseShare, browseFactor, baseBrowseRate, cancelShare, badExperienceShare,
                engagedShareZh, engagedShareOther, profileChangeRate);
    }

    public ModelParameters withShares(double initial, double referral, double priceSensitive) {
        return new ModelParameters(gammaShape, gammaRate, betaA, betaB, initial, registrationGrowth, referral,
                priceSensitive, signupPurchaseShare, browseFactor, baseBrowseRate, cancelShare, badExperienceShare,
                engagedShareZh, engagedShareOther, profileChangeRate);
    }

    private static void requirePositive(double v, String name) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be a positive number, got " + v);
        }
    }

    private static void requireShare(double v, String name) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, got " + v);
        }
    }
}

package org.openretention.events.segments;

/** The purchase model a churn probability comes from. */
public enum ChurnModel {
    /** Beta-geometric / negative binomial distribution (Fader, Hardie and Lee 2005). */
    BG_NBD,
    /** Pareto / negative binomial distribution (Schmittlein, Morrison and Colombo 1987). */
    PARETO_NBD
}

package org.openretention.platform.rest;

/** The roles a bearer token can carry (JWT {@code groups} claim). */
public final class Roles {
    public static final String MARKETING = "marketing";
    public static final String SUPPORT = "support";
    public static final String OPS = "ops";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}

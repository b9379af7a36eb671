package org.openretention.feedback.complaint;

/**
 * Where a complaint stands: OPEN → ACKNOWLEDGED (first contact) → RESOLVED → CLOSED; a RESOLVED or CLOSED complaint may
 * be REOPENED, which needs a new first contact (ACKNOWLEDGED again). Any other step is an {@link IllegalTransition}.
 */
public enum ComplaintStatus {
    OPEN, ACKNOWLEDGED, RESOLVED, CLOSED, REOPENED;

    /** What support does to a complaint. */
    public enum Action { ACKNOWLEDGE, RESOLVE, CLOSE, REOPEN }

    /** The status after {@code action}; throws {@link IllegalTransition} when the action is not allowed from here. */
    public ComplaintStatus after(Action action) {
        ComplaintStatus next = switch (action) {
            case ACKNOWLEDGE -> this == OPEN || this == REOPENED ? ACKNOWLEDGED : null;
            case RESOLVE -> this == ACKNOWLEDGED ? RESOLVED : null;
            case CLOSE -> this == RESOLVED ? CLOSED : null;
            case REOPEN -> this == RESOLVED || this == CLOSED ? REOPENED : null;
        };
        if (next == null) {
            throw new IllegalTransition(this, action);
        }
        return next;
    }

    /**
     * Whether the complaint is still unresolved: while it is, the customer gets no NPS invitation and, when it is MAJOR,
     * no marketing.
     */
    public boolean open() {
        return this == OPEN || this == ACKNOWLEDGED || this == REOPENED;
    }

    /** A step the lifecycle does not allow; the REST edge answers 409. */
    public static final class IllegalTransition extends RuntimeException {
        private final ComplaintStatus from;
        private final Action action;

        IllegalTransition(ComplaintStatus from, Action action) {
            super("a complaint that is " + from + " cannot be " + switch (action) {
                case ACKNOWLEDGE -> "acknowledged";
                case RESOLVE -> "resolved";
                case CLOSE -> "closed";
                case REOPEN -> "reopened";
            });
            this.from = from;
            this.action = action;
        }

        public ComplaintStatus from() {
            return from;
        }

        public Action action() {
            return action;
        }
    }
}

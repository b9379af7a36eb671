package org.openretention.loyalty.support;

import org.openretention.platform.rest.Problem;
import org.openretention.platform.rest.ProblemException;
import org.openretention.platform.rest.ProblemType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Rules about request fields that Bean Validation annotations cannot say (one field against another, a name that
 * must exist): collects every failure and reports them together as one 400 naming each field.
 */
public final class FieldChecks {

    private final List<Problem.FieldError> errors = new ArrayList<>();

    public FieldChecks check(boolean ok, String field, String message) {
        if (!ok) {
            errors.add(new Problem.FieldError(field, message));
        }
        return this;
    }

    /** Throws a 400 problem naming each failed field, if any failed. */
    public void orFail() {
        if (errors.isEmpty()) {
            return;
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        String detail = errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
        throw new ProblemException(ProblemType.VALIDATION, detail, errors);
    }
}

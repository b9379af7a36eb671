package org.openretention.loyalty.rest.validation;

import org.openretention.platform.rest.Problem;
import org.openretention.platform.rest.ProblemException;
import org.openretention.platform.rest.ProblemType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every failed check of one request, reported together as one 400 naming each field: Bean Validation's violations
 * (see {@link RequestChecks}) and the rules annotations cannot say (one field against another, a name that must
 * exist). A field keeps its first failure only, so that a value that is already invalid is not judged again.
 */
public final class FieldChecks {

    private final List<Problem.FieldError> errors = new ArrayList<>();

    public FieldChecks check(boolean ok, String field, String message) {
        if (!ok && !failed(field)) {
            errors.add(new Problem.FieldError(field, message));
        }
        return this;
    }

    /** Whether {@code field} has failed a check already. */
    public boolean failed(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
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

package org.openretention.loyalty.rest.validation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.List;

/**
 * Validates a request body by hand, for resources that add checks of their own (a header, one field against
 * another, names the programme must know): the body's violations and those checks then make one 400 together,
 * where {@code @Valid} would have answered with the violations alone.
 */
@ApplicationScoped
public class RequestChecks {

    private final Validator validator;

    @Inject
    public RequestChecks(Validator validator) {
        this.validator = validator;
    }

    /** The body's Bean Validation violations, named by JSON path ({@code name}, {@code triggers[1]}). */
    public FieldChecks of(Object body) {
        FieldChecks checks = new FieldChecks();
        validator.validate(body).stream()
                .sorted(java.util.Comparator.comparing((ConstraintViolation<Object> v) -> v.getPropertyPath().toString()))
                .forEach(v -> checks.check(false, field(v.getPropertyPath()), v.getMessage()));
        return checks;
    }

    static String field(Path path) {
        List<String> parts = new ArrayList<>();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.BEAN) {
                continue;
            }
            if (node.getIndex() != null && !parts.isEmpty()) {
                parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + node.getIndex() + "]");
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                parts.add(name);
            }
        }
        return parts.isEmpty() ? "body" : String.join(".", parts);
    }
}

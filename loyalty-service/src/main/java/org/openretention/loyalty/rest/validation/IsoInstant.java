package org.openretention.loyalty.rest.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * An ISO-8601 instant with a zone offset, such as {@code 2026-12-01T00:00:00Z}. Request fields of instants are read
 * as strings and checked with this, so that a malformed one is one more field error of the 400 (see {@link OneOf}).
 * Null is valid.
 */
@Documented
@Constraint(validatedBy = IsoInstant.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface IsoInstant {

    String message() default "must be an ISO-8601 instant such as 2026-12-01T00:00:00Z";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<IsoInstant, String> {

        /** The instant {@code text} names; call only on a value this constraint accepted. Null stays null. */
        public static Instant parse(String text) {
            if (text == null) {
                return null;
            }
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                return OffsetDateTime.parse(text).toInstant();
            }
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            try {
                parse(value);
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
    }
}

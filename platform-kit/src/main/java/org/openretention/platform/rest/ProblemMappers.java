package org.openretention.platform.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/**
 * Turns every failure at the API edge into {@code application/problem+json}: 400 naming each bad field, 401, 403,
 * 404, 409 and the rest, never a stack trace or a class name. Priorities are above Quarkus's built-in mappers.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final int PRIORITY = 1000;

    @ServerExceptionMapper(priority = PRIORITY)
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(), uri);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response restViolation(ResteasyReactiveViolationException e, UriInfo uri) {
        boolean ourFault = e.getConstraintViolations().stream()
                .anyMatch(v -> java.util.stream.StreamSupport.stream(v.getPropertyPath().spliterator(), false)
                        .anyMatch(n -> n.getKind() == ElementKind.RETURN_VALUE));
        return ourFault ? internal(e, uri) : violations(e, uri);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response violation(ConstraintViolationException e, UriInfo uri) {
        return violations(e, uri);
    }

    private Response violations(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldName(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        String detail = errors.stream().map(f -> f.field() + " " + f.message()).reduce((a, b) -> a + "; " + b).orElse("invalid input");
        return respond(Problem.invalid(detail, errors), uri);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response unreadableField(MismatchedInputException e, UriInfo uri) {
        if (String.valueOf(e.getOriginalMessage()).contains("end-of-input")) {
            return respond(Problem.of(ProblemType.MALFORMED_BODY, "the request body is not valid JSON: it ends too early"), uri);
        }
        String field = jsonPath(e);
        String message = e instanceof InvalidFormatException format
                ? "cannot be read as " + simpleTypeName(format.getTargetType()) + ": '" + format.getValue() + "'"
                : e instanceof UnrecognizedPropertyException ? "is not a known field"
                : field.isEmpty() ? "the request body is missing or not the expected JSON shape"
                : "has the wrong type, expected " + simpleTypeName(e.getTargetType());
        if (field.isEmpty()) {
            return respond(Problem.of(ProblemType.MALFORMED_BODY, message), uri);
        }
        return respond(Problem.invalid(field + " " + message, List.of(new Problem.FieldError(field, message))), uri);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response unmappable(JsonMappingException e, UriInfo uri) {
        String field = jsonPath(e);
        String message = "is invalid: " + firstLine(e.getOriginalMessage());
        if (field.isEmpty()) {
            return respond(Problem.of(ProblemType.MALFORMED_BODY, "the request body could not be read: " + firstLine(e.getOriginalMessage())), uri);
        }
        return respond(Problem.invalid(field + " " + message, List.of(new Problem.FieldError(field, message))), uri);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response unparseable(JsonParseException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.MALFORMED_BODY, "the request body is not valid JSON: " + firstLine(e.getOriginalMessage())), uri);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.MALFORMED_BODY, "the request body could not be read: " + firstLine(e.getOriginalMessage())), uri);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return unauthorized("a valid bearer token is required", uri);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized("the bearer token is invalid or expired", uri);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.FORBIDDEN, "your role may not do this"), uri);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return internal(e, uri);
        }
        if (status == 400) {
            // the framework's own 400s come from a body or parameter it could not read
            Throwable cause = e.getCause();
            if (cause instanceof MismatchedInputException mismatch) {
                return unreadableField(mismatch, uri);
            }
            if (cause instanceof JsonMappingException mapping) {
                return unmappable(mapping, uri);
            }
            String reason = cause instanceof JsonProcessingException json ? firstLine(json.getOriginalMessage())
                    : cause != null ? "it is not in the expected format" : firstLine(e.getMessage());
            return respond(Problem.of(ProblemType.MALFORMED_BODY, "the request could not be read: " + reason), uri);
        }
        ProblemType type = ProblemType.forStatus(status);
        String detail = status == 404 ? "no resource at " + uri.getPath() : firstLine(e.getMessage());
        return respond(new Problem(type.uri(), type.title(), status, detail, null, List.of()), uri);
    }

    @ServerExceptionMapper(priority = PRIORITY + 1)
    public Response unexpected(Throwable e, UriInfo uri) {
        return internal(e, uri);
    }

    private Response internal(Throwable e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error on %s (incident %s)", uri.getPath(), incident);
        return respond(Problem.of(ProblemType.INTERNAL, "something went wrong on our side; incident " + incident), uri);
    }

    private Response unauthorized(String detail, UriInfo uri) {
        Problem problem = Problem.of(ProblemType.UNAUTHORIZED, detail);
        return Response.status(401)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(withInstance(problem, uri))
                .build();
    }

    private static Response respond(Problem problem, UriInfo uri) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(withInstance(problem, uri)).build();
    }

    private static Problem withInstance(Problem p, UriInfo uri) {
        return new Problem(p.type(), p.title(), p.status(), p.detail(), uri == null ? null : uri.getPath(), p.errors());
    }

    /**
     * The field as the client knows it: {@code points} for a body property, {@code size} for a query parameter,
     * without the Java method and parameter names the validator puts in front.
     */
    static String fieldName(Path path) {
        List<String> parts = new ArrayList<>();
        Iterator<Path.Node> nodes = path.iterator();
        List<Path.Node> all = new ArrayList<>();
        nodes.forEachRemaining(all::add);
        for (int i = 0; i < all.size(); i++) {
            Path.Node node = all.get(i);
            boolean last = i == all.size() - 1;
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR
                    || node.getKind() == ElementKind.RETURN_VALUE || node.getKind() == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER && !last) {
                continue; // the request body parameter: its properties follow
            }
            String name = node.getName();
            if (node.getIndex() != null && !parts.isEmpty()) {
                parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + node.getIndex() + "]");
            }
            if (name != null && !name.startsWith("<")) {
                parts.add(name);
            }
        }
        return parts.isEmpty() ? "body" : String.join(".", parts);
    }

    static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String simpleTypeName(Class<?> type) {
        if (type == null) {
            return "a different type";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date/time";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        // Jackson names Java types in its messages; the API must not
        return line.replaceAll("`[a-zA-Z0-9_.$]+\\.([A-Za-z0-9_$]+)`", "$1").replaceAll("\\(class [^)]*\\)", "");
    }
}

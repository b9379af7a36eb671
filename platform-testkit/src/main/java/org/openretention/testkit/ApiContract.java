package org.openretention.testkit;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service's API must hold to, checked for every operation of its OpenAPI document ({@code /q/openapi}),
 * so an endpoint added later is checked without anyone listing it. A service's test class extends this and is
 * annotated {@code @QuarkusTest @WithTestResource(PlatformTestResources.class)}.
 *
 * <p>The document must say, for every operation:
 * <ul>
 *   <li>a summary (Quarkus's summary made from the method name is switched off in the platform kit);</li>
 *   <li>the roles that may call it: the scopes of its {@code bearer} security requirement, which Quarkus writes from
 *       {@code @RolesAllowed} (OpenAPI 3.1 lets a scheme other than OAuth2 list roles as scopes), each one of
 *       {@link #ROLES};</li>
 *   <li>a success response (2xx): annotating an error response replaces the 200 Quarkus would have written, so an
 *       operation documenting its errors must document its success too;</li>
 *   <li>its error responses, each with an {@code application/problem+json} body: 401 and 403; 400 when it takes a
 *       body or a parameter with constraints (pattern, bounds, lengths, enum) or a required query or header parameter;
 *       404 when its path names a resource ({@code /rewards/{id}}), except a PUT that documents 201, which creates
 *       what it does not find.</li>
 * </ul>
 * And the API must answer every operation, called with placeholders for its parameters and {@code {}} for a JSON
 * body, with 401 problem+json without a token and 403 problem+json with a token holding every role the operation
 * does not allow. The 403 call is skipped, and reported as skipped, for an operation open to all four roles.
 */
public abstract class ApiContract {

    /** The roles a token can carry: platform-kit's {@code org.openretention.platform.rest.Roles}. */
    public static final Set<String> ROLES = Set.of("marketing", "support", "ops", "admin");

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Set<String> CONSTRAINTS = Set.of("pattern", "minimum", "maximum", "exclusiveMinimum",
            "exclusiveMaximum", "minLength", "maxLength", "enum", "minItems", "maxItems");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    /** One operation of the document: {@code method} in lower case, as the document writes it. */
    protected record ApiOperation(String method, String path, Map<String, Object> spec, List<Map<String, Object>> parameters) {

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }

        Set<String> roles(Map<String, Object> document) {
            Object security = spec.containsKey("security") ? spec.get("security") : document.get("security");
            Set<String> roles = new TreeSet<>();
            for (Map<String, Object> requirement : maps(security)) {
                requirement.values().forEach(scopes -> roles.addAll(strings(scopes)));
            }
            return roles;
        }

        boolean takesBody() {
            return spec.get("requestBody") != null;
        }

        Map<String, Object> responses() {
            return map(spec.get("responses"));
        }
    }

    private static Map<String, Object> document;
    private static List<ApiOperation> operations;

    /** The service's OpenAPI document, read once per test class. */
    protected static synchronized Map<String, Object> openApiDocument() {
        if (document == null) {
            document = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath().getMap("$");
        }
        return document;
    }

    /** Every operation of the document, in its order. */
    protected static synchronized List<ApiOperation> operations() {
        if (operations == null) {
            List<ApiOperation> found = new ArrayList<>();
            map(openApiDocument().get("paths")).forEach((path, item) -> {
                Map<String, Object> pathItem = map(item);
                pathItem.forEach((method, spec) -> {
                    if (HTTP_METHODS.contains(method)) {
                        Map<String, Map<String, Object>> parameters = new LinkedHashMap<>();
                        for (Map<String, Object> p : maps(pathItem.get("parameters"))) {
                            parameters.put(p.get("in") + ":" + p.get("name"), p);
                        }
                        for (Map<String, Object> p : maps(map(spec).get("parameters"))) {
                            parameters.put(p.get("in") + ":" + p.get("name"), p);
                        }
                        found.add(new ApiOperation(method, path, map(spec), List.copyOf(parameters.values())));
                    }
                });
            });
            assertThat(found).as("operations in /q/openapi").isNotEmpty();
            operations = List.copyOf(found);
        }
        return operations;
    }

    /** The operation {@code method path} of the document, e.g. {@code operation("post", "/customers/{customerId}/redemptions")}. */
    protected static ApiOperation operation(String method, String path) {
        return operations().stream().filter(o -> o.method().equalsIgnoreCase(method) && o.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError(method.toUpperCase() + " " + path + " is not in /q/openapi"));
    }

    @TestFactory
    Stream<DynamicTest> everyOperationDocumentsItsSummaryRolesAndErrors() {
        return operations().stream().map(operation -> DynamicTest.dynamicTest(operation.toString(), () -> {
            Map<String, Object> spec = operation.spec();
            assertThat(spec.get("summary")).as("%s: summary (@Operation(summary = ...))", operation)
                    .isInstanceOf(String.class).asString().isNotBlank();

            Set<String> roles = operation.roles(openApiDocument());
            assertThat(roles).as("%s: roles, the scopes of its security requirement (@RolesAllowed)", operation).isNotEmpty();
            assertThat(ROLES).as("%s: documented roles are roles a token can carry", operation).containsAll(roles);

            Set<String> expected = new LinkedHashSet<>(List.of("401", "403"));
            if (operation.takesBody() || operation.parameters().stream().anyMatch(ApiContract::validated)) {
                expected.add("400");
            }
            if (namesAResource(operation) && !createsWhatItDoesNotFind(operation)) {
                expected.add("404");
            }
            Map<String, Object> responses = operation.responses();
            // an @APIResponse on a method replaces the 200 the scanner would have written, so a 2xx can go missing
            assertThat(responses.keySet()).as("%s: a documented success response (2xx)", operation).anyMatch(s -> s.startsWith("2"));
            assertThat(responses).as("%s: documented responses (@APIResponse)", operation).containsKeys(expected.toArray(String[]::new));
            responses.forEach((status, response) -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    assertProblemBody(operation, status, map(response));
                }
            });
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyOperationRefusesCallersWithoutTheRightRole() {
        return operations().stream().flatMap(operation -> {
            Set<String> otherRoles = new TreeSet<>(ROLES);
            otherRoles.removeAll(operation.roles(openApiDocument()));
            return Stream.of(
                    DynamicTest.dynamicTest(operation + " without a token: 401", () -> named(operation + " without a token", () ->
                            call(operation, request()).then().statusCode(401).contentType(PROBLEM_JSON))),
                    DynamicTest.dynamicTest(operation + " with roles " + otherRoles + ": 403", () -> {
                        Assumptions.assumeFalse(otherRoles.isEmpty(), operation + " is open to all four roles");
                        named(operation + " with roles " + otherRoles, () ->
                                call(operation, request().auth().oauth2(TestTokens.withRoles(otherRoles.toArray(String[]::new))))
                                        .then().statusCode(403).contentType(PROBLEM_JSON));
                    }));
        });
    }

    /** Surefire names a dynamic test by its index only: the failure says which call it was. */
    private static void named(String call, Runnable check) {
        try {
            check.run();
        } catch (AssertionError e) {
            throw new AssertionError(call + ": " + e.getMessage(), e);
        }
    }

    private static void assertProblemBody(ApiOperation operation, String status, Map<String, Object> response) {
        Map<String, Object> content = map(response.get("content"));
        assertThat(content).as("%s: response %s has an %s body", operation, status, PROBLEM_JSON).containsKey(PROBLEM_JSON);
        Map<String, Object> schema = map(map(content.get(PROBLEM_JSON)).get("schema"));
        assertThat(String.valueOf(schema.get("$ref"))).as("%s: response %s has the Problem schema", operation, status)
                .isEqualTo("#/components/schemas/Problem");
        assertThat(map(map(openApiDocument().get("components")).get("schemas"))).as("schemas").containsKey("Problem");
    }

    /** A parameter a client can get wrong in a way the service refuses with 400. */
    private static boolean validated(Map<String, Object> parameter) {
        Map<String, Object> schema = map(parameter.get("schema"));
        boolean constrained = schema.keySet().stream().anyMatch(CONSTRAINTS::contains);
        boolean requiredInput = Boolean.TRUE.equals(parameter.get("required")) && !"path".equals(parameter.get("in"));
        return constrained || requiredInput;
    }

    private static boolean namesAResource(ApiOperation operation) {
        return PATH_PARAMETER.matcher(operation.path()).find();
    }

    private static boolean createsWhatItDoesNotFind(ApiOperation operation) {
        return operation.method().equals("put") && operation.responses().containsKey("201");
    }

    private static RequestSpecification request() {
        return given();
    }

    /** Calls the operation with a placeholder for each path, required query and header parameter, and {@code {}} as a body. */
    private static io.restassured.response.Response call(ApiOperation operation, RequestSpecification request) {
        Map<String, String> pathValues = new LinkedHashMap<>();
        for (Map<String, Object> parameter : operation.parameters()) {
            String name = String.valueOf(parameter.get("name"));
            String value = placeholder(map(parameter.get("schema")));
            switch (String.valueOf(parameter.get("in"))) {
                case "path" -> pathValues.put(name, value);
                case "query" -> {
                    if (Boolean.TRUE.equals(parameter.get("required"))) {
                        request.queryParam(name, value);
                    }
                }
                case "header" -> {
                    if (Boolean.TRUE.equals(parameter.get("required"))) {
                        request.header(name, value);
                    }
                }
                default -> {
                }
            }
        }
        if (operation.takesBody()) {
            Set<String> mediaTypes = map(map(operation.spec().get("requestBody")).get("content")).keySet();
            String mediaType = mediaTypes.contains("application/json") || mediaTypes.isEmpty() ? "application/json" : mediaTypes.iterator().next();
            request.contentType(mediaType).body("{}");
        }
        Matcher matcher = PATH_PARAMETER.matcher(operation.path());
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(path, Matcher.quoteReplacement(pathValues.getOrDefault(matcher.group(1), "PLACEHOLDER")));
        }
        matcher.appendTail(path);
        return request.request(operation.method().toUpperCase(), path.toString());
    }

    /** A value of the parameter's type: a UUID where one is taken, a number where one is, else a word. */
    private static String placeholder(Map<String, Object> schema) {
        String ref = String.valueOf(schema.get("$ref"));
        if ("uuid".equals(schema.get("format")) || ref.endsWith("/UUID")) {
            return UUID.randomUUID().toString();
        }
        Object type = schema.get("type");
        if ("integer".equals(type) || "number".equals(type)) {
            return "1";
        }
        return "PLACEHOLDER";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object value) {
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    private static List<String> strings(Object value) {
        return value instanceof Collection<?> c ? c.stream().map(String::valueOf).toList() : List.of();
    }

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }
}

package org.openretention.platform.rest;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.Map;
import java.util.Set;

/**
 * Documents the error responses every service gives the same way, so resources annotate only what is theirs:
 * <ul>
 *   <li>every operation that needs a role (Quarkus lists the {@code @RolesAllowed} roles as the scopes of its
 *       {@code bearer} security requirement) answers 401 without a valid token and 403 with a token lacking those
 *       roles;</li>
 *   <li>every error response (4xx, 5xx) has an {@code application/problem+json} body of the {@code Problem} schema,
 *       which is what {@link ProblemMappers} sends. A resource documents its own 400, 404 and 409 with a description
 *       of when they happen, and this filter gives them the body.</li>
 * </ul>
 * It runs when the application starts, on the document built with Quarkus's security requirements already in it.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUN)
public class ProblemResponsesFilter implements OASFilter {

    static final String PROBLEM_SCHEMA = "Problem";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM_SCHEMA;
    /** What Quarkus writes for the 401 and 403 it adds: replaced by a description a client can act on. */
    private static final Set<String> GENERIC_DESCRIPTIONS = Set.of("Not Authorized", "Not Allowed");
    private static final Map<String, String> SECURITY_RESPONSES = Map.of(
            "401", "No valid bearer token: it is missing, expired or not signed by the trusted issuer",
            "403", "The token's roles may not do this");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean securedByDefault = openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty();
        boolean problemsDocumented = false;
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                if (operation.getSecurity() != null ? !operation.getSecurity().isEmpty() : securedByDefault) {
                    addSecurityResponses(operation);
                }
                problemsDocumented |= giveErrorsAProblemBody(operation.getResponses());
            }
        }
        if (problemsDocumented) {
            addProblemSchema(openAPI);
        }
    }

    private static void addSecurityResponses(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        SECURITY_RESPONSES.forEach((status, description) -> {
            APIResponse response = operation.getResponses().getAPIResponse(status);
            if (response == null) {
                operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().description(description));
            } else if (response.getDescription() == null || GENERIC_DESCRIPTIONS.contains(response.getDescription())) {
                response.setDescription(description);
            }
        });
    }

    private static boolean giveErrorsAProblemBody(APIResponses responses) {
        if (responses == null || responses.getAPIResponses() == null) {
            return false;
        }
        boolean any = false;
        for (Map.Entry<String, APIResponse> entry : responses.getAPIResponses().entrySet()) {
            APIResponse response = entry.getValue();
            if (!isError(entry.getKey()) || response.getRef() != null) {
                continue;
            }
            if (response.getContent() == null || response.getContent().getMediaTypes() == null
                    || response.getContent().getMediaTypes().isEmpty()) {
                response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
            }
            any = true;
        }
        return any;
    }

    private static boolean isError(String status) {
        return status.length() == 3 && (status.charAt(0) == '4' || status.charAt(0) == '5');
    }

    /** The schema of {@link Problem}, unless the scanner found the record through an annotation already. */
    private static void addProblemSchema(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        if (components.getSchemas() != null && components.getSchemas().containsKey(PROBLEM_SCHEMA)) {
            return;
        }
        Schema fieldError = object("One invalid input field")
                .addProperty("field", string("The JSON path of a body field, or the name of a parameter"))
                .addProperty("message", string("What is wrong with it"));
        components.addSchema(PROBLEM_SCHEMA, object("RFC 7807 problem details")
                .addProperty("type", string("A stable URI naming the kind of problem, for clients to switch on").format("uri"))
                .addProperty("title", string("A short summary of the kind of problem"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .description("The HTTP status"))
                .addProperty("detail", string("What went wrong in this request"))
                .addProperty("instance", string("The path of the request"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError)
                        .description("Each invalid field, for a 400")));
    }

    private static Schema object(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).description(description);
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}

package org.openretention.loyalty.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.openretention.loyalty.support.ConflictException;
import org.openretention.loyalty.support.NotFoundException;
import org.openretention.platform.rest.Problem;
import org.openretention.platform.rest.ProblemType;

import java.util.List;

/** The use cases' refusals as the API reports them: problem+json 404 and 409, the message as the detail. */
public class DomainProblemMappers {

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return respond(ProblemType.NOT_FOUND, e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e, UriInfo uri) {
        return respond(ProblemType.CONFLICT, e.getMessage(), uri);
    }

    private static Response respond(ProblemType type, String detail, UriInfo uri) {
        Problem problem = new Problem(type.uri(), type.title(), type.status(), detail, uri == null ? null : uri.getPath(), List.of());
        return Response.status(type.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}

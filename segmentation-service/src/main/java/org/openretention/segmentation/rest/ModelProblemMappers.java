package org.openretention.segmentation.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.openretention.platform.rest.Problem;
import org.openretention.platform.rest.ProblemType;
import org.openretention.segmentation.service.NoPurchasesToFit;

import java.util.List;

/** The model fitting's refusals as the API reports them: problem+json, the message as the detail. */
public class ModelProblemMappers {

    @ServerExceptionMapper
    public Response nothingToFit(NoPurchasesToFit e, UriInfo uri) {
        Problem problem = new Problem(ProblemType.CONFLICT.uri(), ProblemType.CONFLICT.title(), ProblemType.CONFLICT.status(),
                e.getMessage(), uri == null ? null : uri.getPath(), List.of());
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}

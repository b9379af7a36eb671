package org.openretention.platform.testapp;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.openretention.platform.rest.ProblemException;
import org.openretention.platform.rest.Roles;

import java.util.List;

/** An API shaped like the services' own, to test the shared security and error handling. */
@Path("/widgets")
public class TestWidgetResource {

    public record NewWidget(@NotBlank String name, @NotNull @Min(1) Long points, List<@NotBlank String> tags) {
    }

    public record Widget(String id, String name, long points) {
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Widget create(@NotNull @Valid NewWidget widget) {
        if (widget.name().equals("taken")) {
            throw ProblemException.conflict("a widget named 'taken' exists already");
        }
        return new Widget("w-1", widget.name(), widget.points());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING})
    public Widget get(@PathParam("id") String id) {
        throw ProblemException.notFound("no widget " + id);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING})
    public List<Widget> list(@QueryParam("size") @Min(1) @Max(100) Integer size) {
        return List.of();
    }
}

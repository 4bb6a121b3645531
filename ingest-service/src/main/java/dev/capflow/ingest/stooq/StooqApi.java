package dev.capflow.ingest.stooq;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

/** Stooq's daily CSV download: {@code /q/d/l/?s=nvda.us&i=d}. */
@Path("/q/d/l")
public interface StooqApi {

    /** The method-level "/" keeps the trailing slash Stooq expects (a class-level one is stripped). */
    @GET
    @Path("/")
    @Produces({"text/csv", "text/plain", "*/*"})
    Uni<String> dailyCsv(@QueryParam("s") String stooqSymbol, @QueryParam("i") String interval);
}

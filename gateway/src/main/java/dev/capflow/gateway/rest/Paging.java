package dev.capflow.gateway.rest;

import com.google.protobuf.Descriptors;
import com.google.protobuf.Message;
import dev.capflow.gateway.problem.GrpcProblems;
import dev.capflow.gateway.request.FieldViolation;
import dev.capflow.gateway.request.Fields;
import dev.capflow.gateway.request.InvalidFieldsException;
import io.grpc.Status;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * REST paging of the list routes: {@code ?pageSize=&pageToken=} become the list request's {@code page_size} and
 * {@code page_token}, and the token of the next page goes out in {@value #NEXT_HEADER} (absent on the last page). The
 * body stays the bare JSON array that existing clients read (docs/decisions.md, "Paging").
 */
public final class Paging {

    /** OpenAPI text of the pageSize query parameter. */
    public static final String PAGE_SIZE_DOC =
            "Most items in the answer: 0 or absent for 100; above 1000 is read as 1000.";
    /** OpenAPI text of the pageToken query parameter. */
    public static final String PAGE_TOKEN_DOC =
            "The X-Next-Page-Token of the previous page of this same query (every other "
                    + "parameter unchanged); absent for the first page.";

    /** The response header carrying the next page's token. */
    public static final String NEXT_HEADER = "X-Next-Page-Token";

    private Paging() {}

    /** {@code request} with the REST paging parameters; a negative pageSize is a 400 naming it. */
    @SuppressWarnings("unchecked")
    public static <M extends Message> M paged(M request, Long pageSize, String pageToken) {
        Fields fields = new Fields();
        fields.check(
                pageSize == null || pageSize >= 0,
                "pageSize",
                "must be 0 (the default, 100) to 1000 (a larger size is read as 1000)");
        fields.throwIfInvalid();
        Descriptors.Descriptor type = request.getDescriptorForType();
        Message.Builder paged = request.toBuilder();
        if (pageSize != null) {
            // any size above the most a page holds is read as that most, however large (the service clamps to 1000)
            paged.setField(type.findFieldByName("page_size"), (int) Math.min(pageSize, Integer.MAX_VALUE));
        }
        if (pageToken != null) {
            paged.setField(type.findFieldByName("page_token"), pageToken);
        }
        return (M) paged.build();
    }

    /** One page as a REST answer: the items' array, and the next page's token in {@value #NEXT_HEADER} unless last. */
    public static <T> RestResponse<List<T>> answer(List<T> items, String nextPageToken) {
        RestResponse.ResponseBuilder<List<T>> response = RestResponse.ResponseBuilder.ok(items);
        return nextPageToken.isEmpty()
                ? response.build()
                : response.header(NEXT_HEADER, nextPageToken).build();
    }

    /** A service's refusal of page_token or page_size, as a 400 naming the query parameter the client sent. */
    public static Throwable restNames(Throwable failure) {
        if (Status.fromThrowable(failure).getCode() != Status.Code.INVALID_ARGUMENT) {
            return failure;
        }
        var violations = GrpcProblems.violations(failure).stream()
                .filter(violation -> List.of("page_token", "page_size").contains(violation.field()))
                .toList();
        if (violations.isEmpty()) {
            return failure;
        }
        return new InvalidFieldsException(violations.stream()
                .map(violation -> new FieldViolation(
                        violation.field().equals("page_token") ? "pageToken" : "pageSize", violation.reason()))
                .toList());
    }
}

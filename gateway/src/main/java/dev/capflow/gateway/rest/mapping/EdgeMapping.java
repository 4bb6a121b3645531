package dev.capflow.gateway.rest.mapping;

import static dev.capflow.gateway.rest.mapping.EntityMapping.emptyToNull;
import static dev.capflow.gateway.rest.mapping.EntityMapping.orEmpty;

import dev.capflow.gateway.request.EnumCodec;
import dev.capflow.gateway.request.Fields;
import dev.capflow.gateway.rest.dto.EdgeInput;
import dev.capflow.gateway.rest.dto.EdgeView;
import dev.capflow.proto.exposure.v1.CapacityKind;
import dev.capflow.proto.exposure.v1.Confidence;
import dev.capflow.proto.exposure.v1.Edge;
import dev.capflow.proto.exposure.v1.EdgeKind;
import dev.capflow.proto.exposure.v1.GetEdgeRequest;
import dev.capflow.proto.exposure.v1.ListEdgesRequest;
import java.time.LocalDate;

/** Maps funding-graph edges between their REST shape and the exposure contract; exposure-service checks the rules. */
public final class EdgeMapping {

    private static final EnumCodec<EdgeKind> KINDS = new EnumCodec<>(EdgeKind.class, "EDGE_KIND_");
    private static final EnumCodec<Confidence> CONFIDENCES = new EnumCodec<>(Confidence.class, "CONFIDENCE_");
    private static final EnumCodec<CapacityKind> CAPACITY_KINDS = new EnumCodec<>(CapacityKind.class, "CAPACITY_KIND_");

    private EdgeMapping() {}

    /** The edge to create; its id is optional. */
    public static Edge toNewEdge(EdgeInput input) {
        Fields fields = new Fields();
        Edge.Builder edge = definition(fields, input);
        if (input.id() != null) {
            edge.setId(fields.text("id", input.id()));
        }
        fields.throwIfInvalid();
        return edge.build();
    }

    /** The replacement of edge {@code pathId}; the body must carry the version last read. */
    public static Edge toReplacement(String pathId, EdgeInput input) {
        Fields fields = new Fields();
        String id = fields.text("id", pathId);
        fields.check(
                input.id() == null || input.id().strip().equals(id),
                "id",
                "must equal the id of the path (" + id + ")");
        Edge.Builder edge = definition(fields, input).setId(id);
        fields.check(input.version() != null, "version", "is required (the version last read)");
        if (input.version() != null) {
            edge.setVersion(input.version());
        }
        fields.throwIfInvalid();
        return edge.build();
    }

    public static ListEdgesRequest listRequest(String asOf, String knownAt, String entity) {
        Fields fields = new Fields();
        ListEdgesRequest.Builder request = ListEdgesRequest.newBuilder();
        ViewParams.snapshot(fields, asOf, knownAt, request::setAsOf, request::setKnownAt);
        if (entity != null && !entity.isBlank()) {
            request.setEntityId(entity.strip());
        }
        fields.throwIfInvalid();
        return request.build();
    }

    /** The version of edge {@code id} holding on {@code asOf} as known at {@code knownAt} (each optional). */
    public static GetEdgeRequest getRequest(String id, String asOf, String knownAt) {
        Fields fields = new Fields();
        GetEdgeRequest.Builder request = GetEdgeRequest.newBuilder().setEdgeId(fields.text("id", id));
        ViewParams.snapshot(fields, asOf, knownAt, request::setAsOf, request::setKnownAt);
        fields.throwIfInvalid();
        return request.build();
    }

    public static EdgeView toView(Edge edge) {
        return new EdgeView(
                edge.getId(),
                edge.getFrom(),
                edge.getTo(),
                KINDS.name(edge.getKind()),
                edge.hasAmountUsd() ? edge.getAmountUsd() : null,
                edge.hasShare() ? edge.getShare() : null,
                edge.getAsOf(),
                emptyToNull(edge.getSource()),
                CONFIDENCES.name(edge.getConfidence()),
                edge.getEstimated(),
                emptyToNull(edge.getNote()),
                emptyToNull(edge.getSourceRow()),
                edge.getVersion(),
                edge.hasAmountLowUsd() ? edge.getAmountLowUsd() : null,
                edge.hasAmountHighUsd() ? edge.getAmountHighUsd() : null,
                edge.hasCapacityGw() ? edge.getCapacityGw() : null,
                CAPACITY_KINDS.name(edge.getCapacityKind()),
                emptyToNull(edge.getValidTo()),
                ViewParams.text(edge.hasRecordedAt(), edge.getRecordedAt()),
                ViewParams.text(edge.hasSupersededAt(), edge.getSupersededAt()));
    }

    private static Edge.Builder definition(Fields fields, EdgeInput input) {
        Edge.Builder edge =
                Edge.newBuilder().setFrom(fields.text("from", input.from())).setTo(fields.text("to", input.to()));
        EdgeKind kind = fields.oneOf("kind", input.kind(), KINDS);
        if (kind != null) {
            edge.setKind(kind);
        }
        if (input.amountUsd() != null) {
            edge.setAmountUsd(fields.number("amountUsd", input.amountUsd()));
        }
        if (input.share() != null) {
            edge.setShare(fields.number("share", input.share()));
        }
        if (input.amountLowUsd() != null) {
            edge.setAmountLowUsd(fields.number("amountLowUsd", input.amountLowUsd()));
        }
        if (input.amountHighUsd() != null) {
            edge.setAmountHighUsd(fields.number("amountHighUsd", input.amountHighUsd()));
        }
        if (input.capacityGw() != null) {
            edge.setCapacityGw(fields.number("capacityGw", input.capacityGw()));
        }
        if (input.capacityKind() != null) {
            CapacityKind capacityKind = fields.oneOf("capacityKind", input.capacityKind(), CAPACITY_KINDS);
            if (capacityKind != null) {
                edge.setCapacityKind(capacityKind);
            }
        }
        LocalDate asOf = fields.date("asOf", input.asOf());
        if (asOf != null) {
            edge.setAsOf(asOf.toString());
        }
        if (input.confidence() != null) {
            Confidence confidence = fields.oneOf("confidence", input.confidence(), CONFIDENCES);
            if (confidence != null) {
                edge.setConfidence(confidence);
            }
        }
        return edge.setSource(orEmpty(input.source()))
                .setEstimated(Boolean.TRUE.equals(input.estimated()))
                .setNote(orEmpty(input.note()))
                .setSourceRow(orEmpty(input.sourceRow()));
    }
}

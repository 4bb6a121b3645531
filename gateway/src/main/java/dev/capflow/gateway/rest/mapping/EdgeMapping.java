package dev.capflow.gateway.rest.mapping;

import static dev.capflow.gateway.rest.mapping.EntityMapping.emptyToNull;
import static dev.capflow.gateway.rest.mapping.EntityMapping.orEmpty;

import java.time.LocalDate;

import dev.capflow.gateway.domain.EnumCodec;
import dev.capflow.gateway.domain.Fields;
import dev.capflow.gateway.rest.dto.EdgeInput;
import dev.capflow.gateway.rest.dto.EdgeView;
import dev.capflow.proto.exposure.v1.Confidence;
import dev.capflow.proto.exposure.v1.Edge;
import dev.capflow.proto.exposure.v1.EdgeKind;
import dev.capflow.proto.exposure.v1.ListEdgesRequest;

/** Maps funding-graph edges between their REST shape and the exposure contract; exposure-service checks the rules. */
public final class EdgeMapping {

    private static final EnumCodec<EdgeKind> KINDS = new EnumCodec<>(EdgeKind.class, "EDGE_KIND_");
    private static final EnumCodec<Confidence> CONFIDENCES = new EnumCodec<>(Confidence.class, "CONFIDENCE_");

    private EdgeMapping() {
    }

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
        fields.check(input.id() == null || input.id().strip().equals(id), "id", "must equal the id of the path (" + id + ")");
        Edge.Builder edge = definition(fields, input).setId(id);
        fields.check(input.version() != null, "version", "is required (the version last read)");
        if (input.version() != null) {
            edge.setVersion(input.version());
        }
        fields.throwIfInvalid();
        return edge.build();
    }

    public static ListEdgesRequest listRequest(String asOf, String entity) {
        Fields fields = new Fields();
        ListEdgesRequest.Builder request = ListEdgesRequest.newBuilder();
        LocalDate date = fields.optionalDate("asOf", asOf);
        if (date != null) {
            request.setAsOf(date.toString());
        }
        if (entity != null && !entity.isBlank()) {
            request.setEntityId(entity.strip());
        }
        fields.throwIfInvalid();
        return request.build();
    }

    public static EdgeView toView(Edge edge) {
        return new EdgeView(edge.getId(), edge.getFrom(), edge.getTo(), KINDS.name(edge.getKind()),
                edge.hasAmountUsd() ? edge.getAmountUsd() : null, edge.hasShare() ? edge.getShare() : null,
                edge.getAsOf(), emptyToNull(edge.getSource()), CONFIDENCES.name(edge.getConfidence()), edge.getEstimated(),
                emptyToNull(edge.getNote()), emptyToNull(edge.getSourceRow()), edge.getVersion());
    }

    private static Edge.Builder definition(Fields fields, EdgeInput input) {
        Edge.Builder edge = Edge.newBuilder()
                .setFrom(fields.text("from", input.from()))
                .setTo(fields.text("to", input.to()));
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

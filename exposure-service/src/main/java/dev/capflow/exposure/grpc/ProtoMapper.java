package dev.capflow.exposure.grpc;

import com.google.protobuf.Timestamp;
import dev.capflow.exposure.domain.CapacityKind;
import dev.capflow.exposure.domain.Confidence;
import dev.capflow.exposure.domain.EdgeDraft;
import dev.capflow.exposure.domain.EntityDraft;
import dev.capflow.exposure.domain.EntityKind;
import dev.capflow.exposure.domain.GraphEdge;
import dev.capflow.exposure.domain.GraphEntity;
import dev.capflow.exposure.domain.RecordTime;
import dev.capflow.exposure.engine.EdgeKind;
import dev.capflow.exposure.service.ValuedEntity;
import dev.capflow.exposure.valuation.EntityValue;
import dev.capflow.exposure.valuation.MarketQuote;
import dev.capflow.proto.exposure.v1.Edge;
import dev.capflow.proto.exposure.v1.Entity;
import dev.capflow.proto.exposure.v1.Quote;
import dev.capflow.proto.exposure.v1.ValuationMethod;
import dev.capflow.validation.InvalidRequestException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/** Converts entities and edges between capflow.exposure.v1 messages and domain types. */
final class ProtoMapper {

    private ProtoMapper() {}

    static EntityDraft toDraft(Entity entity) {
        return new EntityDraft(
                entity.getId(),
                entity.getName(),
                kind(entity.getKind()),
                entity.getTicker(),
                entity.getListingsList(),
                entity.hasValuationUsd() ? OptionalDouble.of(entity.getValuationUsd()) : OptionalDouble.empty(),
                entity.getValuationAsOf(),
                entity.getValuationSource(),
                entity.hasRevenueUsd() ? OptionalDouble.of(entity.getRevenueUsd()) : OptionalDouble.empty(),
                entity.getRevenueAsOf(),
                entity.getRevenueSource(),
                entity.hasCashUsd() ? OptionalDouble.of(entity.getCashUsd()) : OptionalDouble.empty(),
                entity.getCashAsOf(),
                entity.getCashSource(),
                entity.getVersion(),
                entity.getValidFrom());
    }

    static Entity toProto(ValuedEntity valued) {
        Entity.Builder proto =
                toProto(valued.entity()).toBuilder().setValueUnavailableReason(valued.unavailableReason());
        if (valued.value() != null) {
            proto.setValue(toProto(valued.value()));
        }
        return proto.build();
    }

    /** A stored entity version, without a value (history answers). */
    static Entity toProto(GraphEntity entity) {
        Entity.Builder proto = Entity.newBuilder()
                .setId(entity.id())
                .setName(entity.name())
                .setKind(dev.capflow.proto.exposure.v1.EntityKind.valueOf(
                        "ENTITY_KIND_" + entity.kind().name()))
                .setTicker(entity.ticker())
                .addAllListings(entity.listings())
                .setValuationAsOf(text(entity.valuationAsOf()))
                .setValuationSource(entity.valuationSource())
                .setRevenueAsOf(text(entity.revenueAsOf()))
                .setRevenueSource(entity.revenueSource())
                .setCashAsOf(text(entity.cashAsOf()))
                .setCashSource(entity.cashSource())
                .setVersion(entity.version())
                .setValidFrom(text(entity.validFrom()))
                .setValidTo(text(entity.validTo()));
        entity.valuationUsd().ifPresent(proto::setValuationUsd);
        entity.revenueUsd().ifPresent(proto::setRevenueUsd);
        entity.cashUsd().ifPresent(proto::setCashUsd);
        setRecordTime(entity.recorded(), proto::setRecordedAt, proto::setSupersededAt);
        return proto.build();
    }

    private static void setRecordTime(
            RecordTime recorded, Consumer<Timestamp> recordedAt, Consumer<Timestamp> supersededAt) {
        if (recorded != null) {
            recordedAt.accept(timestamp(recorded.recordedAt()));
            if (recorded.supersededAt() != null) {
                supersededAt.accept(timestamp(recorded.supersededAt()));
            }
        }
    }

    static dev.capflow.proto.exposure.v1.EntityValue toProto(EntityValue value) {
        dev.capflow.proto.exposure.v1.EntityValue.Builder proto = dev.capflow.proto.exposure.v1.EntityValue.newBuilder()
                .setValueUsd(value.valueUsd())
                .setSharesOutstanding(value.sharesOutstanding())
                .setAsOf(text(value.asOf()))
                .setSource(value.source());
        switch (value.method()) {
            case MARKET_CAP -> proto.setMethod(ValuationMethod.VALUATION_METHOD_MARKET_CAP);
            case MARK -> proto.setMethod(ValuationMethod.VALUATION_METHOD_MARK);
        }
        if (value.price() != null) {
            proto.setPrice(toProto(value.price()));
        }
        if (value.fx() != null) {
            proto.setFx(toProto(value.fx()));
        }
        return proto.build();
    }

    static EdgeDraft toDraft(Edge edge) {
        return new EdgeDraft(
                edge.getId(),
                edge.getFrom(),
                edge.getTo(),
                kind(edge.getKind()),
                edge.hasAmountUsd() ? OptionalDouble.of(edge.getAmountUsd()) : OptionalDouble.empty(),
                edge.hasShare() ? OptionalDouble.of(edge.getShare()) : OptionalDouble.empty(),
                edge.getAsOf(),
                edge.getSource(),
                confidence(edge.getConfidence()),
                edge.getEstimated(),
                edge.getNote(),
                edge.getSourceRow(),
                edge.getVersion(),
                edge.hasAmountLowUsd() ? OptionalDouble.of(edge.getAmountLowUsd()) : OptionalDouble.empty(),
                edge.hasAmountHighUsd() ? OptionalDouble.of(edge.getAmountHighUsd()) : OptionalDouble.empty(),
                edge.hasCapacityGw() ? OptionalDouble.of(edge.getCapacityGw()) : OptionalDouble.empty(),
                capacityKind(edge.getCapacityKind()));
    }

    static Edge toProto(GraphEdge edge) {
        Edge.Builder proto = Edge.newBuilder()
                .setId(edge.id())
                .setFrom(edge.from())
                .setTo(edge.to())
                .setKind(dev.capflow.proto.exposure.v1.EdgeKind.valueOf(
                        "EDGE_KIND_" + edge.kind().name()))
                .setAsOf(edge.asOf().toString())
                .setSource(edge.source())
                .setEstimated(edge.estimated())
                .setNote(edge.note())
                .setSourceRow(edge.sourceRow())
                .setVersion(edge.version())
                .setValidTo(text(edge.validTo()));
        edge.amountUsd().ifPresent(proto::setAmountUsd);
        edge.amountLowUsd().ifPresent(proto::setAmountLowUsd);
        edge.amountHighUsd().ifPresent(proto::setAmountHighUsd);
        if (edge.capacity() != null) {
            proto.setCapacityGw(edge.capacity().gw())
                    .setCapacityKind(dev.capflow.proto.exposure.v1.CapacityKind.valueOf(
                            "CAPACITY_KIND_" + edge.capacity().kind().name()));
        }
        setRecordTime(edge.recorded(), proto::setRecordedAt, proto::setSupersededAt);
        edge.share().ifPresent(proto::setShare);
        if (edge.confidence() != null) {
            proto.setConfidence(dev.capflow.proto.exposure.v1.Confidence.valueOf(
                    "CONFIDENCE_" + edge.confidence().name()));
        }
        return proto.build();
    }

    private static Quote toProto(MarketQuote quote) {
        return Quote.newBuilder()
                .setSymbol(quote.symbol())
                .setPrice(quote.price())
                .setCurrency(quote.currency())
                .setTs(timestamp(quote.ts()))
                .build();
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder()
                .setSeconds(instant.getEpochSecond())
                .setNanos(instant.getNano())
                .build();
    }

    /** The domain kind, or null for UNSPECIFIED or a number this server does not know. */
    private static EntityKind kind(dev.capflow.proto.exposure.v1.EntityKind kind) {
        return switch (kind) {
            case ENTITY_KIND_LISTED -> EntityKind.LISTED;
            case ENTITY_KIND_PRIVATE -> EntityKind.PRIVATE;
            case ENTITY_KIND_JV -> EntityKind.JV;
            case ENTITY_KIND_FUND -> EntityKind.FUND;
            default -> null;
        };
    }

    private static EdgeKind kind(dev.capflow.proto.exposure.v1.EdgeKind kind) {
        return switch (kind) {
            case EDGE_KIND_EQUITY -> EdgeKind.EQUITY;
            case EDGE_KIND_INVESTMENT -> EdgeKind.INVESTMENT;
            case EDGE_KIND_PURCHASE -> EdgeKind.PURCHASE;
            case EDGE_KIND_GUARANTEE -> EdgeKind.GUARANTEE;
            default -> null;
        };
    }

    private static CapacityKind capacityKind(dev.capflow.proto.exposure.v1.CapacityKind kind) {
        return switch (kind) {
            case CAPACITY_KIND_ACCELERATORS -> CapacityKind.ACCELERATORS;
            case CAPACITY_KIND_CUSTOM_CHIPS -> CapacityKind.CUSTOM_CHIPS;
            case CAPACITY_KIND_CLOUD_CAPACITY -> CapacityKind.CLOUD_CAPACITY;
            case CAPACITY_KIND_UNSPECIFIED -> null;
            default ->
                throw new InvalidRequestException(
                        "edge.capacity_kind",
                        "one of CAPACITY_KIND_ACCELERATORS, CAPACITY_KIND_CUSTOM_CHIPS, CAPACITY_KIND_CLOUD_CAPACITY; got "
                                + kind);
        };
    }

    private static Confidence confidence(dev.capflow.proto.exposure.v1.Confidence confidence) {
        return switch (confidence) {
            case CONFIDENCE_LOW -> Confidence.LOW;
            case CONFIDENCE_MEDIUM -> Confidence.MEDIUM;
            case CONFIDENCE_HIGH -> Confidence.HIGH;
            case CONFIDENCE_UNSPECIFIED -> null;
            default ->
                throw new InvalidRequestException(
                        "edge.confidence",
                        "one of CONFIDENCE_LOW, CONFIDENCE_MEDIUM, CONFIDENCE_HIGH, or unspecified; got " + confidence);
        };
    }

    static String text(LocalDate date) {
        return date == null ? "" : date.toString();
    }
}

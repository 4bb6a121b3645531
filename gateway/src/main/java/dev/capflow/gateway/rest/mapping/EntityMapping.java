package dev.capflow.gateway.rest.mapping;

import com.google.protobuf.Timestamp;
import dev.capflow.gateway.request.EnumCodec;
import dev.capflow.gateway.request.Fields;
import dev.capflow.gateway.rest.dto.EntityInput;
import dev.capflow.gateway.rest.dto.EntityView;
import dev.capflow.proto.exposure.v1.Entity;
import dev.capflow.proto.exposure.v1.EntityKind;
import dev.capflow.proto.exposure.v1.EntityValue;
import dev.capflow.proto.exposure.v1.GetEntityRequest;
import dev.capflow.proto.exposure.v1.ListEntitiesRequest;
import dev.capflow.proto.exposure.v1.Quote;
import dev.capflow.proto.exposure.v1.ValuationMethod;
import java.time.Instant;
import java.util.List;

/**
 * Maps funding-graph entities between their REST shape and the exposure contract. Only the shape is checked here
 * (required fields, names, numbers, dates); exposure-service checks the rules and names what breaks them.
 */
public final class EntityMapping {

    static final EnumCodec<EntityKind> KINDS = new EnumCodec<>(EntityKind.class, "ENTITY_KIND_");
    private static final EnumCodec<ValuationMethod> METHODS =
            new EnumCodec<>(ValuationMethod.class, "VALUATION_METHOD_");

    private EntityMapping() {}

    /** The entity {@code pathId} as the body defines it; with a version it replaces, without it is new. */
    public static Entity toEntity(String pathId, EntityInput input) {
        Fields fields = new Fields();
        Entity.Builder entity =
                Entity.newBuilder().setId(fields.text("id", pathId)).setName(fields.text("name", input.name()));
        EntityKind kind = fields.oneOf("kind", input.kind(), KINDS);
        if (kind != null) {
            entity.setKind(kind);
        }
        if (input.ticker() != null) {
            entity.setTicker(fields.text("ticker", input.ticker()));
        }
        List<String> listings = input.listings() == null ? List.of() : input.listings();
        for (int i = 0; i < listings.size(); i++) {
            entity.addListings(fields.text("listings[" + i + "]", listings.get(i)));
        }
        if (input.valuationUsd() != null) {
            entity.setValuationUsd(fields.number("valuationUsd", input.valuationUsd()));
        }
        if (input.valuationAsOf() != null && fields.optionalDate("valuationAsOf", input.valuationAsOf()) != null) {
            entity.setValuationAsOf(input.valuationAsOf().strip());
        }
        entity.setValuationSource(orEmpty(input.valuationSource()));
        if (input.revenueUsd() != null) {
            entity.setRevenueUsd(fields.number("revenueUsd", input.revenueUsd()));
        }
        if (input.revenueAsOf() != null && fields.optionalDate("revenueAsOf", input.revenueAsOf()) != null) {
            entity.setRevenueAsOf(input.revenueAsOf().strip());
        }
        entity.setRevenueSource(orEmpty(input.revenueSource()));
        if (input.cashUsd() != null) {
            entity.setCashUsd(fields.number("cashUsd", input.cashUsd()));
        }
        if (input.cashAsOf() != null && fields.optionalDate("cashAsOf", input.cashAsOf()) != null) {
            entity.setCashAsOf(input.cashAsOf().strip());
        }
        entity.setCashSource(orEmpty(input.cashSource()));
        if (input.validFrom() != null && fields.optionalDate("validFrom", input.validFrom()) != null) {
            entity.setValidFrom(input.validFrom().strip());
        }
        if (input.version() != null) {
            fields.check(input.version() >= 0, "version", "must not be negative");
            entity.setVersion(input.version());
        }
        fields.throwIfInvalid();
        return entity.build();
    }

    /** The entities holding on {@code asOf} as known at {@code knownAt}. */
    public static ListEntitiesRequest listRequest(String asOf, String knownAt) {
        Fields fields = new Fields();
        ListEntitiesRequest.Builder request = ListEntitiesRequest.newBuilder();
        ViewParams.snapshot(fields, asOf, knownAt, request::setAsOf, request::setKnownAt);
        fields.throwIfInvalid();
        return request.build();
    }

    public static GetEntityRequest getRequest(String id, String asOf, String knownAt) {
        Fields fields = new Fields();
        GetEntityRequest.Builder request = GetEntityRequest.newBuilder().setEntityId(fields.text("id", id));
        ViewParams.snapshot(fields, asOf, knownAt, request::setAsOf, request::setKnownAt);
        fields.throwIfInvalid();
        return request.build();
    }

    public static EntityView toView(Entity entity) {
        return new EntityView(
                entity.getId(),
                entity.getName(),
                KINDS.name(entity.getKind()),
                emptyToNull(entity.getTicker()),
                entity.getListingsList(),
                entity.hasValuationUsd() ? entity.getValuationUsd() : null,
                emptyToNull(entity.getValuationAsOf()),
                emptyToNull(entity.getValuationSource()),
                entity.hasRevenueUsd() ? entity.getRevenueUsd() : null,
                emptyToNull(entity.getRevenueAsOf()),
                emptyToNull(entity.getRevenueSource()),
                entity.hasCashUsd() ? entity.getCashUsd() : null,
                emptyToNull(entity.getCashAsOf()),
                emptyToNull(entity.getCashSource()),
                entity.getVersion(),
                entity.hasValue() ? toView(entity.getValue()) : null,
                emptyToNull(entity.getValueUnavailableReason()),
                emptyToNull(entity.getValidFrom()),
                emptyToNull(entity.getValidTo()),
                ViewParams.text(entity.hasRecordedAt(), entity.getRecordedAt()),
                ViewParams.text(entity.hasSupersededAt(), entity.getSupersededAt()));
    }

    static EntityView.Value toView(EntityValue value) {
        boolean marketCap = value.getMethod() == ValuationMethod.VALUATION_METHOD_MARKET_CAP;
        return new EntityView.Value(
                value.getValueUsd(),
                METHODS.name(value.getMethod()),
                value.hasPrice() ? toView(value.getPrice()) : null,
                marketCap ? value.getSharesOutstanding() : null,
                value.hasFx() ? toView(value.getFx()) : null,
                emptyToNull(value.getAsOf()),
                emptyToNull(value.getSource()));
    }

    private static EntityView.Quote toView(Quote quote) {
        Timestamp ts = quote.getTs();
        return new EntityView.Quote(
                quote.getSymbol(),
                quote.getPrice(),
                quote.getCurrency(),
                Instant.ofEpochSecond(ts.getSeconds(), ts.getNanos()).toString());
    }

    static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    static String orEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}

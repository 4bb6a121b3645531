package dev.capflow.gateway.rest.mapping;

import dev.capflow.gateway.request.EnumCodec;
import dev.capflow.gateway.request.Fields;
import dev.capflow.gateway.rest.dto.CorporateActionInput;
import dev.capflow.gateway.rest.dto.CorporateActionView;
import dev.capflow.proto.ingest.v1.CorporateAction;
import dev.capflow.proto.ingest.v1.CorporateActionKind;
import dev.capflow.proto.ingest.v1.DeleteCorporateActionRequest;
import java.time.LocalDate;

/** Maps splits and dividends between their REST shape and the ingest contract. */
public final class CorporateActionMapping {

    private static final EnumCodec<CorporateActionKind> KINDS =
            new EnumCodec<>(CorporateActionKind.class, "CORPORATE_ACTION_KIND_");

    private CorporateActionMapping() {}

    /** A split needs its ratio and no amount; a dividend needs its amount and no ratio. */
    public static CorporateAction toProto(CorporateActionInput input) {
        Fields fields = new Fields();
        String symbol = fields.text("symbol", input.symbol());
        LocalDate exDate = fields.date("exDate", input.exDate());
        CorporateActionKind kind = fields.oneOf("kind", input.kind(), KINDS);
        CorporateAction.Builder action = CorporateAction.newBuilder();
        if (kind == CorporateActionKind.CORPORATE_ACTION_KIND_SPLIT) {
            action.setRatio(fields.number("ratio", input.ratio()));
            fields.check(input.amount() == null, "amount", "must be absent for a SPLIT");
        } else if (kind == CorporateActionKind.CORPORATE_ACTION_KIND_DIVIDEND) {
            action.setAmount(fields.number("amount", input.amount()));
            fields.check(input.ratio() == null, "ratio", "must be absent for a DIVIDEND");
        }
        fields.throwIfInvalid();
        return action.setSymbol(symbol)
                .setExDate(exDate.toString())
                .setKind(kind)
                .build();
    }

    /** The key of a recorded action, from the path of {@code DELETE /corporate-actions/{symbol}/{exDate}/{kind}}. */
    public static DeleteCorporateActionRequest deleteRequest(String symbol, String exDate, String kind) {
        Fields fields = new Fields();
        String checkedSymbol = fields.text("symbol", symbol);
        LocalDate date = fields.date("exDate", exDate);
        CorporateActionKind checkedKind = fields.oneOf("kind", kind, KINDS);
        fields.throwIfInvalid();
        return DeleteCorporateActionRequest.newBuilder()
                .setSymbol(checkedSymbol)
                .setExDate(date.toString())
                .setKind(checkedKind)
                .build();
    }

    public static CorporateActionView toView(CorporateAction action) {
        CorporateActionKind kind = action.getKind();
        return new CorporateActionView(
                action.getSymbol(),
                action.getExDate(),
                KINDS.name(kind),
                kind == CorporateActionKind.CORPORATE_ACTION_KIND_SPLIT ? action.getRatio() : null,
                kind == CorporateActionKind.CORPORATE_ACTION_KIND_DIVIDEND ? action.getAmount() : null);
    }
}

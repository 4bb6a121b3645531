package dev.capflow.gateway.rest.mapping;

import dev.capflow.gateway.request.EnumCodec;
import dev.capflow.gateway.request.Fields;
import dev.capflow.gateway.rest.dto.InstrumentInput;
import dev.capflow.gateway.rest.dto.InstrumentView;
import dev.capflow.proto.ingest.v1.Instrument;
import dev.capflow.proto.ingest.v1.InstrumentKind;
import dev.capflow.proto.ingest.v1.ListInstrumentsRequest;

/** Maps the instrument registry between its REST shape and the ingest contract. */
public final class InstrumentMapping {

    static final EnumCodec<InstrumentKind> KINDS = new EnumCodec<>(InstrumentKind.class, "INSTRUMENT_KIND_");

    private InstrumentMapping() {}

    /** The list request for an optional {@code kind} query value. */
    public static ListInstrumentsRequest listRequest(String kind) {
        ListInstrumentsRequest.Builder request = ListInstrumentsRequest.newBuilder();
        if (kind != null && !kind.isBlank()) {
            Fields fields = new Fields();
            InstrumentKind parsed = fields.oneOf("kind", kind, KINDS);
            fields.throwIfInvalid();
            request.setKind(parsed);
        }
        return request.build();
    }

    /** The instrument to upsert, its symbol taken from the path. */
    public static Instrument toProto(String pathSymbol, InstrumentInput input) {
        Fields fields = new Fields();
        String symbol = fields.symbol("symbol", pathSymbol);
        fields.check(
                input.symbol() == null || input.symbol().strip().equalsIgnoreCase(symbol),
                "symbol",
                "must equal the symbol of the path (" + symbol + ")");
        String name = fields.text("name", input.name());
        String currency = fields.text("currency", input.currency());
        String exchange = fields.text("exchange", input.exchange());
        InstrumentKind kind = fields.oneOf("kind", input.kind(), KINDS);
        fields.throwIfInvalid();
        Instrument.Builder instrument = Instrument.newBuilder()
                .setSymbol(symbol)
                .setName(name)
                .setCurrency(currency)
                .setExchange(exchange)
                .setKind(kind);
        if (input.sharesOutstanding() != null) {
            instrument.setSharesOutstanding(input.sharesOutstanding());
        }
        return instrument.build();
    }

    public static InstrumentView toView(Instrument instrument) {
        return new InstrumentView(
                instrument.getSymbol(),
                instrument.getName(),
                instrument.getCurrency(),
                instrument.getExchange(),
                KINDS.name(instrument.getKind()),
                instrument.hasSharesOutstanding() ? instrument.getSharesOutstanding() : null,
                instrument.getVersion());
    }
}

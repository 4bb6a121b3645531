package dev.capflow.ingest.grpc;

import com.google.protobuf.Timestamp;
import dev.capflow.ingest.csv.CsvLayout;
import dev.capflow.ingest.domain.Adjustment;
import dev.capflow.ingest.domain.BarInput;
import dev.capflow.ingest.domain.BarRevision;
import dev.capflow.ingest.domain.BarWriteMode;
import dev.capflow.ingest.domain.CorporateAction;
import dev.capflow.ingest.domain.CorporateActionKind;
import dev.capflow.ingest.domain.DailyBar;
import dev.capflow.ingest.domain.IngestResult;
import dev.capflow.ingest.domain.Instrument;
import dev.capflow.ingest.domain.InstrumentKind;
import dev.capflow.ingest.domain.LatestPrice;
import dev.capflow.ingest.domain.MarketDates;
import dev.capflow.ingest.domain.MinuteBar;
import dev.capflow.ingest.domain.PriceSource;
import dev.capflow.ingest.domain.Rejection;
import dev.capflow.ingest.domain.Tick;
import dev.capflow.ingest.service.CsvImportService;
import dev.capflow.ingest.stream.StreamEvent;
import dev.capflow.proto.common.v1.IngestReport;
import dev.capflow.proto.ingest.v1.SubscribePricesResponse;
import dev.capflow.proto.ingest.v1.TickGap;
import dev.capflow.proto.ingest.v1.TicksMayBeLost;
import dev.capflow.validation.InvalidRequestException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Converts between the protobuf contract and the domain; unknown enum numbers are named as bad fields. */
final class ProtoMapper {

    private ProtoMapper() {}

    static Instrument instrument(dev.capflow.proto.ingest.v1.Instrument proto) {
        InstrumentKind kind = switch (proto.getKind()) {
            case INSTRUMENT_KIND_EQUITY -> InstrumentKind.EQUITY;
            case INSTRUMENT_KIND_FX -> InstrumentKind.FX;
            case INSTRUMENT_KIND_INDEX -> InstrumentKind.INDEX;
            case INSTRUMENT_KIND_UNSPECIFIED, UNRECOGNIZED -> null;
        };
        return new Instrument(
                proto.getSymbol(),
                proto.getName(),
                proto.getCurrency(),
                proto.getExchange(),
                kind,
                proto.hasSharesOutstanding() ? proto.getSharesOutstanding() : null,
                proto.getVersion());
    }

    /** The version to check, or null for none: expected_version when present, else a non-zero instrument.version. */
    static Long expectedVersion(dev.capflow.proto.ingest.v1.UpsertInstrumentRequest request) {
        if (request.hasExpectedVersion()) {
            return request.getExpectedVersion();
        }
        long legacy = request.getInstrument().getVersion();
        return legacy == 0 ? null : legacy;
    }

    static dev.capflow.proto.ingest.v1.Instrument toProto(Instrument instrument) {
        dev.capflow.proto.ingest.v1.Instrument.Builder builder = dev.capflow.proto.ingest.v1.Instrument.newBuilder()
                .setSymbol(instrument.symbol())
                .setName(instrument.name())
                .setCurrency(instrument.currency())
                .setExchange(instrument.exchange())
                .setKind(toProto(instrument.kind()))
                .setVersion(instrument.version());
        if (instrument.sharesOutstanding() != null) {
            builder.setSharesOutstanding(instrument.sharesOutstanding());
        }
        return builder.build();
    }

    static dev.capflow.proto.ingest.v1.InstrumentKind toProto(InstrumentKind kind) {
        return switch (kind) {
            case EQUITY -> dev.capflow.proto.ingest.v1.InstrumentKind.INSTRUMENT_KIND_EQUITY;
            case FX -> dev.capflow.proto.ingest.v1.InstrumentKind.INSTRUMENT_KIND_FX;
            case INDEX -> dev.capflow.proto.ingest.v1.InstrumentKind.INSTRUMENT_KIND_INDEX;
        };
    }

    /** A list filter: null for "any kind". */
    static InstrumentKind kindFilter(dev.capflow.proto.ingest.v1.InstrumentKind kind, String field) {
        return switch (kind) {
            case INSTRUMENT_KIND_UNSPECIFIED -> null;
            case INSTRUMENT_KIND_EQUITY -> InstrumentKind.EQUITY;
            case INSTRUMENT_KIND_FX -> InstrumentKind.FX;
            case INSTRUMENT_KIND_INDEX -> InstrumentKind.INDEX;
            case UNRECOGNIZED ->
                throw new InvalidRequestException(field, "unknown kind (enum number not in the contract)");
        };
    }

    static List<BarInput> barInputs(List<dev.capflow.proto.ingest.v1.DailyBar> bars) {
        return bars.stream()
                .map(bar -> new BarInput(
                        bar.getSymbol(),
                        bar.getDate(),
                        bar.getOpen(),
                        bar.getHigh(),
                        bar.getLow(),
                        bar.getClose(),
                        bar.getVolume()))
                .toList();
    }

    static dev.capflow.proto.ingest.v1.DailyBar toProto(DailyBar bar) {
        return dev.capflow.proto.ingest.v1.DailyBar.newBuilder()
                .setSymbol(bar.symbol())
                .setDate(bar.date().toString())
                .setOpen(bar.open())
                .setHigh(bar.high())
                .setLow(bar.low())
                .setClose(bar.close())
                .setVolume(bar.volume())
                .build();
    }

    static dev.capflow.proto.ingest.v1.Tick toProto(Tick tick) {
        return dev.capflow.proto.ingest.v1.Tick.newBuilder()
                .setSymbol(tick.symbol())
                .setTs(timestamp(tick.ts()))
                .setPrice(tick.price())
                .setSize(tick.size())
                .setSource(tick.source())
                .setTradeId(tick.tradeId())
                .build();
    }

    static dev.capflow.proto.ingest.v1.MinuteBar toProto(MinuteBar bar) {
        return dev.capflow.proto.ingest.v1.MinuteBar.newBuilder()
                .setSymbol(bar.symbol())
                .setMinute(timestamp(bar.minute()))
                .setOpen(bar.open())
                .setHigh(bar.high())
                .setLow(bar.low())
                .setClose(bar.close())
                .setVolume(bar.volume())
                .setTickCount(bar.tickCount())
                .build();
    }

    static SubscribePricesResponse toProto(StreamEvent event) {
        SubscribePricesResponse.Builder message =
                SubscribePricesResponse.newBuilder().setSequence(event.sequence());
        if (event instanceof StreamEvent.TicksMayBeLost lost) {
            return message.setLost(TicksMayBeLost.newBuilder().setReason(lost.reason()))
                    .build();
        }
        if (event instanceof StreamEvent.Gap gap) {
            return message.setGap(TickGap.newBuilder()
                            .setDropped(gap.dropped())
                            .setFrom(timestamp(gap.from()))
                            .setTo(timestamp(gap.to())))
                    .build();
        }
        return message.setTick(toProto(((StreamEvent.LiveTick) event).tick())).build();
    }

    static dev.capflow.proto.ingest.v1.LatestPrice toProto(LatestPrice price) {
        return dev.capflow.proto.ingest.v1.LatestPrice.newBuilder()
                .setSymbol(price.symbol())
                .setPrice(price.price())
                .setTs(timestamp(price.ts()))
                .setSource(
                        price.source() == PriceSource.TICK
                                ? dev.capflow.proto.ingest.v1.PriceSource.PRICE_SOURCE_TICK
                                : dev.capflow.proto.ingest.v1.PriceSource.PRICE_SOURCE_DAILY_CLOSE)
                .build();
    }

    static IngestReport toProto(IngestResult result) {
        IngestReport.Builder report = IngestReport.newBuilder()
                .setAccepted(result.accepted())
                .setDuplicates(result.duplicates())
                .setSkipped(result.skipped())
                .setReplaced(result.replaced());
        result.rejected().forEach(rejection -> report.addRejected(toProto(rejection)));
        return report.build();
    }

    /** The report of a chunk of bars of many symbols: each rejection also names the symbol sent at its index. */
    static IngestReport toProto(IngestResult result, List<dev.capflow.proto.ingest.v1.DailyBar> sent) {
        IngestReport.Builder report = toProto(result).toBuilder();
        for (dev.capflow.proto.common.v1.Rejection.Builder rejection : report.getRejectedBuilderList()) {
            rejection.setSymbol(sent.get(rejection.getIndex()).getSymbol());
        }
        return report.build();
    }

    static dev.capflow.proto.common.v1.Rejection toProto(Rejection rejection) {
        return dev.capflow.proto.common.v1.Rejection.newBuilder()
                .setIndex(rejection.index())
                .setRow(rejection.row())
                .setField(rejection.field())
                .setReason(rejection.reason())
                .build();
    }

    static dev.capflow.proto.ingest.v1.ImportCsvResponse toProto(CsvImportService.Progress progress) {
        return dev.capflow.proto.ingest.v1.ImportCsvResponse.newBuilder()
                .setRowsProcessed(progress.rowsProcessed())
                .setRowsTotal(progress.rowsTotal())
                .setReport(toProto(progress.report()))
                .addAllNewRejections(progress.newRejections().stream()
                        .map(ProtoMapper::toProto)
                        .toList())
                .setRejectedCount(progress.rejectedTotal())
                .setRejectionsOmitted(progress.rejectionsOmitted())
                .setDone(progress.done())
                .setLayout(toProto(progress.layout()))
                .build();
    }

    static BarWriteMode writeMode(dev.capflow.proto.ingest.v1.BarWriteMode mode) {
        return switch (mode) {
            case BAR_WRITE_MODE_UNSPECIFIED, BAR_WRITE_MODE_INSERT -> BarWriteMode.INSERT;
            case BAR_WRITE_MODE_REPLACE -> BarWriteMode.REPLACE;
            case UNRECOGNIZED ->
                throw new InvalidRequestException("mode", "unknown mode (enum number not in the contract)");
        };
    }

    static dev.capflow.proto.ingest.v1.BarRevision toProto(BarRevision revision) {
        return dev.capflow.proto.ingest.v1.BarRevision.newBuilder()
                .setBar(toProto(revision.bar()))
                .setStoredAt(timestamp(revision.storedAt()))
                .setReplacedAt(timestamp(revision.replacedAt()))
                .build();
    }

    /** The CSV layout asked for, or null to detect it. */
    static CsvLayout layout(dev.capflow.proto.ingest.v1.CsvLayout layout) {
        return switch (layout) {
            case CSV_LAYOUT_UNSPECIFIED -> null;
            case CSV_LAYOUT_YAHOO -> CsvLayout.YAHOO;
            case CSV_LAYOUT_STOOQ -> CsvLayout.STOOQ;
            case UNRECOGNIZED ->
                throw new InvalidRequestException("layout", "unknown layout (enum number not in the contract)");
        };
    }

    static dev.capflow.proto.ingest.v1.CsvLayout toProto(CsvLayout layout) {
        return layout == CsvLayout.YAHOO
                ? dev.capflow.proto.ingest.v1.CsvLayout.CSV_LAYOUT_YAHOO
                : dev.capflow.proto.ingest.v1.CsvLayout.CSV_LAYOUT_STOOQ;
    }

    static Adjustment adjustment(dev.capflow.proto.ingest.v1.Adjustment adjustment) {
        return switch (adjustment) {
            case ADJUSTMENT_UNSPECIFIED, ADJUSTMENT_NONE -> Adjustment.NONE;
            case ADJUSTMENT_SPLIT -> Adjustment.SPLIT;
            case ADJUSTMENT_TOTAL_RETURN -> Adjustment.TOTAL_RETURN;
            case UNRECOGNIZED ->
                throw new InvalidRequestException("adjustment", "unknown adjustment (enum number not in the contract)");
        };
    }

    /** The adjustment echoed in answers: UNSPECIFIED is answered as NONE. */
    static dev.capflow.proto.ingest.v1.Adjustment toProto(Adjustment adjustment) {
        return switch (adjustment) {
            case NONE -> dev.capflow.proto.ingest.v1.Adjustment.ADJUSTMENT_NONE;
            case SPLIT -> dev.capflow.proto.ingest.v1.Adjustment.ADJUSTMENT_SPLIT;
            case TOTAL_RETURN -> dev.capflow.proto.ingest.v1.Adjustment.ADJUSTMENT_TOTAL_RETURN;
        };
    }

    /** The action kind, or null when unspecified or unknown (the validator names it). */
    static CorporateActionKind actionKind(dev.capflow.proto.ingest.v1.CorporateActionKind kind) {
        return switch (kind) {
            case CORPORATE_ACTION_KIND_SPLIT -> CorporateActionKind.SPLIT;
            case CORPORATE_ACTION_KIND_DIVIDEND -> CorporateActionKind.DIVIDEND;
            case CORPORATE_ACTION_KIND_UNSPECIFIED, UNRECOGNIZED -> null;
        };
    }

    static dev.capflow.proto.ingest.v1.CorporateAction toProto(CorporateAction action) {
        dev.capflow.proto.ingest.v1.CorporateAction.Builder builder =
                dev.capflow.proto.ingest.v1.CorporateAction.newBuilder()
                        .setSymbol(action.symbol())
                        .setExDate(action.exDate().toString());
        if (action.kind() == CorporateActionKind.SPLIT) {
            builder.setKind(dev.capflow.proto.ingest.v1.CorporateActionKind.CORPORATE_ACTION_KIND_SPLIT)
                    .setRatio(action.value());
        } else {
            builder.setKind(dev.capflow.proto.ingest.v1.CorporateActionKind.CORPORATE_ACTION_KIND_DIVIDEND)
                    .setAmount(action.value());
        }
        return builder.build();
    }

    /** An optional inclusive date bound within {@link MarketDates}' range: empty means unbounded (null). */
    static LocalDate optionalDate(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        MarketDates.Parsed parsed = MarketDates.parse(text);
        if (parsed.problem() != null) {
            throw new InvalidRequestException(field, parsed.problem());
        }
        return parsed.date();
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder()
                .setSeconds(instant.getEpochSecond())
                .setNanos(instant.getNano())
                .build();
    }
}

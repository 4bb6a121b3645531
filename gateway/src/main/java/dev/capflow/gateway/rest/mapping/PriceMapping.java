package dev.capflow.gateway.rest.mapping;

import com.google.protobuf.Timestamp;
import dev.capflow.gateway.request.BarAdjustment;
import dev.capflow.gateway.request.EnumCodec;
import dev.capflow.gateway.request.Fields;
import dev.capflow.gateway.rest.dto.BarRevisionView;
import dev.capflow.gateway.rest.dto.BarSeriesView;
import dev.capflow.gateway.rest.dto.BarView;
import dev.capflow.gateway.rest.dto.DailyBarInput;
import dev.capflow.gateway.rest.dto.LatestPriceView;
import dev.capflow.gateway.rest.dto.MinuteBarPageView;
import dev.capflow.gateway.rest.dto.MinuteBarView;
import dev.capflow.gateway.rest.dto.TickInput;
import dev.capflow.gateway.rest.dto.TickPageView;
import dev.capflow.gateway.rest.dto.TickView;
import dev.capflow.proto.ingest.v1.Adjustment;
import dev.capflow.proto.ingest.v1.BarRevision;
import dev.capflow.proto.ingest.v1.BarWriteMode;
import dev.capflow.proto.ingest.v1.DailyBar;
import dev.capflow.proto.ingest.v1.GetBarsRequest;
import dev.capflow.proto.ingest.v1.GetBarsResponse;
import dev.capflow.proto.ingest.v1.GetMinuteBarsRequest;
import dev.capflow.proto.ingest.v1.GetMinuteBarsResponse;
import dev.capflow.proto.ingest.v1.GetTicksRequest;
import dev.capflow.proto.ingest.v1.GetTicksResponse;
import dev.capflow.proto.ingest.v1.LatestPrice;
import dev.capflow.proto.ingest.v1.PriceSource;
import dev.capflow.proto.ingest.v1.Tick;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Maps daily bars, ticks and latest prices between their REST shape and the ingest contract. */
public final class PriceMapping {

    private static final EnumCodec<Adjustment> ADJUSTMENTS = new EnumCodec<>(Adjustment.class, "ADJUSTMENT_");
    /** The largest page of GetTicks and GetMinuteBars (see ingest.proto). */
    private static final int MAX_HISTORY_PAGE_SIZE = 10_000;

    private static final EnumCodec<PriceSource> SOURCES = new EnumCodec<>(PriceSource.class, "PRICE_SOURCE_");

    private PriceMapping() {}

    /** One posted bar; prices must be finite numbers, the volume defaults to 0 in an insert and is required in a correction. */
    public static DailyBar toProto(DailyBarInput input, BarWriteMode mode) {
        Fields fields = new Fields();
        // a correction replaces the whole stored bar: an absent volume would overwrite the stored one with 0
        fields.check(
                mode != BarWriteMode.BAR_WRITE_MODE_REPLACE || input.volume() != null,
                "volume",
                "is required in a correction (mode=replace), which replaces the whole stored bar");
        String symbol = fields.text("symbol", input.symbol());
        LocalDate date = fields.date("date", input.date());
        double open = fields.number("open", input.open());
        double high = fields.number("high", input.high());
        double low = fields.number("low", input.low());
        double close = fields.number("close", input.close());
        fields.throwIfInvalid();
        return DailyBar.newBuilder()
                .setSymbol(symbol)
                .setDate(date.toString())
                .setOpen(open)
                .setHigh(high)
                .setLow(low)
                .setClose(close)
                .setVolume(input.volume() == null ? 0 : input.volume())
                .build();
    }

    /** One posted tick; the size defaults to 0 (a quote), the source identity to none. */
    public static Tick toProto(TickInput input) {
        Fields fields = new Fields();
        String symbol = fields.text("symbol", input.symbol());
        Instant ts = fields.instant("ts", input.ts());
        double price = fields.number("price", input.price());
        fields.throwIfInvalid();
        return Tick.newBuilder()
                .setSymbol(symbol)
                .setTs(Timestamp.newBuilder().setSeconds(ts.getEpochSecond()).setNanos(ts.getNano()))
                .setPrice(price)
                .setSize(input.size() == null ? 0 : input.size())
                .setSource(input.source() == null ? "" : input.source())
                .setTradeId(input.tradeId() == null ? "" : input.tradeId())
                .build();
    }

    /** The GetTicks request for the query of {@code GET /prices/{symbol}/ticks}; ingest-service checks the token. */
    public static GetTicksRequest ticksRequest(
            String symbol, String from, String to, Integer pageSize, String pageToken) {
        HistoryQuery query = HistoryQuery.of(symbol, from, to, pageSize, pageToken);
        GetTicksRequest.Builder request = GetTicksRequest.newBuilder()
                .setSymbol(query.symbol())
                .setPageSize(query.pageSize())
                .setPageToken(query.pageToken());
        query.from().ifPresent(request::setFrom);
        query.to().ifPresent(request::setTo);
        return request.build();
    }

    /**
     * The GetMinuteBars request for the query of {@code GET /prices/{symbol}/minute-bars}; ingest-service checks the
     * token.
     */
    public static GetMinuteBarsRequest minuteBarsRequest(
            String symbol, String from, String to, Integer pageSize, String pageToken) {
        HistoryQuery query = HistoryQuery.of(symbol, from, to, pageSize, pageToken);
        GetMinuteBarsRequest.Builder request = GetMinuteBarsRequest.newBuilder()
                .setSymbol(query.symbol())
                .setPageSize(query.pageSize())
                .setPageToken(query.pageToken());
        query.from().ifPresent(request::setFrom);
        query.to().ifPresent(request::setTo);
        return request.build();
    }

    /** A checked paged history query (ticks, minute bars): instants inclusive and optional, page size 1 to 10000. */
    private record HistoryQuery(
            String symbol, Optional<Timestamp> from, Optional<Timestamp> to, int pageSize, String pageToken) {

        static HistoryQuery of(String symbol, String from, String to, Integer pageSize, String pageToken) {
            Fields fields = new Fields();
            String checkedSymbol = fields.text("symbol", symbol);
            Instant fromTs = from == null ? null : fields.instant("from", from);
            Instant toTs = to == null ? null : fields.instant("to", to);
            fields.check(fromTs == null || toTs == null || !fromTs.isAfter(toTs), "from", "must not be after to");
            fields.check(
                    pageSize == null || (pageSize >= 1 && pageSize <= MAX_HISTORY_PAGE_SIZE),
                    "pageSize",
                    "must be between 1 and " + MAX_HISTORY_PAGE_SIZE);
            fields.throwIfInvalid();
            return new HistoryQuery(
                    checkedSymbol,
                    Optional.ofNullable(fromTs).map(PriceMapping::timestamp),
                    Optional.ofNullable(toTs).map(PriceMapping::timestamp),
                    pageSize == null ? 0 : pageSize,
                    pageToken == null ? "" : pageToken);
        }
    }

    public static TickPageView toView(GetTicksResponse page) {
        return new TickPageView(
                page.getTicksList().stream()
                        .map(tick -> new TickView(
                                tick.getSymbol(),
                                instant(tick.getTs()),
                                tick.getPrice(),
                                tick.getSize(),
                                tick.getSource(),
                                tick.getTradeId()))
                        .toList(),
                page.getNextPageToken());
    }

    public static MinuteBarPageView toView(GetMinuteBarsResponse page) {
        return new MinuteBarPageView(
                page.getBarsList().stream()
                        .map(bar -> new MinuteBarView(
                                bar.getSymbol(),
                                instant(bar.getMinute()),
                                bar.getOpen(),
                                bar.getHigh(),
                                bar.getLow(),
                                bar.getClose(),
                                bar.getVolume(),
                                bar.getTickCount()))
                        .toList(),
                page.getNextPageToken());
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder()
                .setSeconds(instant.getEpochSecond())
                .setNanos(instant.getNano())
                .build();
    }

    /** The bars request for the query of {@code GET /prices/{symbol}/bars}. */
    public static GetBarsRequest barsRequest(String symbol, String from, String to, String adjusted) {
        Fields fields = new Fields();
        String checkedSymbol = fields.symbol("symbol", symbol);
        LocalDate fromDate = fields.optionalDate("from", from);
        LocalDate toDate = fields.optionalDate("to", to);
        fields.check(fromDate == null || toDate == null || !fromDate.isAfter(toDate), "from", "must not be after to");
        BarAdjustment adjustment = BarAdjustment.fromQuery(adjusted).orElse(null);
        fields.check(adjustment != null, "adjusted", "must be one of " + BarAdjustment.ACCEPTED);
        fields.throwIfInvalid();
        return GetBarsRequest.newBuilder()
                .setSymbol(checkedSymbol)
                .setFrom(fromDate == null ? "" : fromDate.toString())
                .setTo(toDate == null ? "" : toDate.toString())
                .setAdjustment(ADJUSTMENTS.parse(adjustment.name()).orElseThrow())
                .build();
    }

    public static BarSeriesView toView(GetBarsResponse response) {
        String adjustment = ADJUSTMENTS.name(response.getAdjustment());
        List<BarView> bars =
                response.getBarsList().stream().map(PriceMapping::toView).toList();
        return new BarSeriesView(
                response.getSymbol(), adjustment == null ? BarAdjustment.NONE.name() : adjustment, bars);
    }

    /** The write mode of {@code ?mode=}: {@code insert} (the default) or {@code replace} (a correction). */
    public static BarWriteMode writeMode(String mode) {
        Fields fields = new Fields();
        boolean known = mode == null || mode.equalsIgnoreCase("insert") || mode.equalsIgnoreCase("replace");
        fields.check(known, "mode", "must be insert or replace");
        fields.throwIfInvalid();
        return mode != null && mode.equalsIgnoreCase("replace")
                ? BarWriteMode.BAR_WRITE_MODE_REPLACE
                : BarWriteMode.BAR_WRITE_MODE_INSERT;
    }

    public static BarView toView(DailyBar bar) {
        return new BarView(bar.getDate(), bar.getOpen(), bar.getHigh(), bar.getLow(), bar.getClose(), bar.getVolume());
    }

    public static BarRevisionView toView(BarRevision revision) {
        return new BarRevisionView(
                toView(revision.getBar()), instant(revision.getStoredAt()), instant(revision.getReplacedAt()));
    }

    private static Instant instant(Timestamp ts) {
        return Instant.ofEpochSecond(ts.getSeconds(), ts.getNanos());
    }

    public static LatestPriceView toView(LatestPrice price) {
        Timestamp ts = price.getTs();
        return new LatestPriceView(
                price.getSymbol(),
                price.getPrice(),
                Instant.ofEpochSecond(ts.getSeconds(), ts.getNanos()),
                SOURCES.name(price.getSource()));
    }
}

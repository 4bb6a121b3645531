package dev.capflow.ingest.service;

import dev.capflow.ingest.config.IngestConfig;
import dev.capflow.ingest.csv.CsvFile;
import dev.capflow.ingest.csv.CsvLayout;
import dev.capflow.ingest.csv.CsvLine;
import dev.capflow.ingest.csv.CsvParser;
import dev.capflow.ingest.domain.BarInput;
import dev.capflow.ingest.domain.BarWriteMode;
import dev.capflow.ingest.domain.DailyBar;
import dev.capflow.ingest.domain.IngestResult;
import dev.capflow.ingest.domain.PriceValidator;
import dev.capflow.ingest.domain.Rejection;
import dev.capflow.ingest.domain.Symbols;
import dev.capflow.ingest.domain.Validated;
import dev.capflow.validation.InvalidRequestException;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Imports a daily CSV for one symbol: parsed off the event loop, then validated and committed in chunks, with one
 * progress message per committed chunk carrying running counts and only the rejections new since the previous one
 * (located by CSV line). At most {@code capflow.ingest.csv-max-rejections} rejections are detailed per import, the
 * rest only counted, so that neither the answer nor the memory grows with the number of bad rows.
 */
@ApplicationScoped
public class CsvImportService {

    /**
     * Progress after a committed chunk; the last one has {@code done}. {@code report} holds running counts, and its
     * rejections only on the last message: every detailed rejection of the import. {@code newRejections} are the
     * detailed rejections of this chunk; {@code rejectedTotal} counts every rejected row, {@code rejectionsOmitted}
     * those beyond the detail cap.
     */
    public record Progress(
            int rowsProcessed,
            int rowsTotal,
            IngestResult report,
            List<Rejection> newRejections,
            int rejectedTotal,
            int rejectionsOmitted,
            boolean done,
            CsvLayout layout) {

        public Progress {
            newRejections = List.copyOf(newRejections);
        }
    }

    private final InstrumentService instruments;
    private final BarIngestService bars;
    private final PriceValidator validator;
    private final IngestConfig config;

    public CsvImportService(
            InstrumentService instruments, BarIngestService bars, PriceValidator validator, IngestConfig config) {
        this.instruments = instruments;
        this.bars = bars;
        this.validator = validator;
        this.config = config;
    }

    /** Imports UTF-8 {@code content}; {@code layout} null means detect it. */
    public Multi<Progress> importBytes(String symbol, byte[] content, CsvLayout layout, BarWriteMode mode) {
        if (content.length == 0) {
            return Multi.createFrom().failure(new InvalidRequestException("content", "empty file"));
        }
        return importWith(symbol, () -> decodeUtf8(content), layout, mode);
    }

    /** Imports already decoded CSV text (e.g. a download). */
    public Multi<Progress> importText(String symbol, String text, CsvLayout layout) {
        return importWith(symbol, () -> text, layout, BarWriteMode.INSERT);
    }

    private Multi<Progress> importWith(String rawSymbol, Supplier<String> text, CsvLayout layout, BarWriteMode mode) {
        String problem = Symbols.problem(rawSymbol);
        if (problem != null) {
            return Multi.createFrom().failure(new InvalidRequestException("symbol", problem));
        }
        String symbol = Symbols.normalize(rawSymbol);
        return instruments
                .requireKnown(List.of(symbol))
                // parsing a large file takes a while: keep it off the event loop
                .chain(() -> VertxContextSupport.executeBlocking(
                        () -> correctable(CsvParser.parse(symbol, text.get(), layout), mode)))
                .onItem()
                .transformToMulti(file -> commitInChunks(symbol, file, mode));
    }

    /**
     * A correction replaces whole bars, so a file without volumes would store volume 0 over every stored day's: it is
     * refused before anything is written (an insert reads a missing volume as 0, as a new day has none stored).
     */
    private static CsvFile correctable(CsvFile file, BarWriteMode mode) {
        if (mode == BarWriteMode.REPLACE && !file.carriesVolume()) {
            throw new InvalidRequestException(
                    "content",
                    "a correction (mode REPLACE) replaces whole bars, volume included, but this file has no Volume"
                            + " column; add it, or import without REPLACE to add only new days");
        }
        return file;
    }

    private Multi<Progress> commitInChunks(String symbol, CsvFile file, BarWriteMode mode) {
        List<CsvLine> lines = file.lines();
        int total = lines.size();
        if (total == 0) {
            return Multi.createFrom()
                    .item(new Progress(0, 0, IngestResult.EMPTY, List.of(), 0, 0, true, file.layout()));
        }
        int chunkSize = config.csvChunkSize();
        List<List<CsvLine>> chunks = new ArrayList<>();
        for (int start = 0; start < total; start += chunkSize) {
            chunks.add(lines.subList(start, Math.min(total, start + chunkSize)));
        }
        ProgressTracker tracker = new ProgressTracker(total, file.layout(), config.csvMaxRejections());
        return Multi.createFrom()
                .iterable(chunks)
                .onItem()
                .transformToUniAndConcatenate(
                        chunk -> commitChunk(symbol, chunk, mode).map(result -> tracker.add(chunk.size(), result)));
    }

    private Uni<IngestResult> commitChunk(String symbol, List<CsvLine> chunk, BarWriteMode mode) {
        List<BarInput> inputs = new ArrayList<>(chunk.size());
        List<Integer> inputRows = new ArrayList<>(chunk.size());
        List<Rejection> rejected = new ArrayList<>();
        int skipped = 0;
        for (CsvLine line : chunk) {
            if (line instanceof CsvLine.Parsed parsed) {
                inputs.add(parsed.bar());
                inputRows.add(parsed.row());
            } else if (line instanceof CsvLine.Rejected rejection) {
                rejected.add(rejection.rejection());
            } else {
                skipped++;
            }
        }
        Validated<DailyBar> validated = validator.validateBars(inputs, Set.of(symbol), mode == BarWriteMode.REPLACE);
        validated.rejected().forEach(rejection -> rejected.add(rejection.toRow(inputRows.get(rejection.index()))));
        rejected.sort(Comparator.comparingInt(Rejection::row));
        int[] validInputs = validated.validIndices(inputs.size());
        return bars.store(
                validated.valid(),
                rejected,
                skipped,
                mode,
                (position, field, reason) -> Rejection.atRow(inputRows.get(validInputs[position]), field, reason));
    }

    private static String decodeUtf8(byte[] content) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidRequestException("content", "not UTF-8 text: " + e.getMessage());
        }
    }

    /** Adds chunk results up into running progress (chunks complete one after another). */
    private static final class ProgressTracker {
        private final int total;
        private final CsvLayout layout;
        private final int maxDetailed;
        private final List<Rejection> detailed = new ArrayList<>();
        private int processed;
        private int rejectedTotal;
        private IngestResult counts = IngestResult.EMPTY;

        private ProgressTracker(int total, CsvLayout layout, int maxDetailed) {
            this.total = total;
            this.layout = layout;
            this.maxDetailed = maxDetailed;
        }

        private Progress add(int rows, IngestResult result) {
            processed += rows;
            rejectedTotal += result.rejected().size();
            List<Rejection> fresh =
                    result.rejected().subList(0, Math.min(result.rejected().size(), maxDetailed - detailed.size()));
            detailed.addAll(fresh);
            counts = new IngestResult(
                    counts.accepted() + result.accepted(),
                    counts.duplicates() + result.duplicates(),
                    List.of(),
                    counts.skipped() + result.skipped(),
                    counts.replaced() + result.replaced());
            boolean done = processed == total;
            IngestResult report = done
                    ? new IngestResult(
                            counts.accepted(), counts.duplicates(), detailed, counts.skipped(), counts.replaced())
                    : counts;
            return new Progress(
                    processed, total, report, fresh, rejectedTotal, rejectedTotal - detailed.size(), done, layout);
        }
    }
}

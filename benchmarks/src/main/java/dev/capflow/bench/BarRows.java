package dev.capflow.bench;

import dev.capflow.proto.ingest.v1.DailyBar;
import java.util.Iterator;
import java.util.List;

/** The daily bars a bulk-import benchmark sends, generated while they are read so that memory stays flat at any size. */
interface BarRows {

    List<String> symbols();

    /** How many bars {@link #bars()} yields. */
    long total();

    /** Every bar, symbol by symbol, each in date order; a new iterator starts again from the first. */
    Iterator<DailyBar> bars();
}

package dev.capflow.exposure.domain;

/** A commitment's size in gigawatts of one kind of capacity. */
public record Capacity(double gw, CapacityKind kind) {

    /** The note that explains the dollar range converted from this capacity. */
    String conversionNote() {
        return String.format(
                java.util.Locale.ROOT,
                "estimated from %s GW of %s at $%.1fB/GW (range $%.1fB-$%.1fB/GW; sources in docs/funding-graph.md)",
                stripped(gw),
                kind,
                kind.baseUsdPerGw() / 1e9,
                kind.lowUsdPerGw() / 1e9,
                kind.highUsdPerGw() / 1e9);
    }

    private static String stripped(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}

package dev.capflow.redis;

/**
 * Appends a price as {@link Double#toString(double)} writes it, without its digit generation for the common case: a
 * price in Double.toString's plain range ({@code [0.001, 10^7)}) with at most six decimals is written from the fewest
 * decimals that read back as the same double (Java 17's {@code Double.toString} was a sixth of ingest-service's
 * publishing thread). Any other value goes to {@code Double.toString}.
 */
final class PriceDecimals {

    private static final int MAX_DECIMALS = 6;
    private static final double[] POWERS = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6};

    private PriceDecimals() {}

    /** Appends the text of {@code price} to {@code text}. */
    static StringBuilder append(StringBuilder text, double price) {
        if (price >= 1e-3 && price < 1e7) {
            for (int decimals = 0; decimals <= MAX_DECIMALS; decimals++) {
                long scaled = Math.round(price * POWERS[decimals]);
                // both exact doubles, so the quotient is the decimal's correctly rounded value, as parseDouble reads it
                if (scaled / POWERS[decimals] == price) {
                    return appendDecimal(text, scaled, decimals);
                }
            }
        }
        return text.append(price);
    }

    private static StringBuilder appendDecimal(StringBuilder text, long scaled, int decimals) {
        long unit = (long) POWERS[decimals];
        text.append(scaled / unit).append('.');
        if (decimals == 0) {
            return text.append('0');
        }
        long fraction = scaled % unit;
        for (long digit = unit / 10; digit > fraction && digit > 1; digit /= 10) {
            text.append('0');
        }
        return text.append(fraction);
    }
}

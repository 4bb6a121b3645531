package dev.capflow.redis;

import dev.capflow.redis.PriceStreamEntries.StreamTick;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of a packed entry's {@code ticks} field: one line per tick, in order, separated by a line feed (none after
 * the last); a line is {@code symbol, price, size, ts, source, trade_id} separated by tabs, the values written as in a
 * tick entry ({@code source} and {@code trade_id} empty when the tick has no identity). In the text fields a backslash,
 * tab and line feed are written {@code \\}, {@code \t} and {@code \n}.
 */
final class PackedTicks {

    private static final char FIELD_END = '\t';
    private static final char LINE_END = '\n';
    private static final char ESCAPE = '\\';

    private PackedTicks() {}

    /** The text of {@code ticks} (at least one). */
    static String pack(List<StreamTick> ticks) {
        StringBuilder text = new StringBuilder(ticks.size() * 64);
        IsoInstants.Writer timestamps = new IsoInstants.Writer(); // the text of PriceStreamEntries.ts
        for (int i = 0; i < ticks.size(); i++) {
            StreamTick tick = ticks.get(i);
            if (i > 0) {
                text.append(LINE_END);
            }
            escaped(text, tick.symbol()).append(FIELD_END);
            PriceDecimals.append(text, tick.price()).append(FIELD_END); // the text of PriceStreamEntries.price
            text.append(tick.size()).append(FIELD_END);
            timestamps.append(text, tick.ts()).append(FIELD_END);
            escaped(text, tick.source()).append(FIELD_END);
            escaped(text, tick.tradeId());
        }
        return text.toString();
    }

    /** The ticks of {@code text}, in order; an {@link IllegalArgumentException} or a parse error if malformed. */
    static List<StreamTick> unpack(String text) {
        Cursor cursor = new Cursor(text);
        List<StreamTick> ticks = new ArrayList<>();
        do {
            String symbol = cursor.field(FIELD_END);
            double price = Double.parseDouble(cursor.field(FIELD_END));
            long size = Long.parseLong(cursor.field(FIELD_END));
            String ts = cursor.field(FIELD_END);
            String source = cursor.field(FIELD_END);
            String tradeId = cursor.field(LINE_END);
            ticks.add(new StreamTick(symbol, IsoInstants.parse(ts), price, size, source, tradeId));
        } while (!cursor.atEnd());
        return ticks;
    }

    private static StringBuilder escaped(StringBuilder text, String value) {
        if (!needsEscapes(value)) {
            return text.append(value); // nearly every value: one copy, not a character at a time
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case ESCAPE -> text.append(ESCAPE).append(ESCAPE);
                case FIELD_END -> text.append(ESCAPE).append('t');
                case LINE_END -> text.append(ESCAPE).append('n');
                default -> text.append(c);
            }
        }
        return text;
    }

    private static boolean needsEscapes(String value) {
        return value.indexOf(ESCAPE) >= 0 || value.indexOf(FIELD_END) >= 0 || value.indexOf(LINE_END) >= 0;
    }

    /** Reads the fields of a packed text one after another. */
    private static final class Cursor {

        private final String text;
        private int position;

        Cursor(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return position > text.length();
        }

        /**
         * The next field, unescaped, which must end with {@code end} (a line's last field also at the end of the text);
         * the cursor moves past its end.
         */
        String field(char end) {
            int start = position;
            StringBuilder unescaped = null;
            for (int i = start; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == end) {
                    position = i + 1;
                    return unescaped == null ? text.substring(start, i) : unescaped.toString();
                }
                if (c == FIELD_END || c == LINE_END) {
                    throw new IllegalArgumentException("a packed tick line of other than six fields at " + i);
                }
                if (c == ESCAPE) {
                    if (unescaped == null) {
                        unescaped = new StringBuilder().append(text, start, i);
                    }
                    unescaped.append(unescape(i + 1));
                    i++;
                } else if (unescaped != null) {
                    unescaped.append(c);
                }
            }
            if (end != LINE_END) {
                throw new IllegalArgumentException("a packed tick line cut short at " + text.length());
            }
            position = text.length() + 1;
            return unescaped == null ? text.substring(start) : unescaped.toString();
        }

        private char unescape(int index) {
            char escaped = index < text.length() ? text.charAt(index) : 0;
            return switch (escaped) {
                case ESCAPE -> ESCAPE;
                case 't' -> FIELD_END;
                case 'n' -> LINE_END;
                default -> throw new IllegalArgumentException("an unknown escape in a packed tick at " + index);
            };
        }
    }
}

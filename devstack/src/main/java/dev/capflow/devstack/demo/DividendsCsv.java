package dev.capflow.devstack.demo;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code dividends.csv} ({@code symbol,ex_date,amount,currency}); every bad cell is reported with its row, all
 * at once. The currency must be the instrument's own, since ingest-service records amounts in it.
 */
final class DividendsCsv {

    private DividendsCsv() {}

    /** The dividends of {@code text}; {@code currencies} maps each registered symbol to its currency. */
    static List<DemoDividend> parse(String source, String text, Map<String, String> currencies) {
        CsvTable table = CsvTable.parse(source, text);
        int symbol = table.requiredColumn("symbol");
        int exDate = table.requiredColumn("ex_date");
        int amount = table.requiredColumn("amount");
        int currency = table.requiredColumn("currency");

        List<String> errors = new ArrayList<>();
        List<DemoDividend> dividends = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            String where = source + " row " + row.number() + ": ";
            String symbolValue = row.cell(symbol).toUpperCase(Locale.ROOT);
            String registered = currencies.get(symbolValue);
            if (registered == null) {
                errors.add(where + "symbol '" + row.cell(symbol) + "' is not in instruments.csv");
            } else if (!registered.equals(row.cell(currency))) {
                errors.add(where + "currency '" + row.cell(currency) + "' is not " + symbolValue + "'s currency "
                        + registered);
            }
            try {
                LocalDate.parse(row.cell(exDate));
            } catch (DateTimeParseException e) {
                errors.add(where + "ex_date '" + row.cell(exDate) + "' is not an ISO date such as 2025-12-08");
            }
            double amountValue = Double.NaN;
            try {
                amountValue = Double.parseDouble(row.cell(amount));
            } catch (NumberFormatException e) {
                // reported below
            }
            if (!(amountValue > 0 && Double.isFinite(amountValue))) {
                errors.add(where + "amount '" + row.cell(amount) + "' is not a positive number");
            }
            dividends.add(DemoDividend.of(symbolValue, row.cell(exDate), amountValue));
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", errors));
        }
        return dividends;
    }
}

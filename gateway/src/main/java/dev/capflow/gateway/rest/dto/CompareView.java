package dev.capflow.gateway.rest.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Two baskets side by side: both levels, the spread of their total returns and the ratio of their levels. */
@Schema(name = "Comparison")
public record CompareView(
        @Schema(description = "Id of basket a.", example = "team-google")
        String a,

        @Schema(description = "Id of basket b.", example = "team-openai")
        String b,

        @Schema(example = "2025-10-29") String from,
        @Schema(example = "2025-12-31") String to,

        @Schema(
                enumeration = {"PRICE", "TOTAL"},
                example = "PRICE")
        String returnType,

        @Schema(description = "Basket a's reporting currency (ISO 4217).", example = "USD")
        String currencyA,

        @Schema(
                description =
                        "Basket b's reporting currency. When it is not currencyA, each basket's levels and returns"
                                + " are in its own currency, so the spread compares returns in two currencies.",
                example = "USD")
        String currencyB,

        List<Point> series) {

    /** Both baskets at one date. */
    @Schema(name = "ComparePoint")
    public record Point(
            @Schema(example = "2025-12-31") String date,
            @Schema(example = "114.4") double levelA,
            @Schema(example = "103.1") double levelB,

            @Schema(description = "totalReturnA - totalReturnB since from, a fraction.", example = "0.113")
            Double spread,

            @Schema(description = "levelA / levelB.", example = "1.1096")
            Double ratio) {}
}

package dev.capflow.exposure.domain;

/**
 * What a commitment stated in gigawatts buys, with the USD-per-GW range that converts it to dollars (low, base, high).
 * Every figure is an estimate; the sources and the reasoning are in docs/funding-graph.md ("Gigawatts to dollars").
 */
public enum CapacityKind {
    /** Merchant accelerator systems: low = an analyst's ~$90B for AMD's 6 GW; high = the ~$50B all-in cost of a GW
     * (Huang), which the chips cannot exceed; base = their midpoint (our estimate). */
    ACCELERATORS(15e9, 32.5e9, 50e9),
    /** Custom accelerators with their racks: low = "tens of billions" for Anthropic's >1 GW of TPUs; base = Anthropic's
     * $21B of TPU racks for about that GW, rounded; high = the merchant base (custom chips are bought to cost less). */
    CUSTOM_CHIPS(10e9, 20e9, 32.5e9),
    /** Cloud capacity over a contract term: low = Altman's ~$1.4T for ~30 GW; base = Stargate's >$400B for ~7 GW;
     * high = Oracle's ~$300B contract for ~4.5 GW. */
    CLOUD_CAPACITY(46.7e9, 57.1e9, 66.7e9);

    private final double lowUsdPerGw;
    private final double baseUsdPerGw;
    private final double highUsdPerGw;

    CapacityKind(double lowUsdPerGw, double baseUsdPerGw, double highUsdPerGw) {
        this.lowUsdPerGw = lowUsdPerGw;
        this.baseUsdPerGw = baseUsdPerGw;
        this.highUsdPerGw = highUsdPerGw;
    }

    public double lowUsdPerGw() {
        return lowUsdPerGw;
    }

    public double baseUsdPerGw() {
        return baseUsdPerGw;
    }

    public double highUsdPerGw() {
        return highUsdPerGw;
    }
}

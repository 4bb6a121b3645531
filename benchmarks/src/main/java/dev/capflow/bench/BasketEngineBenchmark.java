package dev.capflow.bench;

import dev.capflow.basket.engine.BasketDefinition;
import dev.capflow.basket.engine.BasketEngine;
import dev.capflow.basket.engine.MarketData;
import dev.capflow.basket.engine.Performance;
import dev.capflow.basket.engine.PerformanceQuery;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A 500-member, 2,520-day buy-and-hold basket from member closes with gaps: union calendar, carry-forward, levels,
 * every metric (beta against a benchmark included) and member contributions. Run by bench/basket-engine.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BasketEngineBenchmark {

    private final BasketEngine engine = new BasketEngine();
    private BasketDefinition definition;
    private MarketData marketData;
    private PerformanceQuery query;

    @Setup
    public void generate() {
        BasketBenchData data =
                BasketBenchData.generate(BasketBenchData.SEED, BasketBenchData.MEMBERS, BasketBenchData.DAYS);
        definition = data.definition();
        marketData = data.marketData();
        query = data.query();
    }

    @Benchmark
    public Performance levelsAndMetrics() {
        return engine.performance(engine.levels(definition, marketData), query);
    }
}

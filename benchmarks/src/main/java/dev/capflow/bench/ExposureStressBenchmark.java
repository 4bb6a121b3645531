package dev.capflow.bench;

import dev.capflow.exposure.engine.CascadeOptions;
import dev.capflow.exposure.engine.CrossHoldings;
import dev.capflow.exposure.engine.DebtRank;
import dev.capflow.exposure.engine.DebtRankRule;
import dev.capflow.exposure.engine.FundingGraph;
import dev.capflow.exposure.engine.StressResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Both stress models on the seeded 2,000-entity graph, each call from the graph (matrix build or factorisation
 * included): the ten largest entities lose half their value.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ExposureStressBenchmark {

    private FundingGraph graph;
    private double[] values;
    private double[] valueChange;
    private double[] initialLoss;

    @Setup
    public void generate() {
        values = ExposureBenchData.stressValues();
        graph = ExposureBenchData.stressGraph(values);
        valueChange = new double[values.length];
        initialLoss = new double[values.length];
        for (int shocked : ExposureBenchData.largest(values, 10)) {
            valueChange[shocked] = -0.5;
            initialLoss[shocked] = 0.5;
        }
    }

    @Benchmark
    public StressResult crossHoldingsCascade() {
        return CrossHoldings.run(graph, values, valueChange, CascadeOptions.failures(0.9, 0.1));
    }

    @Benchmark
    public StressResult debtRankLinear() {
        return DebtRank.run(graph, values, initialLoss, DebtRankRule.LINEAR_2015);
    }

    @Benchmark
    public StressResult debtRankOriginal() {
        return DebtRank.run(graph, values, initialLoss, DebtRankRule.ORIGINAL_2012);
    }
}

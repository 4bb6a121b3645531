package dev.capflow.bench;

import dev.capflow.exposure.engine.FundingGraph;
import dev.capflow.exposure.engine.LoopFinder;
import dev.capflow.exposure.engine.LoopQuery;
import dev.capflow.exposure.engine.LoopSearch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Money-loop enumeration on the seeded 300-entity, 2,100-arc graph, loops of up to 8 arcs, and on the 24-entity,
 * 96-arc graph, every loop: {@code count} enumerates them only, {@code find} also builds, sorts and keeps every
 * {@code Loop} with its edges. Run by bench/exposure-cycles.sh,
 * which divides the loop count by the time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LoopFinderBenchmark {

    private FundingGraph graph;
    private LoopQuery query;
    private FundingGraph unbounded;

    @Setup
    public void generate() {
        graph = ExposureBenchData.loopGraph();
        query = new LoopQuery(ExposureBenchData.MAX_LENGTH, 0, 0);
        unbounded = ExposureBenchData.unboundedLoopGraph();
    }

    @Benchmark
    public long count() {
        return LoopFinder.count(graph, ExposureBenchData.MAX_LENGTH);
    }

    @Benchmark
    public LoopSearch find() {
        return LoopFinder.find(graph, query);
    }

    /** Every loop of the 24-entity graph, the workload Debian's networkx 2.8 can run (it has no length bound). */
    @Benchmark
    public long countUnbounded() {
        return LoopFinder.count(unbounded, 0);
    }

    @Benchmark
    public LoopSearch findUnbounded() {
        return LoopFinder.find(unbounded, LoopQuery.all());
    }
}

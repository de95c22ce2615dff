package dev.switchboard.bench;

import dev.switchboard.engine.balance.Decay;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The peak-EWMA decay weight e^(-x) three ways over 1,024 gaps of 10 ms to 50 s (x = 0.001 to 5): Math.exp,
 * {@link Decay#exp}, and the linear form 1 - x (which the pick took for gaps under 10 ms until it measured the branch
 * between the two forms costlier than Decay.exp on every gap), as the floor of the loop itself.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class DecayBenchmark {

    private static final int GAPS = 1024;
    private final double[] xs = new double[GAPS];

    /** A parameter, not three look-alike methods; the loop switches on its index, which is invariant and cheap. */
    @Param({"math-exp", "decay-exp", "linear"})
    public String form;
    private int formIndex;

    @Setup
    public void setUp() {
        formIndex = List.of("math-exp", "decay-exp", "linear").indexOf(form);
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < GAPS; i++) {
            xs[i] = random.nextDouble(0.001, 5);
        }
    }

    @Benchmark
    @OperationsPerInvocation(GAPS)
    public double weights() {
        double sum = 0;
        for (double x : xs) {
            sum += switch (formIndex) {
                case 0 -> Math.exp(-x);
                case 1 -> Decay.exp(x);
                default -> 1 - x;
            };
        }
        return sum;
    }
}

package dev.switchboard.bench;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Thread CPU per pick of several builds of the engine in one JVM, in alternating rounds: a shared machine's load
 * then falls on every build alike, where separate JVMs of one build swing by 1.5-2x. Each build's compiled engine
 * (a copy of its target/classes) gets a class loader of its own under this build's benchmark classes, so every
 * build runs the same PickBenchmark pools and is compiled by the JIT on its own.
 *
 * <p>Arguments: POOL AGES ROUNDS CLASSES_DIR... AGES sets how long ago the members last answered, which decides
 * peak-ewma's decay arithmetic: {@code set-up} (as the set-up left them: 0-90 % past 10 ms, by how fast it ran),
 * {@code young} (all within 5 ms), {@code mixed} (every other member 12 ms older) or {@code old} (all past 30 ms).
 */
public final class PickCpuCompare {

    private static final int ROUND_PICKS = 1_000_000;

    /** One build: its pools and PickCpuTime.picks, both loaded from its own class loader. */
    private record Build(String name, Object pools, Method picks) {
    }

    private PickCpuCompare() {
    }

    public static void main(String[] args) throws Exception {
        String pool = args[0];
        String ages = args[1];
        int rounds = Integer.parseInt(args[2]);
        List<Build> builds = new ArrayList<>();
        for (String dir : Arrays.copyOfRange(args, 3, args.length)) {
            builds.add(load(dir, ages));
        }
        for (Build b : builds) {
            b.picks().invoke(null, b.pools(), pool, 3 * ROUND_PICKS);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[][] nanos = new double[builds.size()][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < builds.size(); k++) {
                // Each round starts with another build, so none always runs right after the same one.
                int i = (round + k) % builds.size();
                long start = threads.getCurrentThreadCpuTime();
                builds.get(i).picks().invoke(null, builds.get(i).pools(), pool, ROUND_PICKS);
                nanos[i][round] = (threads.getCurrentThreadCpuTime() - start) / (double) ROUND_PICKS;
            }
        }
        for (int i = 0; i < builds.size(); i++) {
            double[] sorted = nanos[i].clone();
            Arrays.sort(sorted);
            System.out.printf("%-40s %-14s %-8s min %6.1f  median %6.1f ns CPU per pick%n", builds.get(i).name(), pool,
                    ages, sorted[0], sorted[rounds / 2]);
        }
    }

    private static Build load(String classesDir, String ages) throws Exception {
        ClassLoader loader = new URLClassLoader(classPath(classesDir), ClassLoader.getPlatformClassLoader());
        // By name: this class must not link the engine of the class path it was started with.
        Class<?> poolsClass = Class.forName("dev.switchboard.bench.PickBenchmark$Pools", true, loader);
        Object pools = poolsClass.getConstructor().newInstance();
        poolsClass.getField("backends").setInt(pools, 1000);
        poolsClass.getMethod("setUp").invoke(pools);
        setAges(pools, poolsClass.getMethod("answerAgain", int.class), ages);
        Method picks = Class.forName("dev.switchboard.bench.PickCpuTime", true, loader)
                .getMethod("picks", poolsClass, String.class, int.class);
        return new Build(classesDir, pools, picks);
    }

    private static void setAges(Object pools, Method answerAgain, String ages) throws Exception {
        if (ages.equals("set-up")) {
            return;
        }
        if (ages.equals("old")) {
            Thread.sleep(30);
            answerAgain.invoke(pools, Integer.MAX_VALUE);
            return;
        }
        // Once the JIT has compiled the outcome path, every member answers within 5 ms.
        for (int attempt = 0; (long) answerAgain.invoke(pools, 1) > 5_000_000L; attempt++) {
            if (attempt == 50) {
                throw new IllegalStateException("1,000 outcomes never took under 5 ms");
            }
        }
        if (ages.equals("mixed")) {
            Thread.sleep(12);
            answerAgain.invoke(pools, 2);
        } else if (!ages.equals("young")) {
            throw new IllegalArgumentException("ages: set-up, young, mixed or old, not " + ages);
        }
    }

    /** This build's benchmark classes, the given engine classes, then the dependencies this JVM was started with. */
    private static URL[] classPath(String classesDir) throws MalformedURLException {
        Path bench = Path.of(PickCpuCompare.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        List<URL> urls = new ArrayList<>(List.of(bench.toUri().toURL(), Path.of(classesDir).toUri().toURL()));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!Path.of(entry).toAbsolutePath().equals(bench.toAbsolutePath())) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        return urls.toArray(URL[]::new);
    }
}

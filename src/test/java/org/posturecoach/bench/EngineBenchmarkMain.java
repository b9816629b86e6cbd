package org.posturecoach.bench;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link EngineBenchmark} (both benchmarks, Throughput and SampleTime, with the GC profiler) and prints a
 * summary: evaluations per second, median µs per operation, bytes allocated per operation, and the
 * evaluate/baseline ratios. Any JMH command-line option overrides the short defaults used here
 * (1 fork, 3 warm-up iterations of 2 s, 5 measured iterations of 3 s).
 */
public final class EngineBenchmarkMain {

    private EngineBenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions cli = new CommandLineOptions(args);
        ChainedOptionsBuilder options = new OptionsBuilder().parent(cli);
        if (cli.getIncludes().isEmpty()) {
            options.include(EngineBenchmark.class.getName() + "\\.");
        }
        if (!cli.getForkCount().hasValue()) {
            options.forks(1);
        }
        if (!cli.getWarmupIterations().hasValue()) {
            options.warmupIterations(3);
        }
        if (!cli.getWarmupTime().hasValue()) {
            options.warmupTime(TimeValue.seconds(2));
        }
        if (!cli.getMeasurementIterations().hasValue()) {
            options.measurementIterations(5);
        }
        if (!cli.getMeasurementTime().hasValue()) {
            options.measurementTime(TimeValue.seconds(3));
        }
        if (cli.getProfilers().isEmpty()) {
            options.addProfiler(GCProfiler.class);
        }
        if (!cli.getTimeUnit().hasValue()) {
            options.timeUnit(TimeUnit.MICROSECONDS);
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        System.out.println(summary(results));
    }

    /** One line per benchmark, plus the ratio line; numbers in ops/s, µs and B/op whatever the JMH time unit. */
    static String summary(Collection<RunResult> results) {
        Map<String, double[]> rows = new TreeMap<>(); // name -> {ops/s, p50 µs, mean µs, B/op}
        for (RunResult r : results) {
            String scenario = r.getParams().getParam("scenario");
            String name = r.getParams().getBenchmark().replaceAll(".*\\.", "")
                    + (scenario == null || scenario.equals("mix") ? "" : " " + scenario);
            Mode mode = r.getParams().getMode();
            TimeUnit unit = r.getParams().getTimeUnit();
            double[] row = rows.computeIfAbsent(name, k -> new double[] { Double.NaN, Double.NaN, Double.NaN, Double.NaN });
            Result<?> primary = r.getPrimaryResult();
            if (mode == Mode.Throughput) {
                row[0] = primary.getScore() * perSecond(unit);
                Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
                if (alloc != null) {
                    row[3] = alloc.getScore();
                }
            } else if (mode == Mode.SampleTime) {
                double toMicros = 1e6 / perSecond(unit);
                row[1] = primary.getStatistics().getPercentile(50) * toMicros;
                row[2] = primary.getStatistics().getMean() * toMicros;
                Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
                if (alloc != null && Double.isNaN(row[3])) {
                    row[3] = alloc.getScore();
                }
            }
        }
        StringBuilder out = new StringBuilder("\nPosture Coach engine benchmark (")
                .append(Runtime.getRuntime().availableProcessors()).append(" CPUs, ")
                .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
                .append(")\n");
        out.append(String.format(Locale.ROOT, "%-34s %10s %10s %10s %11s%n", "benchmark", "ops/s", "p50 µs",
                "mean µs", "alloc B/op"));
        rows.forEach((name, r) -> out.append(String.format(Locale.ROOT, "%-34s %10.0f %10.1f %10.1f %11.0f%n",
                name, r[0], r[1], r[2], r[3])));
        double[] e = rows.get("evaluate");
        double[] b = rows.get("baseline");
        if (e != null && b != null) {
            out.append(String.format(Locale.ROOT,
                    "evaluate/baseline: %.1fx the time (p50), %.1fx fewer ops/s, %.1fx the allocation%n",
                    e[1] / b[1], b[0] / e[0], e[3] / b[3]));
            double[] f = rows.get("sessionAndFacts");
            if (f != null) {
                out.append(String.format(Locale.ROOT,
                        "of an evaluation's p50: %.0f%% parse+validate, %.0f%% session+facts, %.0f%% firing the rules"
                                + " and collecting%n",
                        100 * b[1] / e[1], 100 * (f[1] - b[1]) / e[1], 100 * (e[1] - f[1]) / e[1]));
            }
            out.append(String.format(Locale.ROOT, "target p50 <= 50 µs per evaluation: %s%n",
                    e[1] <= 50 ? "met" : "NOT met"));
        }
        return out.toString();
    }

    private static double perSecond(TimeUnit unit) {
        return TimeUnit.SECONDS.toNanos(1) / (double) unit.toNanos(1);
    }
}

package org.posturecoach.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The documented service setting is written twice: in {@code docker/Dockerfile.jvm} (for the image's run-java.sh)
 * and in {@code src/bench/wrk/run.sh} (the one the README's figures were measured with). This keeps the two the same
 * and checks that a JVM starts with the options the image composes. No Docker engine runs here, so the image itself
 * is not started; the composition below follows the image's documented variables: run-java.sh puts
 * {@code GC_CONTAINER_OPTIONS} (default {@code -XX:+UseParallelGC}) before {@code JAVA_OPTS_APPEND}.
 */
class DocumentedSettingTest {

    private static final Pattern GC_FLAG = Pattern.compile("-XX:\\+Use\\w*GC");

    @Test
    void theImageSetsTheCollectorOnceAndTheSameOptionsAsTheBenchmark() throws IOException {
        String dockerfile = Files.readString(Path.of("docker/Dockerfile.jvm"));
        String script = Files.readString(Path.of("src/bench/wrk/run.sh"));
        List<String> append = words(env(dockerfile, "JAVA_OPTS_APPEND"));
        String gc = env(dockerfile, "GC_CONTAINER_OPTIONS");

        // The collector goes through GC_CONTAINER_OPTIONS: a second one in JAVA_OPTS_APPEND stops the JVM.
        assertEquals("-XX:+UseSerialGC", gc);
        assertTrue(append.stream().noneMatch(o -> GC_FLAG.matcher(o).matches()), append::toString);
        assertEquals("2", env(dockerfile, "MALLOC_ARENA_MAX"));

        // The benchmark's default setting, option for option.
        List<String> bench = new ArrayList<>(words(shellDefault(script, "BENCH_JAVA_OPTS")));
        bench.add("-Xmx" + shellDefault(script, "BENCH_HEAP"));
        assertTrue(script.contains("export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}"));
        for (String option : bench) {
            assertTrue(option.equals(gc) || append.contains(option), "the image lacks " + option);
        }
        for (String option : append) {
            assertTrue(option.startsWith("-D") || option.equals("-XX:+IgnoreUnrecognizedVMOptions")
                    || bench.contains(option), "the benchmark lacks " + option);
        }
    }

    /**
     * The H2 image keeps its database in a declared volume, with the same no-lost-writes setting as the service's
     * default, and the compose file's PostgreSQL image does not take the H2 image's tag (the database kind is fixed
     * when packaging, so the two are different images).
     */
    @Test
    void theH2ImageKeepsItsDatabaseInAVolumeAndThePostgresImageHasItsOwnTag() throws IOException {
        String dockerfile = Files.readString(Path.of("docker/Dockerfile.jvm"));
        String compose = Files.readString(Path.of("docker/docker-compose.yml"));
        String url = env(dockerfile, "DB_URL");
        Matcher volume = Pattern.compile("(?m)^VOLUME (\\S+)$").matcher(dockerfile);
        assertTrue(volume.find(), "no VOLUME");
        assertTrue(url.startsWith("jdbc:h2:file:" + volume.group(1) + "/"), url);
        assertTrue(url.endsWith(";WRITE_DELAY=0"), url);
        assertTrue(dockerfile.contains("mkdir -p " + volume.group(1) + " && chown 185:0 " + volume.group(1)));
        Matcher tag = Pattern.compile("(?m)^\\s+image: (\\S+)$").matcher(compose);
        assertTrue(tag.find(), "no image tag in the compose file");
        assertEquals("posture-coach:postgresql", tag.group(1));
        assertTrue(dockerfile.contains("-t posture-coach:h2 "), "the H2 build command tags posture-coach:h2");
        assertTrue(compose.contains("DB_URL: jdbc:postgresql://"), "the compose service overrides the image's H2 URL");
    }

    @Test
    void aJvmStartsWithTheImagesOptionsAndNotWithTwoCollectors() throws Exception {
        String dockerfile = Files.readString(Path.of("docker/Dockerfile.jvm"));
        List<String> options = new ArrayList<>();
        options.add(env(dockerfile, "GC_CONTAINER_OPTIONS"));
        options.addAll(words(env(dockerfile, "JAVA_OPTS_APPEND")));
        Result ok = java(options);
        assertEquals(0, ok.exit(), ok.output());
        assertTrue(ok.output().contains("UseSerialGC") && ok.output().contains("true"), ok.output());

        // Near miss: the image's default collector next to ours is what the old Dockerfile did.
        List<String> twoCollectors = new ArrayList<>(List.of("-XX:+UseParallelGC", "-XX:+UseSerialGC"));
        twoCollectors.addAll(words(env(dockerfile, "JAVA_OPTS_APPEND")));
        Result broken = java(twoCollectors);
        assertNotEquals(0, broken.exit());
        assertTrue(broken.output().contains("Multiple garbage collectors selected"), broken.output());
    }

    private record Result(int exit, String output) {
    }

    private static Result java(List<String> options) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "java -version did not finish");
        // Only the collector's line of the flag table matters.
        String serial = out.lines().filter(l -> l.contains(" UseSerialGC ")).findFirst().orElse("");
        String errors = out.lines().filter(l -> !l.startsWith(" ") && !l.startsWith("["))
                .reduce("", (a, b) -> a + b + "\n");
        return new Result(p.exitValue(), serial + "\n" + errors);
    }

    /** The value of {@code ENV NAME="value"} (or {@code ENV NAME=value}) in the Dockerfile. */
    private static String env(String dockerfile, String name) {
        Matcher m = Pattern.compile("(?m)^ENV " + name + "=(?:\"([^\"]*)\"|(\\S+))").matcher(dockerfile);
        assertTrue(m.find(), "no ENV " + name);
        String value = m.group(1) != null ? m.group(1) : m.group(2);
        assertFalse(m.find(), "ENV " + name + " twice");
        return value;
    }

    /** The default in {@code ${NAME:-default}} of the shell script. */
    private static String shellDefault(String script, String name) {
        Matcher m = Pattern.compile("\\$\\{" + name + ":-([^}]*)}").matcher(script);
        assertTrue(m.find(), "no default for " + name);
        return m.group(1);
    }

    private static List<String> words(String s) {
        return Arrays.stream(s.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }
}

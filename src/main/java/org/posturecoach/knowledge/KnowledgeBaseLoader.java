package org.posturecoach.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.posturecoach.domain.Catalogue;
import org.posturecoach.domain.Exercise;
import org.posturecoach.domain.Questionnaire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a rules folder: every {@code .drl} compiled into one KieBase, the catalogue, the questionnaire and the
 * phase order; the version is a SHA-256 over the folder's sorted relative paths and bytes.
 */
public final class KnowledgeBaseLoader {

    static final String CATALOGUE = "catalogue/exercises.json";
    static final String QUESTIONNAIRE = "questionnaire/questionnaire.json";
    static final String MANIFEST = "knowledge-base.json";

    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    public KnowledgeBase load(Path root) {
        if (!Files.isDirectory(root)) {
            throw new KnowledgeBaseException("Rules folder not found: " + root.toAbsolutePath());
        }
        Map<String, byte[]> files = readAll(root);
        String version = version(files);
        KieBase kieBase = compile(files);
        Catalogue catalogue = parse(files, CATALOGUE, Catalogue.class);
        Questionnaire questionnaire = parse(files, QUESTIONNAIRE, Questionnaire.class).withVersion(version);
        List<String> phases = phases(files);
        new CatalogueCheck(catalogue, questionnaire).verify();
        Map<String, Exercise> byId = catalogue.exercises().stream()
                .collect(Collectors.toMap(Exercise::getId, Function.identity(), (a, b) -> a, TreeMap::new));
        return new KnowledgeBase(version, Instant.now(), kieBase,
                new SessionPool(kieBase, 4 * Runtime.getRuntime().availableProcessors()), phases, questionnaire,
                List.copyOf(byId.values()), Map.copyOf(byId), rulesByFile(kieBase), ruleOrder(kieBase, phases));
    }

    /**
     * Relative path (with '/') → bytes, sorted by path. Symbolic links are followed, the folder itself included (a
     * deployment that links {@code rules} to a release folder, or mounts files as links); hidden files and folders
     * (a name starting with '.': editor and OS leftovers, a mounted volume's own {@code ..data} links) are no part of
     * the knowledge base and do not change its version.
     */
    static Map<String, byte[]> readAll(Path root) {
        Map<String, byte[]> out = new TreeMap<>();
        try {
            Path real = root.toRealPath();
            try (Stream<Path> walk = Files.walk(real, FileVisitOption.FOLLOW_LINKS)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    Path rel = real.relativize(p);
                    if (hidden(rel)) {
                        continue;
                    }
                    out.put(rel.toString().replace('\\', '/'), Files.readAllBytes(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    static String version(Map<String, byte[]> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                sha.update(f.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(f.getValue());
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private KieBase compile(Map<String, byte[]> files) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        int drl = 0;
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            if (f.getKey().endsWith(".drl")) {
                kfs.write("src/main/resources/" + f.getKey(), f.getValue());
                drl++;
            }
        }
        if (drl == 0) {
            throw new KnowledgeBaseException("No .drl files in the rules folder");
        }
        ClassLoader cl = KnowledgeBaseLoader.class.getClassLoader();
        KieBuilder builder = ks.newKieBuilder(kfs, cl).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            String text = errors.stream()
                    .map(m -> String.format("%s line %d: %s", stripPrefix(m.getPath()), m.getLine(),
                            m.getText().strip()))
                    .collect(Collectors.joining("\n"));
            throw new KnowledgeBaseException("Rule compilation failed:\n" + text);
        }
        return ks.newKieContainer(builder.getKieModule().getReleaseId(), cl).getKieBase();
    }

    private static String stripPrefix(String path) {
        return path == null ? "?" : path.replaceFirst("^src/main/resources/", "");
    }

    private <T> T parse(Map<String, byte[]> files, String path, Class<T> type) {
        byte[] bytes = files.get(path);
        if (bytes == null) {
            throw new KnowledgeBaseException("Missing " + path + " in the rules folder");
        }
        try {
            return json.readValue(bytes, type);
        } catch (JsonProcessingException e) {
            throw new KnowledgeBaseException(path + ": " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        } catch (IOException e) {
            throw new KnowledgeBaseException(path + ": " + e.getMessage(), e);
        }
    }

    private List<String> phases(Map<String, byte[]> files) {
        JsonNode manifest = parse(files, MANIFEST, JsonNode.class);
        List<String> phases = new ArrayList<>();
        manifest.path("phases").forEach(p -> phases.add(p.asText()));
        if (phases.isEmpty()) {
            throw new KnowledgeBaseException(MANIFEST + ": \"phases\" must list the agenda groups in firing order");
        }
        return List.copyOf(phases);
    }

    /**
     * Each rule's place in the order {@code firedRules} lists them: by phase (the manifest's order), then by DRL file
     * path, then in the order the file declares them. Firing order within a phase is left to Drools and differs between
     * a new pooled session and a reused one, so it is not what an assessment reports.
     */
    private static Map<String, Integer> ruleOrder(KieBase kieBase, List<String> phases) {
        record Place(int phase, String file, int declared, String name) { }
        List<Place> places = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                RuleImpl impl = (RuleImpl) rule;
                int phase = phases.indexOf(impl.getAgendaGroup());
                places.add(new Place(phase < 0 ? phases.size() : phase, file(pkg, rule), impl.getLoadOrder(),
                        rule.getName()));
            }
        }
        places.sort(Comparator.comparingInt(Place::phase).thenComparing(Place::file)
                .thenComparingInt(Place::declared).thenComparing(Place::name));
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < places.size(); i++) {
            order.putIfAbsent(places.get(i).name(), i);
        }
        return Map.copyOf(order);
    }

    /** The DRL file that declares a rule, relative to the rules folder; its package where Drools keeps no file. */
    private static String file(KiePackage pkg, Rule rule) {
        return rule instanceof RuleImpl impl && impl.getResource() != null
                ? stripPrefix(impl.getResource().getSourcePath())
                : pkg.getName();
    }

    /** Rule names grouped by the DRL file that declares them, both sorted. */
    private static Map<String, List<String>> rulesByFile(KieBase kieBase) {
        Map<String, List<String>> out = new TreeMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                out.computeIfAbsent(file(pkg, rule), k -> new ArrayList<>()).add(rule.getName());
            }
        }
        Map<String, List<String>> sorted = new LinkedHashMap<>();
        out.forEach((k, v) -> sorted.put(k, v.stream().sorted().toList()));
        return sorted;
    }
}

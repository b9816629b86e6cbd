package org.posturecoach.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.kie.api.runtime.KieSession;
import org.posturecoach.domain.Answer;
import org.posturecoach.domain.Exercise;
import org.posturecoach.domain.Question;
import org.posturecoach.engine.AnswerValidator;
import org.posturecoach.engine.Evaluation;
import org.posturecoach.engine.Evaluator;
import org.posturecoach.knowledge.KnowledgeBase;
import org.posturecoach.knowledge.KnowledgeBaseLoader;

import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The engine's cost per assessment with the full knowledge base from {@code rules/}, beside a baseline that only
 * parses and validates the same answers, and a diagnostic {@code sessionAndFacts} (session and facts, no rule fired).
 * All cycle through the same six answer sets ({@link #SCENARIOS}), one per invocation. No Quarkus: the knowledge base
 * is loaded directly from {@code rules/} (or {@code -Dposturecoach.rules}), once per trial.
 *
 * <p>Logging is set to INFO as in the running service: without Quarkus, the JBoss log manager on the classpath
 * leaves every level enabled, and Drools then formats a TRACE message on every network step (a quarter of the
 * time measured before this was fixed).
 *
 * <p>Run with {@code src/bench/jmh/run.sh} (see {@link EngineBenchmarkMain}), from the project root.
 */
@State(Scope.Thread)
@BenchmarkMode({ Mode.Throughput, Mode.SampleTime })
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-Xms512m",
        "-Xmx512m" })
public class EngineBenchmark {

    /** Name → answers as a client would send them (the {@code answers} object of a request). */
    static final Map<String, String> SCENARIOS = Map.of(
            "desk-worker", """
                    {"sharpOrWorseningPain":false,"numbnessOrTingling":false,"recentInjury":false,"nightPain":false,
                     "unexplainedWeightLoss":false,"neckPain":true,"neckPainSeverity":4,"roundedShoulders":true,
                     "forwardHeadPosture":true,"deskHoursPerDay":9,"upperTrapDominance":true,"goal":"posture",
                     "experience":"intermediate","daysPerWeek":3,
                     "equipment":["dumbbells","resistance-band","bench","foam-roller"]}""",
            "low-back-pain-gym", """
                    {"sharpOrWorseningPain":false,"numbnessOrTingling":false,"recentInjury":false,"nightPain":false,
                     "unexplainedWeightLoss":false,"lowBackPain":true,"weakDeadlift":true,"midBackStiffness":true,
                     "goal":"strength","experience":"advanced","daysPerWeek":4,
                     "equipment":["dumbbells","barbell","squat-rack","bench","cable-machine","row-machine","landmine",
                                  "pull-up-bar","foam-roller"]}""",
            "home-band", """
                    {"sharpOrWorseningPain":false,"numbnessOrTingling":false,"recentInjury":false,"nightPain":false,
                     "unexplainedWeightLoss":false,"midBackPain":true,"midBackStiffness":true,"overheadRestriction":true,
                     "gripFatigue":true,"goal":"pain-relief","experience":"intermediate","daysPerWeek":2,
                     "equipment":["resistance-band"]}""",
            "no-equipment", """
                    {"sharpOrWorseningPain":false,"numbnessOrTingling":false,"recentInjury":false,"nightPain":false,
                     "unexplainedWeightLoss":false,"neckPain":true,"neckPainSeverity":7,"shoulderPainOverhead":true,
                     "deskHoursPerDay":6,"goal":"mobility","experience":"beginner","daysPerWeek":5,
                     "equipment":["none"]}""",
            "beginner-1-day", """
                    {"sharpOrWorseningPain":false,"numbnessOrTingling":false,"recentInjury":false,"nightPain":false,
                     "unexplainedWeightLoss":false,"roundedShoulders":true,"goal":"muscle","experience":"beginner",
                     "daysPerWeek":1,"equipment":["dumbbells","bench","cable-machine"]}""",
            "red-flag", """
                    {"sharpOrWorseningPain":true,"numbnessOrTingling":true,"recentInjury":false,"nightPain":false,
                     "unexplainedWeightLoss":false,"neckPain":true,"neckPainSeverity":8,"experience":"beginner",
                     "daysPerWeek":3,"equipment":["dumbbells"]}""");

    /** Fixed cycling order, so every fork sees the same mix. */
    static final List<String> ORDER = List.of("desk-worker", "low-back-pain-gym", "home-band", "no-equipment",
            "beginner-1-day", "red-flag");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code mix} cycles through all of {@link #ORDER}; a scenario name (-p scenario=red-flag) runs only that one. */
    @Param({ "mix" })
    public String scenario;

    private KnowledgeBase kb;
    private Evaluator evaluator;
    private String[] answers;
    private int next;

    @Setup(Level.Trial)
    public void loadKnowledgeBase() {
        quietLogging();
        kb = new KnowledgeBaseLoader().load(Path.of(System.getProperty("posturecoach.rules", "rules")));
        evaluator = new Evaluator(5000);
        if ("mix".equals(scenario)) {
            answers = ORDER.stream().map(SCENARIOS::get).toArray(String[]::new);
        } else if (SCENARIOS.containsKey(scenario)) {
            answers = new String[] { SCENARIOS.get(scenario) };
        } else {
            throw new IllegalArgumentException("scenario must be mix or one of " + ORDER + ": " + scenario);
        }
        next = 0;
    }

    private String nextAnswers() {
        String a = answers[next];
        next = next + 1 == answers.length ? 0 : next + 1;
        return a;
    }

    /** Parse + validate only: what every request pays before the rules run. */
    @Benchmark
    public Map<String, Object> baseline() throws JsonProcessingException {
        return validate(kb, nextAnswers());
    }

    /** Parse + validate + a full evaluation (pooled session, facts, all phases, collect, session given back). */
    @Benchmark
    public Evaluation evaluate() throws JsonProcessingException {
        return evaluator.evaluate(kb, validate(kb, nextAnswers()));
    }

    /**
     * Diagnostic, not part of the target: only the fixed cost of a session (borrow it from the pool as
     * {@code evaluate} does, insert the answers and the 57 catalogue exercises, give it back to be reset), with no
     * rule fired. {@code evaluate - sessionAndFacts} is the rules' own cost.
     */
    @Benchmark
    public long sessionAndFacts() throws JsonProcessingException {
        Map<String, Object> valid = validate(kb, nextAnswers());
        KieSession session = kb.sessions().borrow();
        try {
            new java.util.TreeMap<>(valid).forEach((id, value) -> session.insert(new Answer(id, value,
                    kb.questionnaire().item(id).map(Question::isRedFlag).orElse(false))));
            for (Exercise e : kb.exercises()) {
                session.insert(e);
            }
            return session.getFactCount();
        } finally {
            kb.sessions().giveBack(session);
        }
    }

    /** INFO and above, as in the service; fails fast if Drools' debug logging would still be formatted. */
    static void quietLogging() {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO);
        if (LoggerFactory.getLogger("org.drools").isDebugEnabled()) {
            throw new IllegalStateException("Drools debug logging is enabled; run the benchmark JVM with "
                    + "-Djava.util.logging.manager=org.jboss.logmanager.LogManager");
        }
    }

    static Map<String, Object> validate(KnowledgeBase kb, String answers) throws JsonProcessingException {
        JsonNode node = JSON.readTree(answers);
        return AnswerValidator.validate(kb.questionnaire(), node, AnswerValidator.Mode.COMPLETE);
    }
}

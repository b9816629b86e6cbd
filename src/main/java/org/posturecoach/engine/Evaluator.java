package org.posturecoach.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.posturecoach.domain.Answer;
import org.posturecoach.domain.Exclusion;
import org.posturecoach.domain.Exercise;
import org.posturecoach.domain.Finding;
import org.posturecoach.domain.PlannedItem;
import org.posturecoach.domain.Question;
import org.posturecoach.domain.ProgressionStep;
import org.posturecoach.domain.Referral;
import org.posturecoach.domain.SetCap;
import org.posturecoach.domain.Warning;
import org.posturecoach.domain.WeekPlan;
import org.posturecoach.knowledge.KnowledgeBase;

/**
 * The one evaluation every door calls: validated answers in, an {@link Evaluation} out. Borrows a clean session from
 * the knowledge base's pool per call, inserts answers and the catalogue as facts, fires the phases in the order the
 * knowledge base names them, bounded, and always gives the session back (the pool resets it).
 * The rules that fired are listed in the knowledge base's rule order (phase, file, declaration). Holds no state.
 */
public final class Evaluator {

    /** A session's parts in order, then the daily routine's (day 0). */
    private static final List<String> PARTS = List.of("warmup", "main", "cooldown", "daily");
    /** Warning severities, the most severe first (the order warnings are listed in). */
    public static final List<String> SEVERITIES = List.of("stop", "caution", "info");

    private final int maxFirings;

    public Evaluator(int maxFirings) {
        this.maxFirings = maxFirings;
    }

    public Evaluation evaluate(KnowledgeBase kb, Map<String, Object> answers) {
        KieSession session = kb.sessions().borrow();
        Set<String> fired = new LinkedHashSet<>();
        String[] last = new String[1];
        AgendaEventListener listener = new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                last[0] = event.getMatch().getRule().getName();
                fired.add(last[0]);
            }
        };
        session.addEventListener(listener);
        try {
            new TreeMap<>(answers).forEach((id, value) -> {
                Question q = kb.questionnaire().item(id).orElse(null);
                session.insert(new Answer(id, value, q != null && q.isRedFlag(), q == null ? id : q.signOrId()));
            });
            for (Exercise e : kb.exercises()) {
                session.insert(e);
            }
            List<String> phases = kb.phases();
            for (int i = phases.size() - 1; i >= 0; i--) {
                session.getAgenda().getAgendaGroup(phases.get(i)).setFocus();
            }
            int count = session.fireAllRules(maxFirings);
            if (count >= maxFirings) {
                throw new RuleLoopException(maxFirings, last[0]);
            }
            // Listed by phase, file and declaration, not in firing order: Drools orders the matches within a phase
            // differently in a new pooled session and a reused one, and the same answers must give the same list.
            List<String> listed = new ArrayList<>(fired);
            listed.sort(Comparator.comparingInt((String rule) -> kb.ruleOrder().getOrDefault(rule, Integer.MAX_VALUE))
                    .thenComparing(Comparator.naturalOrder()));
            return collect(kb, session, List.copyOf(listed));
        } finally {
            // A pooled session keeps its listeners across resets: remove ours before handing it back.
            session.removeEventListener(listener);
            kb.sessions().giveBack(session);
        }
    }

    private Evaluation collect(KnowledgeBase kb, KieSession session, List<String> fired) {
        Facts s = new Facts(session);
        List<Evaluation.FindingView> findings = s.of(Finding.class).stream()
                .sorted(Comparator.comparing(Finding::getCode).thenComparing(Finding::getTitle))
                .map(f -> new Evaluation.FindingView(f.getCode(), f.getTitle(), f.getExplanation()))
                .toList();
        List<Evaluation.WarningView> warnings = s.of(Warning.class).stream()
                .sorted(Comparator.comparing((Warning w) -> SEVERITIES.indexOf(w.getSeverity()))
                        .thenComparing(Warning::getCode).thenComparing(Warning::getMessage))
                .map(w -> new Evaluation.WarningView(w.getCode(), w.getSeverity(), w.getMessage(), w.getExplanation()))
                .toList();
        List<Evaluation.ExcludedView> excluded = s.of(Exclusion.class).stream()
                .sorted(Comparator.comparing(Exclusion::getExerciseId).thenComparing(Exclusion::getReason)
                        .thenComparing(x -> x.getExplanation().rule())
                        .thenComparing(x -> String.valueOf(x.getDetail())))
                .map(x -> new Evaluation.ExcludedView(x.getExerciseId(), x.getReason(), x.getDetail(), x.getExplanation()))
                .toList();
        boolean refer = !s.of(Referral.class).isEmpty();
        Evaluation.Plan plan = refer ? null : plan(s);
        return new Evaluation(kb.version(), refer ? Evaluation.REFER : Evaluation.PLAN, findings, warnings, plan,
                excluded, fired);
    }

    private Evaluation.Plan plan(Facts s) {
        WeekPlan week = single(s, WeekPlan.class);
        SetCap cap = single(s, SetCap.class);
        // One pass: items grouped by day (0 = the daily routine) and part, each group then ordered by position.
        Map<Integer, List<List<PlannedItem>>> byDay = new HashMap<>();
        int weeklySets = 0;
        for (PlannedItem i : s.of(PlannedItem.class)) {
            int part = PARTS.indexOf(i.getPart());
            if (part < 0) {
                throw new IllegalStateException("The rules planned " + i.getExerciseId() + " in an unknown part "
                        + i.getPart());
            }
            byDay.computeIfAbsent(i.getDay(), d -> newParts()).get(part).add(i);
            if (i.isMain()) {
                weeklySets += i.getSets();
            }
        }
        List<Evaluation.Session> sessions = new ArrayList<>();
        for (int day : week.getDays()) {
            List<List<PlannedItem>> parts = byDay.getOrDefault(day, newParts());
            sessions.add(new Evaluation.Session(day, items(parts.get(0)), items(parts.get(1)), items(parts.get(2))));
        }
        List<Evaluation.Item> daily = items(byDay.getOrDefault(0, newParts()).get(3));
        List<Evaluation.Progression> progression = s.of(ProgressionStep.class).stream()
                .sorted(Comparator.comparing(ProgressionStep::getWeeks)
                        .thenComparing(p -> p.getExplanation().rule()))
                .map(p -> new Evaluation.Progression(p.getWeeks(), p.getFocus(), p.getChanges(), p.getExplanation()))
                .toList();
        return new Evaluation.Plan(week.getSessionsPerWeek(), weeklySets, cap.getSets(), List.copyOf(sessions),
                daily, progression);
    }

    /** Warm-up, main, cool-down, daily: one list each. */
    private static List<List<PlannedItem>> newParts() {
        List<List<PlannedItem>> parts = new ArrayList<>(PARTS.size());
        for (int i = 0; i < PARTS.size(); i++) {
            parts.add(new ArrayList<>());
        }
        return parts;
    }

    /** One part's items in position order. */
    private static List<Evaluation.Item> items(List<PlannedItem> part) {
        part.sort(Comparator.comparingInt(PlannedItem::getPosition));
        List<Evaluation.Item> out = new ArrayList<>(part.size());
        for (PlannedItem i : part) {
            out.add(item(i));
        }
        return Collections.unmodifiableList(out);
    }

    private static Evaluation.Item item(PlannedItem i) {
        Exercise e = i.getExercise();
        boolean perSide = e.getDefaultDose() != null && e.getDefaultDose().perSide();
        return new Evaluation.Item(e.getId(), e.getName(), e.getCategory(), i.getSets(), i.getReps(),
                i.getHoldSeconds(), i.getRestSeconds(), i.getTempo(), perSide, List.copyOf(i.getCues()),
                i.getExplanation());
    }

    /** The session's facts read once, grouped by class (every output class is final, so by exact class). */
    private static final class Facts {
        private final Map<Class<?>, List<Object>> byClass = new HashMap<>();

        Facts(KieSession session) {
            for (Object o : session.getObjects()) {
                byClass.computeIfAbsent(o.getClass(), k -> new ArrayList<>()).add(o);
            }
        }

        /** The facts of one class, read-only. */
        @SuppressWarnings("unchecked")
        <T> List<T> of(Class<T> type) {
            return Collections.unmodifiableList((List<T>) byClass.getOrDefault(type, List.of()));
        }
    }

    private static <T> T single(Facts s, Class<T> type) {
        List<T> all = s.of(type);
        if (all.size() != 1) {
            throw new IllegalStateException("The rules produced " + all.size() + " " + type.getSimpleName()
                    + " facts where exactly one was expected");
        }
        return all.get(0);
    }
}

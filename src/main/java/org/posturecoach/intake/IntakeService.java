package org.posturecoach.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.posturecoach.domain.Question;
import org.posturecoach.domain.Questionnaire;
import org.posturecoach.engine.AnswerValidator;
import org.posturecoach.engine.AssessmentEngine;
import org.posturecoach.engine.EnableConditions;
import org.posturecoach.engine.Evaluation;
import org.posturecoach.engine.FieldError;
import org.posturecoach.engine.InvalidAnswersException;
import org.posturecoach.persistence.AssessmentService;
import org.posturecoach.persistence.Intake;
import org.posturecoach.persistence.IntakeEvent;
import org.posturecoach.persistence.IntakeEventRepository;
import org.posturecoach.persistence.IntakeRepository;
import org.posturecoach.rest.AssessmentView;
import org.posturecoach.rest.exception.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The chatbot's screening conversation. Which question comes next is read from the questionnaire data (red flags
 * first, then the questionnaire's order, only enabled and unanswered ones); answers are checked by the same
 * validator as assessments; whether a red flag refers the client is decided by the same engine.
 */
@ApplicationScoped
public class IntakeService {

    static final String CHANGED = "changed";
    static final String DROPPED = "dropped";

    @Inject
    IntakeRepository intakes;

    @Inject
    IntakeEventRepository events;

    @Inject
    AssessmentEngine engine;

    @Inject
    AssessmentService assessments;

    @Inject
    IntakeClock clock;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "posturecoach.intake.idle-timeout", defaultValue = "PT24H")
    Duration idleTimeout;

    /**
     * Starts a conversation; its first question is the first red flag. {@code beforeWrite} runs once the request
     * is valid, before anything is stored, and may throw to abandon it (as it may in every call here that writes).
     */
    @Transactional
    public Conversation start(String clientRef, Runnable beforeWrite) {
        List<FieldError> errors = AssessmentEngine.checkClientRef(clientRef);
        if (!errors.isEmpty()) {
            throw new InvalidAnswersException(errors);
        }
        beforeWrite.run();
        Instant now = clock.now();
        Intake intake = new Intake();
        intake.id = UUID.randomUUID().toString();
        intake.tenantId = AssessmentService.DEFAULT_TENANT;
        intake.clientRef = clientRef;
        intake.answers = "{}";
        intake.skipped = "[]";
        intake.createdAt = now;
        intake.updatedAt = now;
        List<Question> pending = settle(intake, Map.of(), List.of());
        intakes.persist(intake);
        return view(intake, Map.of(), List.of(), pending);
    }

    /**
     * The conversation as it stands; an idle one is marked expired on the way. Locked like a turn, so that a write
     * made here can never overwrite a turn being stored at the same moment.
     */
    @Transactional
    public Conversation get(String id) {
        Intake intake = load(id);
        expireIfIdle(intake);
        Map<String, Object> answers = answers(intake);
        List<String> skipped = skipped(intake);
        List<Question> pending = status(intake).isOpen() ? settle(intake, answers, skipped) : List.of();
        return view(intake, answers, skipped, pending);
    }

    /**
     * Adds or changes answers and skips optional questions. The merged answers must pass the same validation as
     * an assessment (partial: required ones may still be missing); a stored answer whose question the change made
     * irrelevant is dropped and recorded. Nothing is stored unless everything is valid; {@code beforeWrite} runs
     * once it is, before anything is stored. {@code requestProblems} are problems already found in the rest of the
     * request (a field of the wrong type, an unknown field), reported in the same 400 as the answers' problems.
     */
    @Transactional(dontRollbackOn = IntakeConflictException.class)
    public Conversation answer(String id, JsonNode given, List<String> skip, List<FieldError> requestProblems,
            Runnable beforeWrite) {
        Intake intake = load(id);
        requireOpen(intake);
        Questionnaire questionnaire = engine.knowledgeBase().questionnaire();
        List<String> skips = skip == null ? List.of() : skip;
        if (given == null || given.isNull()) {
            if (skips.isEmpty()) {
                throw new InvalidAnswersException(with(requestProblems, new FieldError("/answers",
                        "is required: answer at least one question, or list optional questions under skip")));
            }
            given = json.createObjectNode();
        } else if (given.isObject() && given.isEmpty() && skips.isEmpty()) {
            throw new InvalidAnswersException(with(requestProblems,
                    new FieldError("/answers", "must answer at least one question")));
        }
        Map<String, Object> stored = answers(intake);
        Instant now = clock.now();
        List<Conversation.Change> dropped = new ArrayList<>();
        Merge merge = merge(questionnaire, stored, given, now, dropped);
        List<FieldError> errors = new ArrayList<>(requestProblems);
        errors.addAll(merge.errors());
        errors.addAll(checkSkips(questionnaire, skips, given, merge.valid()));
        if (!errors.isEmpty()) {
            throw new InvalidAnswersException(errors);
        }
        beforeWrite.run();
        Map<String, Object> valid = ordered(questionnaire, merge.valid());

        List<Conversation.Change> changes = new ArrayList<>();
        for (Map.Entry<String, Object> e : valid.entrySet()) {
            Object before = stored.get(e.getKey());
            if (before != null && given.has(e.getKey()) && !tree(before).equals(tree(e.getValue()))) {
                changes.add(new Conversation.Change(now, CHANGED, e.getKey(), tree(before), tree(e.getValue()), null));
            }
        }
        changes.addAll(dropped);

        Set<String> skipped = new LinkedHashSet<>(skipped(intake));
        skipped.addAll(skips);
        List<String> stillSkipped = questionnaire.items().stream()
                .filter(q -> skipped.contains(q.id()) && !valid.containsKey(q.id())
                        && EnableConditions.isEnabled(q, valid))
                .map(Question::id).toList();

        intake.answers = write(valid);
        intake.skipped = write(stillSkipped);
        intake.updatedAt = now;
        record(intake.id, changes);
        List<Question> pending = settle(intake, valid, stillSkipped);
        return view(intake, valid, stillSkipped, pending);
    }

    private static List<FieldError> with(List<FieldError> first, FieldError last) {
        List<FieldError> all = new ArrayList<>(first);
        all.add(last);
        return all;
    }

    /** The assessment of a conversation, and whether this call made it (false: it was made by an earlier call). */
    public record Assessed(AssessmentView assessment, boolean created) {
    }

    /**
     * Turns a complete or referred conversation into a stored assessment, through the same service and with the
     * same evaluation as {@code POST /api/v1/assessments}. A conversation still in progress whose required questions
     * are all answered may be assessed too (a chatbot may let the client stop before the optional questions): the
     * optional questions left are recorded as skipped, exactly as the same answers posted to assessments would be
     * evaluated. The Idempotency-Key {@code intake:<id>} means a retry after a failure cannot store a second one.
     * Once assessed, returns that same assessment again.
     * {@code beforeWrite} runs just before a new assessment is stored.
     */
    @Transactional(dontRollbackOn = IntakeConflictException.class)
    public Assessed assess(String id, Runnable beforeWrite) {
        Intake intake = load(id);
        if (intake.assessmentId != null) {
            return new Assessed(assessments.get(intake.assessmentId).orElseThrow(() -> new IllegalStateException(
                    "Intake " + intake.id + " refers to missing assessment " + intake.assessmentId)), false);
        }
        expireIfIdle(intake);
        Map<String, Object> answers = answers(intake);
        List<String> skipped = skipped(intake);
        List<Question> pending = status(intake).isOpen() ? settle(intake, answers, skipped) : List.of();
        IntakeStatus status = status(intake);
        if (status == IntakeStatus.EXPIRED) {
            throw IntakeConflictException.closed(closedDetail(intake, status));
        }
        Questionnaire questionnaire = engine.knowledgeBase().questionnaire();
        if (status == IntakeStatus.IN_PROGRESS) {
            List<String> required = requiredLeft(pending);
            if (!required.isEmpty()) {
                throw IntakeConflictException.notReady(required);
            }
            // Every required question is answered: the optional ones still unasked are passed over, as an optional
            // question left out of POST /api/v1/assessments is, and recorded as skipped.
            List<String> passed = new ArrayList<>(skipped);
            pending.forEach(q -> passed.add(q.id()));
            intake.skipped = write(passed);
        }
        JsonNode given = tree(answers);
        // A referral ends the conversation with required questions unasked: the engine refers on the red flag alone.
        Map<String, Object> valid = status == IntakeStatus.REFERRED
                ? AnswerValidator.validate(questionnaire, given, AnswerValidator.Mode.PARTIAL)
                : engine.validate(given, intake.clientRef);
        beforeWrite.run();
        AssessmentView assessment = assessments.createOrReplay(intake.clientRef, valid, "intake:" + intake.id)
                .view();
        // A referral stays `referred` once assessed: it is what the conversation ended with, and a client that reads
        // the status again must still see it. A complete conversation becomes `assessed`.
        if (status != IntakeStatus.REFERRED) {
            intake.status = IntakeStatus.ASSESSED.code();
        }
        intake.assessmentId = assessment.id();
        intake.updatedAt = clock.now();
        return new Assessed(assessment, true);
    }

    /** The ids of the required questions among those still to ask (a required question cannot be skipped). */
    private static List<String> requiredLeft(List<Question> pending) {
        return pending.stream().filter(Question::required).map(Question::id).toList();
    }

    // ---------------------------------------------------------------- the conversation's rules

    /** The questions still to ask, in asking order: red flags first, then the questionnaire's order. */
    static List<Question> pending(Questionnaire questionnaire, Map<String, Object> answers, List<String> skipped) {
        return Stream.concat(questionnaire.items().stream().filter(Question::isRedFlag),
                questionnaire.items().stream().filter(q -> !q.isRedFlag()))
                .filter(q -> !answers.containsKey(q.id()) && !skipped.contains(q.id())
                        && EnableConditions.isEnabled(q, answers))
                .toList();
    }

    /**
     * Sets the status of an open conversation from its answers and returns the questions still to ask. A red flag
     * answered yes is put to the engine, and when the engine refers, the conversation ends with its warnings.
     */
    private List<Question> settle(Intake intake, Map<String, Object> answers, List<String> skipped) {
        Questionnaire questionnaire = engine.knowledgeBase().questionnaire();
        // Only a red flag can refer on partial answers; without one the engine would need a complete answer set.
        if (AnswerValidator.anyRedFlag(questionnaire, answers)) {
            Evaluation evaluation = engine.evaluate(answers);
            if (Evaluation.REFER.equals(evaluation.outcome())) {
                intake.status = IntakeStatus.REFERRED.code();
                intake.warnings = write(evaluation.warnings());
                return List.of();
            }
        }
        List<Question> pending = pending(questionnaire, answers, skipped);
        intake.status = (pending.isEmpty() ? IntakeStatus.COMPLETE : IntakeStatus.IN_PROGRESS).code();
        intake.warnings = "[]";
        return pending;
    }

    private record Merge(Map<String, Object> valid, List<FieldError> errors) {
    }

    /**
     * Validates stored answers overlaid with the given ones. A stored answer the validator rejects (its question
     * is no longer enabled, or no longer fits a reloaded questionnaire) is dropped and validation repeats, since a
     * drop can disable further questions. Errors on given answers are the client's to fix.
     */
    private Merge merge(Questionnaire questionnaire, Map<String, Object> stored, JsonNode given, Instant now,
            List<Conversation.Change> dropped) {
        if (!given.isObject()) {
            AnswerValidator.validate(questionnaire, given, AnswerValidator.Mode.PARTIAL); // throws: names /answers
        }
        ObjectNode merged = json.valueToTree(stored);
        merged.setAll((ObjectNode) given);
        while (true) {
            try {
                return new Merge(AnswerValidator.validate(questionnaire, merged, AnswerValidator.Mode.PARTIAL),
                        List.of());
            } catch (InvalidAnswersException e) {
                List<String> toDrop = new ArrayList<>();
                for (FieldError error : e.errors()) {
                    String key = storedKey(merged, given, error);
                    if (key != null) {
                        toDrop.add(key);
                        dropped.add(new Conversation.Change(now, DROPPED, key, merged.get(key), null,
                                error.detail()));
                    }
                }
                if (toDrop.isEmpty()) {
                    return new Merge(null, e.errors());
                }
                toDrop.forEach(merged::remove);
            }
        }
    }

    /** The stored (not given) answer an error points at, or null. */
    private static String storedKey(ObjectNode merged, JsonNode given, FieldError error) {
        Iterator<String> names = merged.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!given.has(name) && FieldError.pointer("answers", name).equals(error.pointer())) {
                return name;
            }
        }
        return null;
    }

    /** Only optional, enabled, unanswered questions may be skipped. */
    private static List<FieldError> checkSkips(Questionnaire questionnaire, List<String> skips, JsonNode given,
            Map<String, Object> valid) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < skips.size(); i++) {
            String id = skips.get(i);
            String pointer = "/skip/" + i;
            Question q = id == null ? null : questionnaire.item(id).orElse(null);
            if (q == null) {
                errors.add(new FieldError(pointer, "is not a question of this questionnaire"));
            } else if (q.required()) {
                errors.add(new FieldError(pointer, "is required and cannot be skipped"));
            } else if (given.has(id)) {
                errors.add(new FieldError(pointer, "is answered in the same request"));
            } else if (valid != null && valid.containsKey(id)) {
                errors.add(new FieldError(pointer, "is already answered; send a new answer to change it"));
            } else if (valid != null && !EnableConditions.isEnabled(q, valid)) {
                errors.add(new FieldError(pointer, "is not asked unless " + EnableConditions.describe(q)));
            }
        }
        return errors;
    }

    // ---------------------------------------------------------------- state

    /** The intake in the caller's tenant, its row locked until the transaction ends. */
    private Intake load(String id) {
        if (!AssessmentService.isWellFormedId(id)) {
            throw notFound(id);
        }
        String normalised = id.toLowerCase(Locale.ROOT);
        return intakes.findForUpdate(AssessmentService.DEFAULT_TENANT, normalised).orElseThrow(() -> notFound(id));
    }

    private void requireOpen(Intake intake) {
        expireIfIdle(intake);
        IntakeStatus status = status(intake);
        if (!status.isOpen()) {
            throw IntakeConflictException.closed(closedDetail(intake, status));
        }
    }

    private String closedDetail(Intake intake, IntakeStatus status) {
        return switch (status) {
            case REFERRED -> "Intake " + intake.id + " ended with a referral: a red-flag answer needs a medical "
                    + "professional first, so it takes no more answers";
            case ASSESSED -> "Intake " + intake.id + " was assessed (assessment " + intake.assessmentId
                    + ") and takes no more answers; start a new intake to change them";
            case EXPIRED -> "Intake " + intake.id + " expired after more than " + idleTimeout
                    + " without an answer: its answers, red flags included, are no longer a current screening; "
                    + "start a new intake";
            default -> "Intake " + intake.id + " is " + status.code();
        };
    }

    /** Open conversations idle longer than the timeout expire; checked whenever one is read or answered. */
    private void expireIfIdle(Intake intake) {
        if (status(intake).isOpen() && clock.now().isAfter(intake.updatedAt.plus(idleTimeout))) {
            intake.status = IntakeStatus.EXPIRED.code();
        }
    }

    private static IntakeStatus status(Intake intake) {
        return IntakeStatus.of(intake.status);
    }

    private Conversation view(Intake intake, Map<String, Object> answers, List<String> skipped,
            List<Question> pending) {
        IntakeStatus status = status(intake);
        List<Conversation.Change> history = events.history(intake.id).stream()
                .map(e -> new Conversation.Change(e.at, e.type, e.questionId, parse(e.from), parse(e.to), e.detail))
                .toList();
        Instant expiresAt = status.isOpen() || status == IntakeStatus.EXPIRED ? intake.updatedAt.plus(idleTimeout)
                : null;
        // Assessable: what POST .../assessment would answer with 201 (an assessment made, or to be made now).
        boolean assessable = intake.assessmentId != null || switch (status) {
            case COMPLETE, REFERRED -> true;
            case IN_PROGRESS -> requiredLeft(pending).isEmpty();
            default -> false;
        };
        return new Conversation(intake.id, status, intake.clientRef, answers, skipped,
                pending.isEmpty() ? null : pending.get(0), pending.size(), assessable, parse(intake.warnings),
                history, intake.assessmentId, intake.createdAt, intake.updatedAt, expiresAt);
    }

    private void record(String intakeId, List<Conversation.Change> changes) {
        int seq = (int) events.count("intakeId", intakeId);
        for (Conversation.Change c : changes) {
            IntakeEvent e = new IntakeEvent();
            e.id = UUID.randomUUID().toString();
            e.intakeId = intakeId;
            e.seq = ++seq;
            e.at = c.at();
            e.type = c.type();
            e.questionId = c.questionId();
            e.from = c.from() == null ? null : c.from().toString();
            e.to = c.to() == null ? null : c.to().toString();
            e.detail = c.detail() == null || c.detail().length() <= 1000 ? c.detail() : c.detail().substring(0, 1000);
            events.persist(e);
        }
    }

    /** Answers in questionnaire order, so that stored and returned answers read like the questionnaire. */
    private static Map<String, Object> ordered(Questionnaire questionnaire, Map<String, Object> answers) {
        Map<String, Object> out = new LinkedHashMap<>();
        questionnaire.items().forEach(q -> {
            if (answers.containsKey(q.id())) {
                out.put(q.id(), answers.get(q.id()));
            }
        });
        answers.forEach(out::putIfAbsent);
        return out;
    }

    // ---------------------------------------------------------------- JSON columns

    Map<String, Object> answers(Intake intake) {
        return read(intake.answers, new TypeReference<LinkedHashMap<String, Object>>() {
        });
    }

    private List<String> skipped(Intake intake) {
        return read(intake.skipped, new TypeReference<List<String>>() {
        });
    }

    private JsonNode tree(Object value) {
        return json.valueToTree(value);
    }

    private JsonNode parse(String text) {
        return text == null ? null : read(text, new TypeReference<JsonNode>() {
        });
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Stored intake JSON is unreadable", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ProblemException notFound(String id) {
        return ProblemException.notFound("Intake", id);
    }
}

package org.posturecoach.persistence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.posturecoach.domain.Questionnaire;
import org.posturecoach.engine.AnswerValidator;
import org.posturecoach.engine.AssessmentEngine;
import org.posturecoach.engine.Evaluation;
import org.posturecoach.engine.FieldError;
import org.posturecoach.engine.InvalidAnswersException;
import org.posturecoach.rest.AssessmentView;
import org.posturecoach.rest.exception.Problem;
import org.posturecoach.rest.exception.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Stores, reads, lists and replays assessments. Every door that turns answers into a stored assessment (the REST
 * POST, a finished intake conversation) calls {@link #create}.
 *
 * <p>Writes run in a transaction of their own ({@code requiringNew}) that has committed when {@code create}
 * returns, so a 201 is never sent for a row that could still roll back. The rules run before it: no connection is
 * held while Drools works.
 *
 * <p>Idempotency: a key is stored on the row it created, in the same transaction, and kept as long as the row.
 * The unique constraint on (tenant, key) settles concurrent retries: the loser re-reads the winner's row.
 */
@ApplicationScoped
public class AssessmentService {

    private static final Logger LOG = Logger.getLogger(AssessmentService.class);

    /** Until authentication arrives, every assessment belongs to this tenant. */
    public static final String DEFAULT_TENANT = "default";
    public static final int MAX_IDEMPOTENCY_KEY = 200;
    public static final String IDEMPOTENCY_KEY_POINTER = "/headers/Idempotency-Key";

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final TypeReference<LinkedHashMap<String, Object>> ANSWERS = new TypeReference<>() {
    };
    /** How long a retry waits for a concurrent request with the same key to commit: 40 × 25 ms. */
    private static final int WINNER_POLLS = 40;
    private static final long WINNER_POLL_MILLIS = 25;

    /** A stored or replayed assessment; {@code replayed} when an earlier request with the same key made it. */
    public record Created(AssessmentView view, boolean replayed) {
    }

    @Inject
    AssessmentRepository repository;

    @Inject
    AssessmentEngine engine;

    @Inject
    ObjectMapper mapper;

    private ObjectMapper stored;

    /** Stored JSON is read leniently: a field that a later version dropped must not make old rows unreadable. */
    @PostConstruct
    void init() {
        stored = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Evaluates answers that already passed {@link AssessmentEngine#validate} and stores the assessment. */
    public AssessmentView create(String clientRef, Map<String, Object> validAnswers, String idempotencyKey) {
        return createOrReplay(clientRef, validAnswers, idempotencyKey).view();
    }

    /**
     * As {@link #create}, telling whether the result was made now or by an earlier request with the same key.
     *
     * @throws ProblemException 400 for a malformed key, 422 when the key was used with another request, 409 when a
     *         request with the same key is still being stored
     */
    public Created createOrReplay(String clientRef, Map<String, Object> validAnswers, String idempotencyKey) {
        List<FieldError> keyErrors = checkIdempotencyKey(idempotencyKey);
        if (!keyErrors.isEmpty()) {
            throw ProblemException.invalid(keyErrors);
        }
        String tenant = DEFAULT_TENANT;
        String hash = idempotencyKey == null ? null : requestHash(clientRef, validAnswers);
        if (idempotencyKey != null) {
            Optional<AssessmentEntity> earlier = byKey(tenant, idempotencyKey);
            if (earlier.isPresent()) {
                return new Created(sameRequestOrFail(earlier.get(), hash), true);
            }
        }
        Evaluation evaluation = engine.evaluate(validAnswers);
        AssessmentEntity row = new AssessmentEntity();
        row.id = UUID.randomUUID().toString();
        row.tenantId = tenant;
        row.clientRef = clientRef;
        row.answers = write(validAnswers);
        row.result = write(evaluation);
        row.knowledgeBaseVersion = evaluation.knowledgeBaseVersion();
        row.outcome = evaluation.outcome();
        // Both databases keep microseconds: truncate so that what we answer now is what a GET reads later.
        row.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        row.idempotencyKey = idempotencyKey;
        row.requestHash = hash;
        try {
            QuarkusTransaction.requiringNew().run(() -> repository.persistAndFlush(row));
        } catch (RuntimeException e) {
            if (idempotencyKey == null || !isUniqueViolation(e)) {
                throw e;
            }
            // A concurrent request with the same key won the unique constraint: answer with its row.
            return new Created(sameRequestOrFail(awaitWinner(tenant, idempotencyKey, e), hash), true);
        }
        return new Created(AssessmentView.of(row.id, row.createdAt, clientRef, validAnswers, evaluation), false);
    }

    /** The assessment with this id in the current tenant; empty for an unknown or malformed id. */
    public Optional<AssessmentView> get(String id) {
        return load(id).map(this::view);
    }

    /** One page, newest first; a null clientRef lists the whole tenant. */
    public AssessmentPage list(String clientRef, int page, int size) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            long total = repository.countFor(DEFAULT_TENANT, clientRef);
            List<AssessmentView> items = repository
                    .listNewestFirst(DEFAULT_TENANT, clientRef, Math.multiplyExact(page, size), size)
                    .stream().map(this::view).toList();
            return new AssessmentPage(items, page, size, total);
        });
    }

    /**
     * Evaluates the stored answers again under the current knowledge base, stores nothing, and says what changed.
     *
     * <p>Every assessment the service stores can be replayed. Most carry a complete answer set; a referral made
     * from an intake conversation stops at the red flag, before later required questions, and is accepted the way
     * the intake accepted it: each answer valid and enabled, and a red flag answered true on which the current
     * rules still refer. The clientRef is not checked again: it is no answer, and was checked when stored.
     *
     * @throws ProblemException 409 when the stored answers no longer fit the current questionnaire (an unknown
     *         question, a value out of range, a question no longer enabled, or required answers missing from what
     *         is no longer a referral), naming each answer under {@code errors}
     */
    public Optional<Replay> replay(String id) {
        Optional<AssessmentEntity> found = load(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AssessmentEntity row = found.get();
        Evaluation before = read(row.result, Evaluation.class);
        Questionnaire questionnaire = engine.knowledgeBase().questionnaire();
        Map<String, Object> answers;
        try {
            answers = AnswerValidator.validate(questionnaire, stored.readTree(row.answers),
                    AnswerValidator.Mode.PARTIAL);
        } catch (InvalidAnswersException e) {
            throw noLongerFits(e.errors());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored answers of assessment " + row.id + " are not JSON", e);
        }
        // Only a red flag lets the rules decide on partial answers (they refer on it alone), as in an intake.
        List<FieldError> missing = AnswerValidator.consistency(questionnaire, answers, AnswerValidator.Mode.COMPLETE);
        if (!missing.isEmpty() && !AnswerValidator.anyRedFlag(questionnaire, answers)) {
            throw noLongerFits(missing);
        }
        Evaluation after = engine.evaluate(answers);
        if (!missing.isEmpty() && !Evaluation.REFER.equals(after.outcome())) {
            throw noLongerFits(missing);
        }
        AssessmentView view = AssessmentView.of(row.id, row.createdAt, row.clientRef, answers, after);
        return Optional.of(new Replay(view, AssessmentDiff.between(before, after)));
    }

    private static ProblemException noLongerFits(List<FieldError> errors) {
        return ProblemException.of(new Problem(Problem.typeFor(409), "Answers no longer fit the questionnaire", 409,
                "The stored answers are not valid under the current questionnaire: "
                        + errors.stream().map(f -> f.pointer() + " " + f.detail()).toList(),
                List.copyOf(errors)));
    }

    /**
     * A key is 1 to 200 bytes, or absent. HTTP header values are bytes (read one character per byte), so a key is
     * counted in bytes: 200 ASCII characters, fewer when UTF-8 text is sent.
     */
    public static List<FieldError> checkIdempotencyKey(String key) {
        if (key != null && (key.isBlank() || key.length() > MAX_IDEMPOTENCY_KEY)) {
            return List.of(new FieldError(IDEMPOTENCY_KEY_POINTER,
                    "must be 1 to " + MAX_IDEMPOTENCY_KEY + " bytes (" + MAX_IDEMPOTENCY_KEY
                            + " ASCII characters), not blank"));
        }
        return List.of();
    }

    /** Ids are random UUIDs: anything else cannot exist and is not looked up. */
    public static boolean isWellFormedId(String id) {
        return id != null && UUID_TEXT.matcher(id).matches();
    }

    private Optional<AssessmentEntity> load(String id) {
        if (!isWellFormedId(id)) {
            return Optional.empty();
        }
        String normalised = id.toLowerCase(java.util.Locale.ROOT);
        return QuarkusTransaction.joiningExisting().call(() -> repository.findByTenant(DEFAULT_TENANT, normalised));
    }

    private Optional<AssessmentEntity> byKey(String tenant, String key) {
        return QuarkusTransaction.requiringNew().call(() -> repository.findByIdempotencyKey(tenant, key));
    }

    /** SQLSTATE 23505 (unique_violation) anywhere in the cause chain, as both H2 and PostgreSQL report it. */
    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Waits, bounded, for the transaction that holds the same key to commit; a 409 if it never shows. */
    private AssessmentEntity awaitWinner(String tenant, String key, RuntimeException cause) {
        for (int i = 0; i < WINNER_POLLS; i++) {
            Optional<AssessmentEntity> winner = byKey(tenant, key);
            if (winner.isPresent()) {
                return winner.get();
            }
            try {
                Thread.sleep(WINNER_POLL_MILLIS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        LOG.warnf(cause, "Idempotency-Key collided but no committed row holds it after %d ms",
                WINNER_POLLS * WINNER_POLL_MILLIS);
        throw new ProblemException(409, "Request in progress",
                "A request with this Idempotency-Key is still being processed; retry it shortly");
    }

    private AssessmentView sameRequestOrFail(AssessmentEntity earlier, String hash) {
        if (!java.util.Objects.equals(earlier.requestHash, hash)) {
            throw new ProblemException(422, "Idempotency-Key reused",
                    "This Idempotency-Key was used for a request with a different body; "
                            + "use a new key for a new request");
        }
        return view(earlier);
    }

    private AssessmentView view(AssessmentEntity row) {
        Map<String, Object> answers = read(row.answers, ANSWERS);
        return AssessmentView.of(row.id, row.createdAt, row.clientRef, answers, read(row.result, Evaluation.class));
    }

    /** SHA-256 over clientRef and the answers with their keys sorted: the same request hashes the same. */
    String requestHash(String clientRef, Map<String, Object> answers) {
        Map<String, Object> canonical = new TreeMap<>();
        canonical.put("answers", new TreeMap<>(answers));
        canonical.put("clientRef", clientRef);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(write(canonical).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return stored.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored " + type.getSimpleName() + " is not readable", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return stored.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON is not readable", e);
        }
    }
}

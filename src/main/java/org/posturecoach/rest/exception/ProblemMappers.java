package org.posturecoach.rest.exception;

import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.posturecoach.engine.FieldError;
import org.posturecoach.engine.InvalidAnswersException;
import org.posturecoach.rest.AllowedMethods;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.netty.handler.codec.DecoderException;
import io.vertx.core.http.HttpClosedException;

/**
 * Every error leaves as application/problem+json. Bodies never carry a stack trace, class name or SQL; a 5xx is
 * logged with its cause and answered with a generic detail.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
    }

    @ServerExceptionMapper
    public Response invalidAnswers(InvalidAnswersException e) {
        return respond(Problem.invalid(e.errors().size() + " field(s) are invalid", e.errors()));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(new FieldError(pointer(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort(java.util.Comparator.comparing(FieldError::pointer));
        return respond(Problem.invalid(errors.size() + " field(s) are invalid", errors));
    }

    /**
     * A body that cannot be read. Malformed JSON (a syntax error, a truncated body, a key given twice, content after
     * the JSON value) is told apart from well-formed JSON of the wrong shape, which names the field at fault.
     */
    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        JsonProcessingException syntax = syntaxError(e);
        if (syntax instanceof StreamConstraintsException limit) {
            // Over the parser's limits (a number of more than 1,000 digits, nesting deeper than 1,000 levels): named
            // at the field Jackson was reading, or at the whole body when it was the body itself.
            String pointer = e instanceof JsonMappingException m ? pointer(m) : "";
            return respond(overLimits(limit, pointer));
        }
        if (syntax != null) {
            return respond(malformed(syntax));
        }
        if (e instanceof MismatchedInputException m && trailingContent(m)) {
            return respond(Problem.malformed(NOT_JSON + at(m) + ": more content follows the JSON value "
                    + "(send exactly one JSON object)", null));
        }
        if (e instanceof JsonMappingException m && m.getPath().isEmpty()) {
            return respond(Problem.invalid("The request body must be a JSON object",
                    List.of(new FieldError("", "must be a JSON object"))));
        }
        if (e instanceof JsonMappingException m) {
            String detail = e instanceof UnrecognizedPropertyException ? "is not a known field"
                    : "has the wrong type";
            return respond(Problem.invalid("The request body does not match the expected shape",
                    List.of(new FieldError(pointer(m), detail))));
        }
        return respond(Problem.malformed(NOT_JSON + at(e), null));
    }

    /** The JSON pointer of the field Jackson was reading when it failed. */
    private static String pointer(JsonMappingException m) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            pointer.append(r.getFieldName() != null ? FieldError.pointer(r.getFieldName()) : "/" + r.getIndex());
        }
        return pointer.toString();
    }

    /**
     * A body over the parser's limits, naming the value that broke them; the same answer whichever reader met it
     * (see {@code Requests.object} for the bodies read as trees).
     */
    public static Problem overLimits(StreamConstraintsException e, String pointer) {
        String limit = e.getOriginalMessage() == null ? "exceeds this service's limits"
                : e.getOriginalMessage().replaceAll(", from `[^`]*`", "");
        return Problem.malformed(NOT_JSON + " within this service's limits (nesting depth, number or text length)",
                List.of(new FieldError(pointer, limit)));
    }

    private static final String NOT_JSON = "The request body is not valid JSON";

    /**
     * The parser's own error (a syntax error, end of input, a duplicate key, a limit exceeded), also when Jackson
     * wrapped it while building a field (then it would otherwise read as that field's "wrong type"). A number too
     * large for its target is no syntax error: it stays a shape error.
     */
    private static JsonProcessingException syntaxError(Throwable e) {
        return (JsonProcessingException) firstCause(e, t -> t instanceof StreamReadException
                && !(t instanceof InputCoercionException) || t instanceof StreamConstraintsException);
    }

    /** The first of an exception and its causes that matches, or null. */
    private static Throwable firstCause(Throwable e, Predicate<Throwable> matches) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (matches.test(t)) {
                return t;
            }
        }
        return null;
    }

    private static Problem malformed(JsonProcessingException e) {
        if (e instanceof StreamReadException s && s.getProcessor() != null) {
            JsonStreamContext context = s.getProcessor().getParsingContext();
            String key = context == null ? null : context.getCurrentName();
            // STRICT_DUPLICATE_DETECTION reports exactly this text; the parser still stands on the repeated key.
            if (key != null && ("Duplicate field '" + key + "'").equals(e.getOriginalMessage())) {
                String pointer = context.pathAsPointer().toString();
                return Problem.malformed(NOT_JSON + at(e) + ": the key \"" + key + "\" is given twice in one object ("
                        + pointer + ")", List.of(new FieldError(pointer, "duplicate key")));
            }
        }
        if (e instanceof JsonEOFException) {
            return Problem.malformed(NOT_JSON + at(e) + ": the body ends before the JSON value is complete", null);
        }
        String reason = reason(e);
        return Problem.malformed(NOT_JSON + at(e) + (reason.isEmpty() ? "" : ": " + reason), null);
    }

    /**
     * Content after the one JSON value (FAIL_ON_TRAILING_TOKENS): the parser then stands on a second value at the
     * root, which a shape error in the first value never does.
     */
    private static boolean trailingContent(MismatchedInputException e) {
        if (!(e.getProcessor() instanceof JsonParser p) || p.getParsingContext() == null) {
            return false;
        }
        JsonStreamContext root = p.getParsingContext();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return root.getCurrentIndex() > 0;
    }

    /** " at line L, column C" when the parser knows it. */
    private static String at(JsonProcessingException e) {
        JsonLocation l = e.getLocation();
        return l == null || l.getLineNr() < 1 ? "" : " at line " + l.getLineNr() + ", column " + l.getColumnNr();
    }

    /**
     * The parser's reason in words ("Unrecognized token 'tru': was expecting ..."), without source locations and
     * without the parser's advice on its own switches ("enable JsonReadFeature..."), which means nothing to a client.
     */
    private static String reason(JsonProcessingException e) {
        String text = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        for (String cut : new String[] { "\n", " (start marker at", " at [Source", ": enable ", " (not recognized as one since" }) {
            int i = text.indexOf(cut);
            if (i >= 0) {
                text = text.substring(0, i);
            }
        }
        text = text.strip();
        if (text.startsWith("Non-standard token")) {
            text += ": JSON numbers are finite (no NaN or Infinity)";
        }
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    /** More specific than Jackson's built-in mapper, which answers with an empty body. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return respond(Problem.of(404, "Not found", "No resource at this path"));
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        // RFC 9110 section 15.5.6: a 405 names the methods the path does accept. Quarkus REST throws its 405 without
        // them, so they come from the resource classes' annotations.
        String given = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        String allow = given == null || given.isBlank()
                ? AllowedMethods.API.allow(AllowedMethods.matchPath(uri.getPath(), uri.getRequestUri().getRawPath()))
                : given;
        String detail = "This path does not accept that HTTP method";
        if (allow == null) {
            return respond(Problem.of(405, "Method not allowed", detail));
        }
        return Response.fromResponse(respond(Problem.of(405, "Method not allowed", detail + "; it accepts " + allow)))
                .header(HttpHeaders.ALLOW, allow).build();
    }

    @ServerExceptionMapper
    public Response notSupported(NotSupportedException e) {
        return respond(Problem.of(415, "Unsupported media type", "Send the body as application/json"));
    }

    /** An Accept that takes neither application/json nor problem+json. */
    public static final Problem NOT_ACCEPTABLE = Problem.of(406, "Not acceptable",
            "This resource answers in application/json");

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e) {
        return respond(NOT_ACCEPTABLE);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException jpe) {
            return json(jpe);
        }
        if (status >= 500) {
            LOG.error("Request failed", e);
            return respond(Problem.of(status, "Internal error", "The service could not complete the request"));
        }
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return respond(Problem.of(status, title, status == 400 ? "The request could not be read" : title));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (clientGone(e)) {
            // The client closed the connection while its request was read: nobody is left to answer, nothing failed.
            LOG.debugf("Client closed the connection: %s", e);
            return respond(Problem.of(400, "Bad Request", "The connection closed before the request was read"));
        }
        if (badFraming(e)) {
            // The client's HTTP framing broke while its body was read (a chunk size that is no hex number, a chunk not
            // ended by CR LF): its mistake, not ours. The connection is closed; the answer is for the record.
            LOG.debugf("Malformed request framing: %s", e);
            return respond(Problem.of(400, "Bad Request", "The request body's HTTP framing is malformed"));
        }
        LOG.error("Unexpected error", e);
        return respond(Problem.of(500, "Internal error", "The service could not complete the request"));
    }

    /** Netty's decoder refused the body's framing, as reading the body reports it (an IOException around it). */
    private static boolean badFraming(Throwable e) {
        // Netty reports a bad chunk size as a NumberFormatException, a trailer line without a colon as an
        // IllegalArgumentException, the rest as DecoderExceptions.
        return firstCause(e, t -> t instanceof java.io.IOException && firstCause(t, c -> c instanceof DecoderException
                || c instanceof NumberFormatException || c instanceof IllegalArgumentException) != null) != null;
    }

    private static boolean clientGone(Throwable e) {
        // Vert.x's own close, or the channel's (which one depends on when the hang-up is seen).
        return firstCause(e, t -> t instanceof HttpClosedException || t instanceof ClosedChannelException) != null;
    }

    public static Response respond(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    /** "create.request.clientRef" → "/clientRef": drop the method and parameter nodes. */
    private static String pointer(Path path) {
        List<String> names = new ArrayList<>();
        for (Path.Node n : path) {
            if (n.getKind() == jakarta.validation.ElementKind.PROPERTY || n.getKind() == jakarta.validation.ElementKind.CONTAINER_ELEMENT) {
                names.add(n.getName());
            }
        }
        return names.isEmpty() ? "/" : FieldError.pointer(names.toArray(String[]::new));
    }
}

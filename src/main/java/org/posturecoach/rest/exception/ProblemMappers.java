package org.posturecoach.rest.exception;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.posturecoach.engine.FieldError;
import org.posturecoach.engine.InvalidAnswersException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

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

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        if (e instanceof JsonMappingException m && m.getPath().isEmpty()) {
            return respond(Problem.invalid("The request body must be a JSON object",
                    List.of(new FieldError("", "must be a JSON object"))));
        }
        if (e instanceof JsonMappingException m) {
            StringBuilder pointer = new StringBuilder();
            for (JsonMappingException.Reference r : m.getPath()) {
                pointer.append('/').append(r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()));
            }
            String detail = e instanceof UnrecognizedPropertyException ? "is not a known field"
                    : "has the wrong type";
            return respond(Problem.invalid("The request body does not match the expected shape",
                    List.of(new FieldError(pointer.toString(), detail))));
        }
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return respond(Problem.of(400, "Malformed JSON", "The request body is not valid JSON" + where));
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
    public Response notAllowed(NotAllowedException e) {
        return respond(Problem.of(405, "Method not allowed", "This path does not accept that HTTP method"));
    }

    @ServerExceptionMapper
    public Response notSupported(NotSupportedException e) {
        return respond(Problem.of(415, "Unsupported media type", "Send the body as application/json"));
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e) {
        return respond(Problem.of(406, "Not acceptable", "This resource answers in application/json"));
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
        LOG.error("Unexpected error", e);
        return respond(Problem.of(500, "Internal error", "The service could not complete the request"));
    }

    static Response respond(Problem p) {
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

package org.posturecoach.rest;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One turn of an intake: {@code answers} (questionId: value, one or several; raw JSON so that validation can point
 * at each field) and, optionally, {@code skip}: ids of optional questions the client prefers not to answer.
 */
public record IntakeAnswersRequest(JsonNode answers, List<String> skip) {
}

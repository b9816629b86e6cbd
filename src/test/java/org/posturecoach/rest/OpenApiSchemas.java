package org.posturecoach.rest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks JSON values against the schemas of the service's own OpenAPI 3.1 document, as a strict generated client
 * reads them: {@code $ref}, {@code type} (a name or a list, {@code "null"} included), {@code properties},
 * {@code required}, {@code items}, {@code additionalProperties}, {@code enum}, {@code anyOf}, {@code oneOf},
 * {@code minimum}, {@code maximum}, {@code maxLength} and {@code uniqueItems}.
 * Stricter than JSON Schema in one way: an object whose schema lists properties may carry no property it does not
 * list (a field the document does not name is one a generated client drops).
 */
final class OpenApiSchemas {

    private final JsonNode document;

    OpenApiSchemas(JsonNode document) {
        this.document = document;
    }

    /** The schema of a response body: {@code paths.<path>.<method>.responses.<status>.content.<mediaType>.schema}. */
    JsonNode responseSchema(String path, String method, int status, String mediaType) {
        return document.path("paths").path(path).path(method).path("responses").path(String.valueOf(status))
                .path("content").path(mediaType).path("schema");
    }

    JsonNode response(String path, String method, int status) {
        return document.path("paths").path(path).path(method).path("responses").path(String.valueOf(status));
    }

    JsonNode requestSchema(String path, String method) {
        return document.path("paths").path(path).path(method).path("requestBody").path("content")
                .path("application/json").path("schema");
    }

    JsonNode component(String name) {
        return document.path("components").path("schemas").path(name);
    }

    /** Every way {@code value} breaks {@code schema}, each as "pointer: what"; empty when it conforms. */
    List<String> violations(JsonNode value, JsonNode schema) {
        List<String> out = new ArrayList<>();
        check(value, schema, "", out);
        return out;
    }

    private void check(JsonNode value, JsonNode schema, String at, List<String> out) {
        if (schema.isMissingNode()) {
            out.add(at + ": no schema");
            return;
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            JsonNode target = component(ref.substring(ref.lastIndexOf('/') + 1));
            if (target.isMissingNode()) {
                out.add(at + ": dangling " + ref);
                return;
            }
            check(value, target, at, out);
        }
        for (String combinator : new String[] { "anyOf", "oneOf" }) {
            if (schema.has(combinator)) {
                int matching = 0;
                for (JsonNode option : schema.get(combinator)) {
                    if (violations(value, option).isEmpty()) {
                        matching++;
                    }
                }
                if (matching == 0 || ("oneOf".equals(combinator) && matching > 1)) {
                    out.add(at + ": " + matching + " of the " + combinator + " options match " + brief(value));
                }
            }
        }
        if (schema.has("type") && !typeAllows(schema.get("type"), value)) {
            out.add(at + ": " + brief(value) + " is not " + schema.get("type"));
            return;
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode option : schema.get("enum")) {
                listed |= option.equals(value);
            }
            if (!listed) {
                out.add(at + ": " + brief(value) + " is not in " + schema.get("enum"));
            }
        }
        if (value.isNumber() && schema.has("minimum") && value.decimalValue().compareTo(schema.get("minimum")
                .decimalValue()) < 0) {
            out.add(at + ": " + value + " is below " + schema.get("minimum"));
        }
        if (value.isNumber() && schema.has("maximum") && value.decimalValue().compareTo(schema.get("maximum")
                .decimalValue()) > 0) {
            out.add(at + ": " + value + " is above " + schema.get("maximum"));
        }
        if (value.isTextual() && schema.has("maxLength")
                && value.asText().codePointCount(0, value.asText().length()) > schema.get("maxLength").asInt()) {
            out.add(at + ": longer than " + schema.get("maxLength"));
        }
        if (value.isArray() && schema.path("uniqueItems").asBoolean()) {
            Set<JsonNode> seen = new HashSet<>();
            value.forEach(e -> {
                if (!seen.add(e)) {
                    out.add(at + ": lists " + e + " twice");
                }
            });
        }
        if (value.isObject()) {
            JsonNode properties = schema.path("properties");
            for (JsonNode name : schema.path("required")) {
                if (!value.has(name.asText())) {
                    out.add(at + "/" + name.asText() + ": required but absent");
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                String where = at + "/" + field.getKey();
                if (properties.has(field.getKey())) {
                    check(field.getValue(), properties.get(field.getKey()), where, out);
                } else if (schema.has("additionalProperties")) {
                    JsonNode additional = schema.get("additionalProperties");
                    if (additional.isBoolean()) {
                        if (!additional.asBoolean()) {
                            out.add(where + ": not allowed");
                        }
                    } else {
                        check(field.getValue(), additional, where, out);
                    }
                } else if (properties.size() > 0) {
                    out.add(where + ": not in the document");
                }
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), schema.get("items"), at + "/" + i, out);
            }
        }
    }

    private static boolean typeAllows(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeAllows(t, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "null" -> value.isNull();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "boolean" -> value.isBoolean();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            default -> false;
        };
    }

    private static String brief(JsonNode value) {
        String text = value.toString();
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}

package org.posturecoach.engine;

/** One problem with the input: an RFC 6901 JSON pointer into the request body and what is wrong there. */
public record FieldError(String pointer, String detail) {

    public static String pointer(String... segments) {
        StringBuilder sb = new StringBuilder();
        for (String s : segments) {
            sb.append('/').append(s.replace("~", "~0").replace("/", "~1"));
        }
        return sb.toString();
    }
}

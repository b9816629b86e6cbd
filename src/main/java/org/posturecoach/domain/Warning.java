package org.posturecoach.domain;

public final class Warning {
    private final String code;
    private final String severity;
    private final String message;
    private final Explanation explanation;

    public Warning(String code, String severity, String message, Explanation explanation) {
        this.code = code;
        this.severity = severity;
        this.message = message;
        this.explanation = explanation;
    }

    public String getCode() { return code; }
    public String getSeverity() { return severity; }
    public String getMessage() { return message; }
    public Explanation getExplanation() { return explanation; }
}

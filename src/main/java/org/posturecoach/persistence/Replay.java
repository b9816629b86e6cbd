package org.posturecoach.persistence;

import org.posturecoach.rest.AssessmentView;

/**
 * A stored assessment evaluated again under the current knowledge base. {@code assessment} keeps the stored id,
 * createdAt, clientRef and answers; it is not stored. {@code diff} says what changed against the stored result.
 */
public record Replay(AssessmentView assessment, AssessmentDiff diff) {
}

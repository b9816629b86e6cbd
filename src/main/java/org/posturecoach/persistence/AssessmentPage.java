package org.posturecoach.persistence;

import java.util.List;

import org.posturecoach.rest.AssessmentView;

/** One page of a client's assessments, newest first; {@code total} counts every page. */
public record AssessmentPage(List<AssessmentView> items, int page, int size, long total) {
}

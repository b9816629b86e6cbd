package org.posturecoach.knowledge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.posturecoach.domain.Catalogue;
import org.posturecoach.domain.Contraindication;
import org.posturecoach.domain.Exercise;
import org.posturecoach.domain.Levels;
import org.posturecoach.domain.Question;
import org.posturecoach.domain.QuestionOption;
import org.posturecoach.domain.Questionnaire;

/** Refuses a knowledge base whose data would break a contract promise; names the entry and field. */
final class CatalogueCheck {

    private final Catalogue catalogue;
    private final Questionnaire questionnaire;
    private final List<String> problems = new ArrayList<>();

    CatalogueCheck(Catalogue catalogue, Questionnaire questionnaire) {
        this.catalogue = catalogue;
        this.questionnaire = questionnaire;
    }

    void verify() {
        Set<String> equipmentCodes = new HashSet<>();
        questionnaire.item("equipment").ifPresentOrElse(
                q -> q.options().stream().map(QuestionOption::code).forEach(equipmentCodes::add),
                () -> problems.add(KnowledgeBaseLoader.QUESTIONNAIRE + ": no \"equipment\" question"));
        Set<String> ids = new HashSet<>();
        // A contraindication cites a seed the catalogue cites, or none (house policy).
        Set<String> seeds = new HashSet<>();
        catalogue.exercises().forEach(e -> seeds.addAll(e.getSources()));
        for (Exercise e : catalogue.exercises()) {
            String at = KnowledgeBaseLoader.CATALOGUE + " exercise " + e.getId() + ": ";
            if (e.getId() == null || !e.getId().matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                problems.add(at + "id must be kebab-case");
            }
            if (!ids.add(e.getId())) {
                problems.add(at + "duplicate id");
            }
            require(at, "name", e.getName() != null && !e.getName().isBlank());
            require(at, "category", Exercise.CATEGORIES.contains(e.getCategory()));
            require(at, "level", Levels.ALL.contains(e.getLevel()));
            require(at, "lowBackLoad", Exercise.LOW_BACK_LOADS.contains(e.getLowBackLoad()));
            require(at, "defaultDose.sets (1-5)", e.getDefaultDose() != null && e.getDefaultDose().sets() != null
                    && e.getDefaultDose().sets() >= 1 && e.getDefaultDose().sets() <= 5);
            require(at, "sources", !e.getSources().isEmpty());
            e.getEquipment().stream().filter(x -> "none".equals(x) || !equipmentCodes.contains(x))
                    .forEach(x -> problems.add(at + "unknown equipment " + x));
            for (Contraindication c : e.getContraindications()) {
                require(at, "contraindications.condition", c.condition() != null && !c.condition().isBlank());
                if (c.source() != null && !seeds.contains(c.source())) {
                    problems.add(at + "contraindication " + c.condition() + " cites " + c.source()
                            + ", which no exercise's sources name");
                }
            }
        }
        for (Exercise e : catalogue.exercises()) {
            Stream.of(e.getRelated().easier(), e.getRelated().harder(), e.getRelated().alternatives())
                    .flatMap(List::stream).filter(r -> !ids.contains(r))
                    .forEach(r -> problems.add(KnowledgeBaseLoader.CATALOGUE + " exercise " + e.getId()
                            + ": related id " + r + " is not in the catalogue"));
        }
        Set<String> qids = new HashSet<>();
        for (Question q : questionnaire.items()) {
            String at = KnowledgeBaseLoader.QUESTIONNAIRE + " item " + q.id() + ": ";
            if (!qids.add(q.id())) {
                problems.add(at + "duplicate id");
            }
            require(at, "type", Question.TYPES.contains(q.type()));
            if (("choice".equals(q.type()) || "multi-choice".equals(q.type()))
                    && (q.options() == null || q.options().isEmpty())) {
                problems.add(at + "options are required for " + q.type());
            }
        }
        for (Question q : questionnaire.items()) {
            if (q.enableWhen() != null) {
                q.enableWhen().stream().filter(w -> !qids.contains(w.question()))
                        .forEach(w -> problems.add(KnowledgeBaseLoader.QUESTIONNAIRE + " item " + q.id()
                                + ": enableWhen names unknown question " + w.question()));
            }
        }
        if (!problems.isEmpty()) {
            throw new KnowledgeBaseException("Knowledge base data is invalid:\n" + String.join("\n", problems));
        }
    }

    private void require(String at, String field, boolean ok) {
        if (!ok) {
            problems.add(at + field + " is missing or invalid");
        }
    }
}

package org.posturecoach.knowledge;

import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/** Loads the knowledge base at start; a broken rule file stops the start with file, line and message. */
@ApplicationScoped
public class KnowledgeBaseHolder {

    private static final Logger LOG = Logger.getLogger(KnowledgeBaseHolder.class);

    @ConfigProperty(name = "posturecoach.rules.path", defaultValue = "rules")
    String rulesPath;

    private volatile KnowledgeBase current;

    void onStart(@Observes StartupEvent event) {
        current();
    }

    public KnowledgeBase current() {
        KnowledgeBase kb = current;
        if (kb == null) {
            synchronized (this) {
                if (current == null) {
                    current = load();
                }
                kb = current;
            }
        }
        return kb;
    }

    public boolean isLoaded() {
        return current != null;
    }

    /** Re-reads the rules folder; on failure the previous knowledge base stays in force. */
    public synchronized KnowledgeBase reload() {
        current = load();
        return current;
    }

    private KnowledgeBase load() {
        Path path = Path.of(rulesPath);
        KnowledgeBase kb = new KnowledgeBaseLoader().load(path);
        LOG.infof("Knowledge base %s loaded from %s: %d rules, %d exercises, %d questions", kb.version(),
                path.toAbsolutePath(), kb.rulesByFile().values().stream().mapToInt(java.util.List::size).sum(),
                kb.exercises().size(), kb.questionnaire().items().size());
        return kb;
    }
}

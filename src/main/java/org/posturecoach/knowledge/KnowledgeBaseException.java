package org.posturecoach.knowledge;

/** The knowledge base cannot be loaded: the message names the file, the line where known, and what is wrong. */
public class KnowledgeBaseException extends RuntimeException {
    public KnowledgeBaseException(String message) {
        super(message);
    }

    public KnowledgeBaseException(String message, Throwable cause) {
        super(message, cause);
    }
}

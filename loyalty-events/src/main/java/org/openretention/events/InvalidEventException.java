package org.openretention.events;

import java.util.List;

/**
 * A record that is not a valid event: unparseable JSON, unknown type, missing required field or a wrong type.
 * {@link #problems()} names each offending field (as a JSON path) and what is wrong with it.
 */
public class InvalidEventException extends Exception {

    private final List<String> problems;

    public InvalidEventException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidEventException(String problem, Throwable cause) {
        super(problem, cause);
        this.problems = List.of(problem);
    }

    public List<String> problems() {
        return problems;
    }
}

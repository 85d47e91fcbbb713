package io.eventdesk.domain.error;

/**
 * Input the desk cannot use: a malformed file, a bad config value, an unknown key. The message says where
 * (source, line, field when known) and what was expected. Never thrown for a bug.
 */
public class BadInputException extends RuntimeException {
    private final String problem;
    private final String source;
    private final long line;
    private final String field;

    public BadInputException(String source, long line, String field, String problem) {
        this(source, line, field, problem, null);
    }

    public BadInputException(String source, long line, String field, String problem, Throwable cause) {
        super(describe(source, line, field, problem), cause);
        this.problem = problem;
        this.source = source;
        this.line = line;
        this.field = field;
    }

    public BadInputException(String problem) {
        this(null, 0, null, problem);
    }

    private static String describe(String source, long line, String field, String problem) {
        StringBuilder sb = new StringBuilder();
        if (source != null) {
            sb.append(source);
            if (line > 0) {
                sb.append(':').append(line);
            }
            sb.append(": ");
        } else if (line > 0) {
            sb.append("line ").append(line).append(": ");
        }
        if (field != null) {
            sb.append(field).append(": ");
        }
        return sb.append(problem).toString();
    }

    /** The file or config the problem is in, or {@code null}. */
    public String source() {
        return source;
    }

    /** The 1-based line, or 0 when not known. */
    public long line() {
        return line;
    }

    /** The field or key, or {@code null}. */
    public String field() {
        return field;
    }

    /** What is wrong, without where. */
    public String problem() {
        return problem;
    }

    /** The same problem located in {@code file} when it names no file of its own (a strategy's parameter, say). */
    public BadInputException in(String file) {
        return source != null ? this : new BadInputException(file, line, field, problem, this);
    }
}

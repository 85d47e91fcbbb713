package io.eventdesk.adapters.http;

/** A request the API refuses: its HTTP status, a title, what is wrong, and the field when one is to blame. */
final class ApiProblem extends RuntimeException {
    final int status;
    final String title;
    final String field;

    ApiProblem(int status, String title, String detail, String field) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.field = field;
    }

    ApiProblem(int status, String title, String detail) {
        this(status, title, detail, null);
    }
}

package dev.madoguchi.backend.http;

/** Thrown inside request handling to answer with a problem. */
final class ProblemException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    ProblemException(Problem problem) {
        super(problem.kind().code(), null, false, false);
        this.problem = problem;
    }

    ProblemException(ApiProblem kind, String detail) {
        this(new Problem(kind, detail));
    }

    Problem problem() {
        return problem;
    }
}

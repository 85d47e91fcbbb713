package io.eventdesk.domain.event;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The outcome of one risk rule on one order request: the rule, its stable denial code, whether the request passed,
 * and the compared values in words ({@code BTC-PERP position would be 6 > limit 5}).
 *
 * <p>The words are rendered when first asked for, from values captured when the rule ran: a run that journals
 * nothing does not pay for formatting every passed check.
 */
public final class RuleCheck {
    private final String rule;
    private final String code;
    private final boolean passed;
    private Supplier<String> render;
    private String detail;

    private RuleCheck(String rule, String code, boolean passed, Supplier<String> render) {
        this.rule = Objects.requireNonNull(rule);
        this.code = Objects.requireNonNull(code);
        this.passed = passed;
        this.render = Objects.requireNonNull(render);
    }

    /** A passed check; {@code detail} must capture only immutable values. */
    public static RuleCheck pass(String rule, String code, Supplier<String> detail) {
        return new RuleCheck(rule, code, true, detail);
    }

    /** A failed check; {@code detail} must capture only immutable values. */
    public static RuleCheck fail(String rule, String code, Supplier<String> detail) {
        return new RuleCheck(rule, code, false, detail);
    }

    public static RuleCheck pass(String rule, String code, String detail) {
        return pass(rule, code, () -> detail);
    }

    public static RuleCheck fail(String rule, String code, String detail) {
        return fail(rule, code, () -> detail);
    }

    /** The rule's name, e.g. {@code max-position}. */
    public String rule() {
        return rule;
    }

    /** The rule's stable denial code, e.g. {@code MAX_POSITION_EXCEEDED}. */
    public String code() {
        return code;
    }

    public boolean passed() {
        return passed;
    }

    /** The compared values in words. */
    public synchronized String detail() {
        if (detail == null) {
            detail = render.get();
            render = null;
        }
        return detail;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RuleCheck c
                && passed == c.passed
                && rule.equals(c.rule)
                && code.equals(c.code)
                && detail().equals(c.detail());
    }

    @Override
    public int hashCode() {
        return Objects.hash(rule, code, passed);
    }

    @Override
    public String toString() {
        return (passed ? "PASSED " : code + ": ") + detail();
    }
}

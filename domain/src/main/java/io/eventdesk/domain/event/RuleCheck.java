package io.eventdesk.domain.event;

/**
 * The outcome of one risk rule on one order request.
 *
 * @param rule the rule's name, e.g. {@code max-position}
 * @param code the rule's stable denial code, e.g. {@code MAX_POSITION_EXCEEDED}
 * @param passed whether the request passed this rule
 * @param detail the compared values, e.g. {@code BTC-PERP position would be 6 > limit 5}
 */
public record RuleCheck(String rule, String code, boolean passed, String detail) {
    public static RuleCheck pass(String rule, String code, String detail) {
        return new RuleCheck(rule, code, true, detail);
    }

    public static RuleCheck fail(String rule, String code, String detail) {
        return new RuleCheck(rule, code, false, detail);
    }

    @Override
    public String toString() {
        return (passed ? "PASSED " : code + ": ") + detail;
    }
}

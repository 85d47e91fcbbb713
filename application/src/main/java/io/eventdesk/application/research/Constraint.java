package io.eventdesk.application.research;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A condition between parameters ({@code fast < slow}, {@code strategy.params.fast * 2 <= slow} is not supported: one
 * comparison of two operands, each a parameter — by path, or by its last part when that is unique — or a number). A
 * combination that breaks one is skipped with the reason, not run.
 */
public record Constraint(String text, String left, String op, String right) {
    private static final Pattern FORM =
            Pattern.compile("\\s*([A-Za-z0-9_.\\-\\[\\]]+)\\s*(<=|>=|==|!=|<|>)\\s*([A-Za-z0-9_.\\-\\[\\]]+)\\s*");

    /**
     * Reads {@code text} against the swept parameters.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Constraint parse(String text, List<SweepParameter> parameters) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected 'a < b' (operators < <= > >= == !=; operands parameters or"
                    + " numbers), got '" + text + "'");
        }
        return new Constraint(
                text.trim(), resolve(m.group(1), parameters), m.group(2), resolve(m.group(3), parameters));
    }

    private static String resolve(String operand, List<SweepParameter> parameters) {
        if (isNumber(operand)) {
            return operand;
        }
        for (SweepParameter p : parameters) {
            if (p.path().equals(operand)) {
                return operand;
            }
        }
        List<SweepParameter> named =
                parameters.stream().filter(p -> p.shortName().equals(operand)).toList();
        if (named.size() == 1) {
            return named.get(0).path();
        }
        throw new IllegalArgumentException(
                named.isEmpty()
                        ? "'" + operand + "' is not a swept parameter (swept: "
                                + String.join(
                                        ", ",
                                        parameters.stream()
                                                .map(SweepParameter::path)
                                                .toList()) + ")"
                        : "'" + operand + "' names several swept parameters: give its path");
    }

    private static boolean isNumber(String s) {
        try {
            new BigDecimal(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Why {@code values} breaks this constraint, or empty when it holds. */
    public Optional<String> brokenBy(Map<String, Object> values) {
        BigDecimal a = operand(left, values);
        BigDecimal b = operand(right, values);
        if (a == null || b == null) {
            return Optional.of(text + " compares numbers, got " + Combination.text(values.get(left)) + " and "
                    + Combination.text(values.get(right)));
        }
        int c = a.compareTo(b);
        boolean holds = switch (op) {
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            case "==" -> c == 0;
            default -> c != 0;
        };
        return holds
                ? Optional.empty()
                : Optional.of("constraint " + text + " is false (" + a.toPlainString() + " " + op + " "
                        + b.toPlainString() + ")");
    }

    private static BigDecimal operand(String name, Map<String, Object> values) {
        if (!values.containsKey(name)) {
            return new BigDecimal(name);
        }
        Object v = values.get(name);
        if (v instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        try {
            return new BigDecimal(String.valueOf(v));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

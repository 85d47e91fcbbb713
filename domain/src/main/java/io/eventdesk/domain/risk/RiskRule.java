package io.eventdesk.domain.risk;

import io.eventdesk.domain.event.RuleCheck;
import io.eventdesk.domain.order.OrderRequest;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One pre-trade rule: a small pure function of the request, what the desk knows and the limits. Empty when the
 * rule's limit is not set; otherwise a passed or failed {@link RuleCheck} with the compared values.
 */
public interface RiskRule {
    /** The rule's name in the journal, e.g. {@code max-position}. */
    String name();

    /** The stable code of a denial by this rule, e.g. {@code MAX_POSITION_EXCEEDED}. */
    String code();

    Optional<RuleCheck> evaluate(OrderRequest request, RiskContext context, RiskLimits limits);

    /** A passed check whose words are rendered only when read; capture immutable values only. */
    default RuleCheck pass(Supplier<String> detail) {
        return RuleCheck.pass(name(), code(), detail);
    }

    /** A failed check whose words are rendered only when read; capture immutable values only. */
    default RuleCheck fail(Supplier<String> detail) {
        return RuleCheck.fail(name(), code(), detail);
    }
}

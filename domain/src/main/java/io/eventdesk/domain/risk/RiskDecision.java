package io.eventdesk.domain.risk;

import io.eventdesk.domain.event.RuleCheck;
import java.util.List;
import java.util.Optional;

/** Every rule's check on one request; approved when all passed. */
public record RiskDecision(List<RuleCheck> checks) {
    public RiskDecision {
        checks = List.copyOf(checks);
    }

    public boolean approved() {
        for (int i = 0; i < checks.size(); i++) {
            if (!checks.get(i).passed()) {
                return false;
            }
        }
        return true;
    }

    public Optional<RuleCheck> firstFailure() {
        return checks.stream().filter(c -> !c.passed()).findFirst();
    }
}

package io.eventdesk.bootstrap.config;

import io.eventdesk.domain.risk.KillSwitchCommand;
import io.eventdesk.domain.trading.TradingState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads {@code kill-switch}: operator commands to the kill switch at given times. */
final class KillSwitchConfigReader {
    private KillSwitchConfigReader() {}

    static List<KillSwitchCommand> read(ConfigNode n) {
        List<KillSwitchCommand> commands = new ArrayList<>();
        if (n.isMissing()) {
            return commands;
        }
        for (ConfigNode c : n.list()) {
            c.object("at", "state", "flatten", "reason");
            java.time.Instant at = ConfigNode.value(
                    c.get("at"), () -> java.time.Instant.parse(c.get("at").text()));
            TradingState state = TradingState.valueOf(
                    c.get("state").choice(null, "active", "reducing", "halted").toUpperCase(Locale.ROOT));
            String flattenText = c.get("flatten").choice("false", "true", "false");
            boolean flatten = flattenText.equals("true");
            if (flatten && state != TradingState.HALTED) {
                throw c.get("flatten").error("only state: halted can flatten");
            }
            commands.add(
                    new KillSwitchCommand(at, state, flatten, c.get("reason").text("operator")));
        }
        return commands;
    }
}

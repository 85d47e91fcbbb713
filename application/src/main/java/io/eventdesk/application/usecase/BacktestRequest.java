package io.eventdesk.application.usecase;

import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.port.EventJournalPort;
import io.eventdesk.domain.port.ExecutionVenuePort;
import io.eventdesk.domain.port.MarketDataFeedPort;
import io.eventdesk.domain.port.RunArtifactsPort;
import io.eventdesk.domain.port.SignalFeedPort;
import io.eventdesk.domain.portfolio.AccountSettings;
import io.eventdesk.domain.portfolio.SessionSchedule;
import io.eventdesk.domain.risk.KillSwitchCommand;
import io.eventdesk.domain.risk.RiskLimits;
import io.eventdesk.domain.sizing.Sizing;
import io.eventdesk.domain.strategy.Strategy;
import io.eventdesk.domain.value.Money;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a backtest needs, wired: the instruments, the adapters behind each port, the strategies by id (run
 * in this order on every event), signals from outside by strategy id, the risk limits, the kill switch commands,
 * the account (a cash account holding {@code initialCash} unless given) and the trading sessions (UTC days unless
 * given).
 */
public record BacktestRequest(
        String name,
        long seed,
        Money initialCash,
        List<Instrument> instruments,
        MarketDataFeedPort feed,
        ExecutionVenuePort venue,
        EventJournalPort journal,
        RunArtifactsPort artifacts,
        Map<String, Strategy> strategies,
        RiskLimits riskLimits,
        List<KillSwitchCommand> killSwitchCommands,
        Map<String, SignalFeedPort> signalFeeds,
        Sizing sizing,
        AccountSettings account,
        SessionSchedule sessions) {

    public BacktestRequest {
        account = account == null ? AccountSettings.cash(initialCash) : account;
        sessions = sessions == null ? SessionSchedule.utcDays() : sessions;
        sizing = sizing == null ? new Sizing.Fixed() : sizing;
        signalFeeds = signalFeeds == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(signalFeeds));
        strategies = strategies == null ? Map.of() : strategies;
        if (instruments == null || instruments.isEmpty()) {
            throw new IllegalArgumentException("a backtest needs at least one instrument");
        }
        instruments = List.copyOf(instruments);
        strategies = Collections.unmodifiableMap(new LinkedHashMap<>(strategies));
        killSwitchCommands = killSwitchCommands == null
                ? List.of()
                : killSwitchCommands.stream()
                        .sorted(java.util.Comparator.comparing(KillSwitchCommand::at))
                        .toList();
    }

    /** A request without kill switch commands. */
    public BacktestRequest(
            String name,
            long seed,
            Money initialCash,
            List<Instrument> instruments,
            MarketDataFeedPort feed,
            ExecutionVenuePort venue,
            EventJournalPort journal,
            RunArtifactsPort artifacts,
            Map<String, Strategy> strategies,
            RiskLimits riskLimits) {
        this(
                name,
                seed,
                initialCash,
                instruments,
                feed,
                venue,
                journal,
                artifacts,
                strategies,
                riskLimits,
                List.of(),
                Map.of(),
                new Sizing.Fixed());
    }

    /** A request on a cash account holding {@code initialCash}, with UTC days as sessions. */
    public BacktestRequest(
            String name,
            long seed,
            Money initialCash,
            List<Instrument> instruments,
            MarketDataFeedPort feed,
            ExecutionVenuePort venue,
            EventJournalPort journal,
            RunArtifactsPort artifacts,
            Map<String, Strategy> strategies,
            RiskLimits riskLimits,
            List<KillSwitchCommand> killSwitchCommands,
            Map<String, SignalFeedPort> signalFeeds,
            Sizing sizing) {
        this(
                name,
                seed,
                initialCash,
                instruments,
                feed,
                venue,
                journal,
                artifacts,
                strategies,
                riskLimits,
                killSwitchCommands,
                signalFeeds,
                sizing,
                null,
                null);
    }
}

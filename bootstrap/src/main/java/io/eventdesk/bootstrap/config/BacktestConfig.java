package io.eventdesk.bootstrap.config;

import io.eventdesk.adapters.broker.paper.PaperVenueConfig;
import io.eventdesk.adapters.marketdata.DataSource;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.portfolio.AccountSettings;
import io.eventdesk.domain.portfolio.SessionSchedule;
import io.eventdesk.domain.results.StatisticsConventions;
import io.eventdesk.domain.risk.KillSwitchCommand;
import io.eventdesk.domain.risk.RiskLimits;
import io.eventdesk.domain.sizing.Sizing;
import io.eventdesk.domain.value.Money;
import java.nio.file.Path;
import java.util.List;

/**
 * A validated backtest config: every value checked, every path resolved against the config file's folder.
 *
 * @param journal where the journal goes and how often it commits
 * @param data the market data files
 * @param feeds market data feeds of the user's own, merged after the files (ties in time: files first, in config
 *     order, then these, in config order)
 * @param service how {@code eventdesk serve} runs this config (a backtest ignores it)
 * @param venue a venue of the user's own, or null for the paper venue ({@code execution})
 * @param strategies the strategies, run in this order on every event
 * @param killSwitch operator commands to the kill switch, by time
 * @param sizing how strategies' targets become position sizes
 */
public record BacktestConfig(
        Path file,
        String name,
        long seed,
        Money initialCash,
        List<Instrument> instruments,
        List<DataSource> data,
        List<FeedSpec> feeds,
        List<StrategySpec> strategies,
        RiskLimits risk,
        PaperVenueConfig execution,
        JournalSettings journal,
        List<KillSwitchCommand> killSwitch,
        Sizing sizing,
        AccountSettings account,
        SessionSchedule sessions,
        StatisticsConventions statistics,
        PluginSpec venue,
        ServiceSettings service,
        List<LiveFeed> liveFeeds) {

    public BacktestConfig {
        liveFeeds = liveFeeds == null ? List.of() : List.copyOf(liveFeeds);
    }

    /** A config whose data are files only. */
    public BacktestConfig(
            Path file,
            String name,
            long seed,
            Money initialCash,
            List<Instrument> instruments,
            List<DataSource> data,
            List<FeedSpec> feeds,
            List<StrategySpec> strategies,
            RiskLimits risk,
            PaperVenueConfig execution,
            JournalSettings journal,
            List<KillSwitchCommand> killSwitch,
            Sizing sizing,
            AccountSettings account,
            SessionSchedule sessions,
            StatisticsConventions statistics,
            PluginSpec venue,
            ServiceSettings service) {
        this(
                file,
                name,
                seed,
                initialCash,
                instruments,
                data,
                feeds,
                strategies,
                risk,
                execution,
                journal,
                killSwitch,
                sizing,
                account,
                sessions,
                statistics,
                venue,
                service,
                List.of());
    }

    /**
     * A live exchange stream of one instrument ({@code data[i].source}), and the secondary it fails over to.
     *
     * @param key where it is in the config ({@code data[0]})
     * @param secondary the source to fail over to, or null
     * @param failoverAfter how long the primary may be silent before the secondary's data is taken
     */
    public record LiveFeed(
            String key,
            io.eventdesk.adapters.marketdata.live.LiveFeedSpec primary,
            io.eventdesk.adapters.marketdata.live.LiveFeedSpec secondary,
            java.time.Duration failoverAfter) {}

    /** The JDBC URL of a shared journal, or {@code null} for the embedded default ({@code journal.db}). */
    public String journalUrl() {
        return journal.url();
    }
}

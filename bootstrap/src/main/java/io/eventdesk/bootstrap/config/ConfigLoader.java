package io.eventdesk.bootstrap.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.eventdesk.adapters.broker.paper.PaperVenueConfig;
import io.eventdesk.adapters.marketdata.DataSource;
import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.portfolio.AccountSettings;
import io.eventdesk.domain.results.StatisticsConventions;
import io.eventdesk.domain.risk.RiskLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a backtest config (YAML, or JSON for {@code .json} files): parses it, then hands each section to its reader
 * ({@link AccountConfigReader}, {@link InstrumentsConfigReader}, {@link DataConfigReader},
 * {@link StrategiesConfigReader}, {@link RiskConfigReader}, {@link ExecutionConfigReader},
 * {@link JournalConfigReader}, {@link KillSwitchConfigReader}). Every key is validated; an unknown key is an error.
 */
public final class ConfigLoader {
    private ConfigLoader() {}

    public static BacktestConfig load(Path file) {
        return load(file, tree(file));
    }

    /** The parsed config file, not yet validated (a sweep changes values in it, then loads each). */
    public static JsonNode tree(Path file) {
        return parse(file, file.toString());
    }

    /** Validates and reads {@code tree}, the config of {@code file} (its place resolves relative paths). */
    public static BacktestConfig load(Path file, JsonNode tree) {
        String source = file.toString();
        ConfigNode root = new ConfigNode(source, "", tree)
                .object(
                        "name",
                        "seed",
                        "account",
                        "instruments",
                        "data",
                        "strategy",
                        "strategies",
                        "sizing",
                        "risk",
                        "execution",
                        "venue",
                        "journal",
                        "kill-switch",
                        "fx-rates",
                        "accounting",
                        "session",
                        "statistics",
                        "service",
                        "sweep");
        Path base = file.toAbsolutePath().getParent();

        String name = root.get("name").text();
        if (!name.matches("[A-Za-z0-9._-]{1,100}")) {
            throw root.get("name")
                    .error("use 1-100 letters, digits, '.', '_' or '-' (it names the run folder), got '" + name + "'");
        }
        long seed = root.get("seed").integer(0);

        AccountSettings accountSettings =
                AccountConfigReader.read(root.get("account"), root.get("fx-rates"), root.get("accounting"));
        Map<InstrumentId, Instrument> instruments = InstrumentsConfigReader.read(root, accountSettings);
        List<DataSource> data = new ArrayList<>();
        Map<String, String> fed = new LinkedHashMap<>();
        List<FeedSpec> feeds = new ArrayList<>();
        List<BacktestConfig.LiveFeed> live = new ArrayList<>();
        for (ConfigNode n : root.get("data").list()) {
            if (!n.get("source").isMissing()) {
                live.add(LiveDataReader.read(n, instruments, root.get("seed").integer(0)));
                continue;
            }
            if (!n.get("class").isMissing()) {
                n.object("instrument", "class", "params");
                feeds.add(new FeedSpec(
                        InstrumentsConfigReader.known(instruments, n.get("instrument")),
                        plugin(n, "market data feed")));
                continue;
            }
            DataSource d = DataConfigReader.read(n, instruments, base);
            // one source per instrument and kind: two would feed every bar twice (a second file is a secondary)
            String key = d.instrument().id() + " " + d.kind().configName();
            String first = fed.putIfAbsent(key, n.path());
            if (first != null) {
                throw n.get("instrument")
                        .error(d.instrument().id() + " already has " + d.kind().configName() + " from " + first
                                + ": two sources would feed every piece of its data twice (for gaps, give the second"
                                + " file as " + first + ".secondary)");
            }
            data.add(d);
        }
        List<StrategySpec> strategies = StrategiesConfigReader.read(root);
        RiskLimits risk = RiskConfigReader.read(root.get("risk"), instruments, strategies, true);
        PaperVenueConfig execution = ExecutionConfigReader.read(root.get("execution"), instruments, seed);
        PluginSpec venue = venue(root.get("venue"), root.get("execution"));
        return new BacktestConfig(
                file,
                name,
                seed,
                accountSettings.initialCash(),
                List.copyOf(instruments.values()),
                data,
                feeds,
                strategies,
                risk,
                execution,
                JournalConfigReader.read(root.get("journal")),
                KillSwitchConfigReader.read(root.get("kill-switch")),
                StrategiesConfigReader.sizing(root.get("sizing")),
                accountSettings,
                AccountConfigReader.session(root.get("session")),
                statistics(root.get("statistics")),
                venue,
                ServiceConfigReader.read(root.get("service"), base),
                live);
    }

    /**
     * {@code venue}: {@code class} (a venue of the user's own) and its {@code params}; null for the paper venue.
     * The {@code execution} section configures the paper venue only, so the two do not go together.
     */
    private static PluginSpec venue(ConfigNode n, ConfigNode execution) {
        if (n.isMissing()) {
            return null;
        }
        n.object("class", "params");
        PluginSpec venue = plugin(n, "venue");
        if (!execution.isMissing()) {
            throw execution.error("configures the paper venue, and venue.class names another: give your venue's"
                    + " settings in venue.params");
        }
        return venue;
    }

    /** {@code class} and {@code params} of a section naming a class of the user's own: {@code what} it is. */
    static PluginSpec plugin(ConfigNode n, String what) {
        String cls = n.get("class").text();
        if (!cls.matches(
                "[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*(\\.[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)+")) {
            throw n.get("class")
                    .error("expected the fully qualified name of your " + what + " class, got '" + cls + "'");
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (!n.get("params").isMissing()) {
            n.get("params").entries().forEach((k, v) -> params.put(k, v.scalar()));
        }
        return new PluginSpec(
                cls,
                new io.eventdesk.domain.strategy.StrategyParameters(
                        n.get("params").path(), params),
                n.get("class").path());
    }

    /** {@code config} with its service listening on {@code port} (the command line's {@code --port}). */
    public static BacktestConfig withServicePort(BacktestConfig config, int port) {
        if (port < 0 || port > 65535) {
            throw new BadInputException("--port", 0, null, "expected a port from 0 to 65535, got " + port);
        }
        ServiceSettings moved = config.service().withPort(port);
        return new BacktestConfig(
                config.file(),
                config.name(),
                config.seed(),
                config.initialCash(),
                config.instruments(),
                config.data(),
                config.feeds(),
                config.strategies(),
                config.risk(),
                config.execution(),
                config.journal(),
                config.killSwitch(),
                config.sizing(),
                config.account(),
                config.sessions(),
                config.statistics(),
                config.venue(),
                moved,
                config.liveFeeds());
    }

    /** {@code statistics}: the conventions of the run's statistics. */
    private static StatisticsConventions statistics(ConfigNode n) {
        if (n.isMissing()) {
            return StatisticsConventions.defaults();
        }
        n.object("periods-per-year", "risk-free-rate");
        Double periods = n.get("periods-per-year").isMissing()
                ? null
                : n.get("periods-per-year").decimal().doubleValue();
        double rf = n.get("risk-free-rate").isMissing()
                ? 0
                : n.get("risk-free-rate").decimal().doubleValue();
        try {
            return new StatisticsConventions(periods, rf);
        } catch (IllegalArgumentException e) {
            // the message begins with the key it is about: "periods-per-year must be …"
            String key = e.getMessage().startsWith("periods") ? "periods-per-year" : "risk-free-rate";
            throw n.get(key).error(e.getMessage().substring(key.length() + 1));
        }
    }

    private static JsonNode parse(Path file, String source) {
        ObjectMapper mapper = file.toString().toLowerCase(Locale.ROOT).endsWith(".json")
                ? JsonMapper.builder()
                        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                        .build()
                : YAMLMapper.builder()
                        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                        .build();
        if (Files.isDirectory(file)) {
            throw new BadInputException(source, 0, null, "is a folder, not a config file");
        }
        try {
            JsonNode tree = mapper.readTree(Files.newInputStream(file));
            if (tree == null || tree.isMissingNode()) {
                throw new BadInputException(source, 0, null, "the config is empty");
            }
            return tree;
        } catch (NoSuchFileException e) {
            throw new BadInputException(source, 0, null, "config file not found");
        } catch (java.io.CharConversionException e) {
            throw new BadInputException(source, 0, null, "not UTF-8 text: save the config as UTF-8");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String why = String.valueOf(e.getOriginalMessage())
                    .lines()
                    .findFirst()
                    .orElse("")
                    .strip();
            if (e.getCause() instanceof java.io.CharConversionException || why.contains("Invalid UTF-8")) {
                throw new BadInputException(source, 0, null, "not UTF-8 text: save the config as UTF-8");
            }
            throw new BadInputException(
                    source,
                    at == null ? 0 : at.getLineNr(),
                    null,
                    "not valid " + (mapper instanceof YAMLMapper ? "YAML" : "JSON") + ": " + why
                            + (at == null || at.getColumnNr() <= 0 ? "" : " (column " + at.getColumnNr() + ")"));
        } catch (java.nio.file.AccessDeniedException e) {
            throw new BadInputException(source, 0, null, "cannot be read: permission denied");
        } catch (IOException e) {
            throw new BadInputException(source, 0, null, "cannot be read");
        }
    }
}

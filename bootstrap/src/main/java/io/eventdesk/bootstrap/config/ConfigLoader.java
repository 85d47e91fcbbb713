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
import io.eventdesk.domain.instrument.AssetClass;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.portfolio.AccountSettings;
import io.eventdesk.domain.risk.BreachAction;
import io.eventdesk.domain.risk.ImmutableRiskLimits;
import io.eventdesk.domain.risk.KillSwitchCommand;
import io.eventdesk.domain.risk.RiskLimits;
import io.eventdesk.domain.sizing.Sizing;
import io.eventdesk.domain.strategy.StrategyParameters;
import io.eventdesk.domain.trading.TradingState;
import io.eventdesk.domain.value.Currency;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** Reads a backtest config (YAML, or JSON for {@code .json} files) and validates every key. */
public final class ConfigLoader {
    private ConfigLoader() {}

    public static BacktestConfig load(Path file) {
        String source = file.toString();
        JsonNode tree = parse(file, source);
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
                        "journal",
                        "kill-switch",
                        "fx-rates",
                        "accounting",
                        "session");
        Path base = file.toAbsolutePath().getParent();

        String name = root.get("name").text();
        if (!name.matches("[A-Za-z0-9._-]{1,100}")) {
            throw root.get("name")
                    .error("use 1-100 letters, digits, '.', '_' or '-' (it names the run folder), got '" + name + "'");
        }
        long seed = root.get("seed").integer(0);

        AccountSettings accountSettings =
                AccountConfigReader.read(root.get("account"), root.get("fx-rates"), root.get("accounting"));
        Currency baseCurrency = accountSettings.base();
        Money initialCash = accountSettings.initialCash();

        Map<InstrumentId, Instrument> instruments = new LinkedHashMap<>();
        for (ConfigNode n : root.get("instruments").list()) {
            Instrument i = instrument(n, baseCurrency);
            if (instruments.put(i.id(), i) != null) {
                throw n.get("id").error("instrument " + i.id() + " is defined twice");
            }
        }
        // every currency held or traded needs a way to the base currency: a pair in the run, or a fixed rate
        java.util.Set<Currency> priced =
                new java.util.HashSet<>(accountSettings.fixedRates().keySet());
        priced.add(baseCurrency);
        for (Instrument i : instruments.values()) {
            if (i.isCurrencyPair() && i.currency().equals(baseCurrency)) {
                priced.add(i.baseCurrency());
            } else if (i.isCurrencyPair() && i.baseCurrency().equals(baseCurrency)) {
                priced.add(i.currency());
            }
        }
        List<ConfigNode> instrumentNodes = root.get("instruments").list();
        int index = 0;
        for (Instrument i : instruments.values()) {
            ConfigNode n = instrumentNodes.get(index++);
            for (Currency c : i.isCurrencyPair() ? List.of(i.currency(), i.baseCurrency()) : List.of(i.currency())) {
                if (!priced.contains(c)) {
                    throw n.get(i.isCurrencyPair() && c.equals(i.baseCurrency()) ? "base-currency" : "currency")
                            .error(c + " needs a rate to " + baseCurrency + ": trade a " + c + "/" + baseCurrency
                                    + " (or " + baseCurrency + "/" + c + ") pair in the run, or give fx-rates: {" + c
                                    + ": ...}");
                }
            }
        }
        for (Currency c : accountSettings.balances().keySet()) {
            if (!priced.contains(c)) {
                throw root.get("account")
                        .get("balances")
                        .get(c.code())
                        .error(c + " needs a rate to " + baseCurrency + ": trade a " + c + "/" + baseCurrency
                                + " pair in the run, or give fx-rates: {" + c + ": ...}");
            }
        }

        List<DataSource> data = new ArrayList<>();
        for (ConfigNode n : root.get("data").list()) {
            data.add(DataConfigReader.read(n, instruments, base));
        }

        List<StrategySpec> strategies = strategies(root);
        RiskLimits risk = risk(root.get("risk"), instruments, strategies, true);
        PaperVenueConfig execution = ExecutionConfigReader.read(root.get("execution"), instruments, seed);

        String journalUrl = null;
        if (!root.get("journal").isMissing()) {
            ConfigNode journal = root.get("journal").object("url");
            journalUrl = journal.get("url").text();
            if (!journalUrl.startsWith("jdbc:sqlite:") && !journalUrl.startsWith("jdbc:postgresql:")) {
                throw journal.get("url")
                        .error("expected jdbc:sqlite:<file> or jdbc:postgresql://host:port/db, got '" + journalUrl
                                + "'");
            }
        }
        return new BacktestConfig(
                file,
                name,
                seed,
                initialCash,
                List.copyOf(instruments.values()),
                data,
                strategies,
                risk,
                execution,
                journalUrl,
                killSwitch(root.get("kill-switch")),
                sizing(root.get("sizing")),
                accountSettings,
                AccountConfigReader.session(root.get("session")));
    }

    private static JsonNode parse(Path file, String source) {
        ObjectMapper mapper = file.toString().toLowerCase(Locale.ROOT).endsWith(".json")
                ? JsonMapper.builder()
                        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                        .build()
                : YAMLMapper.builder()
                        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                        .build();
        try {
            JsonNode tree = mapper.readTree(Files.newInputStream(file));
            if (tree == null || tree.isMissingNode()) {
                throw new BadInputException(source, 0, null, "the config is empty");
            }
            return tree;
        } catch (NoSuchFileException e) {
            throw new BadInputException(source, 0, null, "config file not found");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new BadInputException(
                    source,
                    at == null ? 0 : at.getLineNr(),
                    null,
                    "not valid " + (mapper instanceof YAMLMapper ? "YAML" : "JSON") + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadInputException(source, 0, null, "cannot read: " + e.getMessage());
        }
    }

    /** {@code strategy} (one, its id its type's simple name) or {@code strategies} (a list with ids), not both. */
    private static List<StrategySpec> strategies(ConfigNode root) {
        ConfigNode one = root.get("strategy");
        ConfigNode many = root.get("strategies");
        if (one.isMissing() == many.isMissing()) {
            throw (one.isMissing() ? root.get("strategy") : many)
                    .error("give either strategy (one) or strategies (a list with ids), "
                            + (one.isMissing() ? "not neither" : "not both"));
        }
        List<StrategySpec> out = new ArrayList<>();
        if (!one.isMissing()) {
            one.object("type", "params");
            String type = one.get("type").text();
            out.add(new StrategySpec(type.substring(type.lastIndexOf('.') + 1), type, params(one), "strategy.type"));
            return out;
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (ConfigNode n : many.list()) {
            n.object("id", "type", "params");
            String id = n.get("id").text();
            if (!id.matches("[A-Za-z0-9._-]{1,64}")) {
                throw n.get("id").error("use 1-64 letters, digits, '.', '_' or '-', got '" + id + "'");
            }
            if (!ids.add(id)) {
                throw n.get("id").error("strategy id '" + id + "' is used twice");
            }
            out.add(new StrategySpec(id, n.get("type").text(), params(n), n.path() + ".type"));
        }
        return out;
    }

    private static StrategyParameters params(ConfigNode strategy) {
        Map<String, String> params = new LinkedHashMap<>();
        if (!strategy.get("params").isMissing()) {
            strategy.get("params").entries().forEach((k, v) -> params.put(k, v.scalar()));
        }
        return new StrategyParameters(strategy.get("params").path(), params);
    }

    private static Instrument instrument(ConfigNode n, Currency base) {
        n.object(
                "id",
                "asset-class",
                "currency",
                "tick-size",
                "lot-size",
                "multiplier",
                "base-currency",
                "margin-initial",
                "margin-maintenance");
        InstrumentId id = value(n.get("id"), () -> InstrumentId.of(n.get("id").text()));
        AssetClass assetClass = AssetClass.valueOf(n.get("asset-class")
                .choice(null, "equity", "future", "fx", "crypto")
                .toUpperCase(Locale.ROOT));
        Currency currency =
                value(n.get("currency"), () -> Currency.of(n.get("currency").text(base.code())));
        Price tick = value(n.get("tick-size"), () -> Price.of(n.get("tick-size").positiveDecimal()));
        Quantity lot = n.get("lot-size").isMissing()
                ? Quantity.of(1)
                : value(n.get("lot-size"), () -> Quantity.of(n.get("lot-size").positiveDecimal()));
        Quantity multiplier = n.get("multiplier").isMissing()
                ? Quantity.of(1)
                : value(
                        n.get("multiplier"),
                        () -> Quantity.of(n.get("multiplier").positiveDecimal()));
        Currency pairBase = n.get("base-currency").isMissing()
                ? null
                : value(
                        n.get("base-currency"),
                        () -> Currency.of(n.get("base-currency").text()));
        if (pairBase != null && assetClass != AssetClass.FX) {
            throw n.get("base-currency").error("only an fx pair has a base currency");
        }
        java.math.BigDecimal initial = n.get("margin-initial").isMissing()
                ? null
                : n.get("margin-initial").positiveDecimal();
        java.math.BigDecimal maintenance = n.get("margin-maintenance").isMissing()
                ? null
                : n.get("margin-maintenance").positiveDecimal();
        return value(
                n,
                () -> new Instrument(id, assetClass, currency, tick, lot, multiplier, pairBase, initial, maintenance));
    }

    static Instrument known(Map<InstrumentId, Instrument> instruments, ConfigNode n) {
        String id = n.text();
        for (Instrument i : instruments.values()) {
            if (i.id().value().equals(id)) {
                return i;
            }
        }
        throw n.error("unknown instrument '" + id + "' (defined: " + instruments.keySet() + ")");
    }

    private static RiskLimits risk(
            ConfigNode n, Map<InstrumentId, Instrument> instruments, List<StrategySpec> strategies, boolean global) {
        ImmutableRiskLimits.Builder b = RiskLimits.builder();
        if (n.isMissing()) {
            return b.build();
        }
        List<String> keys = new ArrayList<>(List.of(
                "max-order-quantity",
                "max-position",
                "max-leverage",
                "max-drawdown",
                "max-order-notional",
                "max-gross-exposure",
                "max-net-exposure",
                "max-concentration",
                "daily-loss-limit",
                "price-band-bps",
                "throttle"));
        if (global) {
            keys.addAll(List.of("on-daily-loss", "on-drawdown", "strategies", "instruments"));
        }
        n.object(keys.toArray(String[]::new));
        if (!n.get("strategies").isMissing()) {
            n.get("strategies").entries().forEach((id, node) -> {
                if (strategies.stream().noneMatch(sp -> sp.id().equals(id))) {
                    throw node.error("no strategy with id '" + id + "' (strategies: "
                            + strategies.stream().map(StrategySpec::id).toList() + ")");
                }
                b.putStrategies(id, risk(node, instruments, strategies, false));
            });
        }
        if (!n.get("instruments").isMissing()) {
            n.get("instruments").entries().forEach((id, node) -> {
                Instrument ins = instruments.get(value(node, () -> InstrumentId.of(id)));
                if (ins == null) {
                    throw node.error("unknown instrument '" + id + "' (defined: " + instruments.keySet() + ")");
                }
                b.putInstruments(ins.id(), risk(node, instruments, strategies, false));
            });
        }
        if (!n.get("on-daily-loss").isMissing()) {
            b.onDailyLoss(breach(n.get("on-daily-loss")));
        }
        if (!n.get("on-drawdown").isMissing()) {
            b.onDrawdown(breach(n.get("on-drawdown")));
        }
        if (!n.get("max-order-notional").isMissing()) {
            b.maxOrderNotional(n.get("max-order-notional").positiveDecimal());
        }
        if (!n.get("max-gross-exposure").isMissing()) {
            throw n.get("max-gross-exposure")
                    .error("this limit is risk.max-leverage, which computes the same ratio (gross exposure / equity"
                            + " after the order): write max-leverage: "
                            + n.get("max-gross-exposure").text()
                            + " instead");
        }
        if (!n.get("max-net-exposure").isMissing()) {
            b.maxNetExposure(n.get("max-net-exposure").positiveDecimal());
        }
        if (!n.get("max-concentration").isMissing()) {
            BigDecimal c = n.get("max-concentration").positiveDecimal();
            if (c.compareTo(BigDecimal.ONE) > 0) {
                throw n.get("max-concentration")
                        .error("a fraction of gross exposure in (0, 1] is expected, got " + c.toPlainString());
            }
            b.maxConcentration(c);
        }
        if (!n.get("daily-loss-limit").isMissing()) {
            b.dailyLossLimit(n.get("daily-loss-limit").positiveDecimal());
        }
        if (!n.get("price-band-bps").isMissing()) {
            b.priceBandBps(n.get("price-band-bps").positiveDecimal());
        }
        if (!n.get("throttle").isMissing()) {
            ConfigNode t = n.get("throttle").object("orders", "per-seconds");
            long orders = t.get("orders").integer(-1);
            long seconds = t.get("per-seconds").integer(-1);
            if (orders <= 0 || orders > Integer.MAX_VALUE) {
                throw t.get("orders").error("a positive whole number of orders is required");
            }
            if (seconds <= 0) {
                throw t.get("per-seconds").error("a positive whole number of seconds is required");
            }
            b.throttle(new RiskLimits.Throttle((int) orders, Duration.ofSeconds(seconds)));
        }
        if (!n.get("max-order-quantity").isMissing()) {
            b.maxOrderQuantity(Quantity.of(n.get("max-order-quantity").positiveDecimal()));
        }
        if (!n.get("max-position").isMissing()) {
            n.get("max-position").entries().forEach((key, v) -> {
                if (key.equals("default")) {
                    BigDecimal q = v.decimal();
                    if (q.signum() < 0) {
                        throw v.error("must not be negative, got " + q.toPlainString());
                    }
                    b.defaultMaxPosition(Quantity.of(q));
                    return;
                }
                Instrument ins = instruments.get(value(v, () -> InstrumentId.of(key)));
                if (ins == null) {
                    throw v.error("unknown instrument '" + key + "' (defined: " + instruments.keySet() + ")");
                }
                BigDecimal q = v.decimal();
                if (q.signum() < 0) {
                    throw v.error("must not be negative, got " + q.toPlainString());
                }
                b.putMaxPosition(ins.id(), Quantity.of(q));
            });
        }
        if (!n.get("max-leverage").isMissing()) {
            b.maxLeverage(n.get("max-leverage").positiveDecimal());
        }
        if (!n.get("max-drawdown").isMissing()) {
            BigDecimal d = n.get("max-drawdown").positiveDecimal();
            if (d.compareTo(BigDecimal.ONE) > 0) {
                throw n.get("max-drawdown")
                        .error("a fraction of peak equity in (0, 1] is expected, got " + d.toPlainString());
            }
            b.maxDrawdown(d);
        }
        return b.build();
    }

    private static BreachAction breach(ConfigNode n) {
        return BreachAction.valueOf(n.choice(null, "deny", "reduce", "halt", "halt-and-flatten")
                .toUpperCase(Locale.ROOT)
                .replace('-', '_'));
    }

    private static Sizing sizing(ConfigNode n) {
        if (n.isMissing()) {
            return new Sizing.Fixed();
        }
        n.object("type", "exposure", "target-risk", "lookback");
        String type = n.get("type").choice(null, "fixed", "target-exposure", "volatility");
        switch (type) {
            case "fixed" -> {
                for (String k : List.of("exposure", "target-risk", "lookback")) {
                    if (!n.get(k).isMissing()) {
                        throw n.get(k).error("not used by fixed sizing");
                    }
                }
                return new Sizing.Fixed();
            }
            case "target-exposure" -> {
                return new Sizing.TargetExposure(n.get("exposure").positiveDecimal());
            }
            default -> {
                long lookback = n.get("lookback").integer(20);
                if (lookback < 2 || lookback > 100_000) {
                    throw n.get("lookback").error("expected 2 to 100000 bars, got " + lookback);
                }
                return new Sizing.Volatility(n.get("target-risk").positiveDecimal(), (int) lookback);
            }
        }
    }

    private static List<KillSwitchCommand> killSwitch(ConfigNode n) {
        List<KillSwitchCommand> commands = new ArrayList<>();
        if (n.isMissing()) {
            return commands;
        }
        for (ConfigNode c : n.list()) {
            c.object("at", "state", "flatten", "reason");
            java.time.Instant at =
                    value(c.get("at"), () -> java.time.Instant.parse(c.get("at").text()));
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

    /** Runs a value constructor, turning its validation error into one that names the key. */
    static <T> T value(ConfigNode n, Supplier<T> make) {
        try {
            return make.get();
        } catch (BadInputException e) {
            throw e;
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            throw n.error(e.getMessage());
        }
    }
}

package io.eventdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's strategy from outside eventdesk's class path: compiled here into a jar of its own that only the plugin
 * class loader can see, then named in a config and found through {@code --classpath} or a {@code plugins/} folder.
 * A missing entry or class is one line naming it, exit 2.
 */
class PluginsTest {
    private static final String SOURCE = """
            package com.example.plugin;

            import io.eventdesk.domain.market.MarketData;
            import io.eventdesk.domain.signal.Signal;
            import io.eventdesk.domain.strategy.Strategy;
            import io.eventdesk.domain.strategy.StrategyContext;
            import io.eventdesk.domain.strategy.StrategyParameters;
            import io.eventdesk.domain.value.Quantity;
            import java.util.List;
            import java.util.Map;

            public final class FirstBarBuyer implements Strategy {
                private final Quantity quantity;
                private boolean done;

                public FirstBarBuyer(StrategyParameters params) {
                    params.allowOnly("quantity");
                    this.quantity = params.positiveQuantity("quantity");
                }

                @Override
                public List<Signal> onMarketData(MarketData data, StrategyContext context) {
                    if (done) {
                        return List.of();
                    }
                    done = true;
                    return List.of(Signal.target("first-bar", data.instrument(), quantity, "the first bar", Map.of()));
                }
            }
            """;

    /** A venue of the user's own: the paper venue without friction behind it, refusing any parameter but one. */
    private static final String VENUE = """
            package com.example.plugin;

            import io.eventdesk.adapters.broker.paper.PaperVenueConfig;
            import io.eventdesk.adapters.broker.paper.PaperVenues;
            import io.eventdesk.domain.instrument.Instrument;
            import io.eventdesk.domain.market.MarketData;
            import io.eventdesk.domain.order.OrderId;
            import io.eventdesk.domain.order.OrderRequest;
            import io.eventdesk.domain.port.ExecutionReportListener;
            import io.eventdesk.domain.port.ExecutionVenuePort;
            import io.eventdesk.domain.strategy.StrategyParameters;
            import io.eventdesk.domain.value.Money;
            import io.eventdesk.domain.value.Price;
            import io.eventdesk.domain.value.Quantity;
            import java.time.Instant;
            import java.util.List;

            public final class FrictionlessVenue implements ExecutionVenuePort {
                private final ExecutionVenuePort paper;

                public FrictionlessVenue(List<Instrument> instruments, StrategyParameters params) {
                    params.allowOnly("label");
                    this.paper = PaperVenues.create(PaperVenueConfig.frictionless(), instruments);
                }

                public Instant submit(OrderId order, OrderRequest request, Instant decisionTime) {
                    return paper.submit(order, request, decisionTime);
                }

                public Instant cancel(OrderId order, Instant decisionTime) {
                    return paper.cancel(order, decisionTime);
                }

                public Instant replace(OrderId order, Quantity q, Price limit, Price trigger, Instant decisionTime) {
                    return paper.replace(order, q, limit, trigger, decisionTime);
                }

                public void advanceTo(Instant time, ExecutionReportListener listener) {
                    paper.advanceTo(time, listener);
                }

                public void onMarketData(MarketData data, ExecutionReportListener listener) {
                    paper.onMarketData(data, listener);
                }

                public Money estimateFee(Instrument instrument, Quantity quantity, Price price) {
                    return paper.estimateFee(instrument, quantity, price);
                }
            }
            """;

    /** A market data feed of the user's own: {@code count} one-minute bars of its instrument, rising by 1. */
    private static final String FEED = """
            package com.example.plugin;

            import io.eventdesk.domain.instrument.Instrument;
            import io.eventdesk.domain.market.Bar;
            import io.eventdesk.domain.market.MarketData;
            import io.eventdesk.domain.port.MarketDataFeedPort;
            import io.eventdesk.domain.strategy.StrategyParameters;
            import io.eventdesk.domain.value.Price;
            import io.eventdesk.domain.value.Quantity;
            import java.time.Instant;
            import java.util.NoSuchElementException;

            public final class RisingBars implements MarketDataFeedPort {
                private final Instrument instrument;
                private final long count;
                private final boolean backwards;
                private long next;

                public RisingBars(Instrument instrument, StrategyParameters params) {
                    params.allowOnly("count", "backwards");
                    this.instrument = instrument;
                    this.count = params.positiveInt("count");
                    this.backwards = Boolean.parseBoolean(params.string("backwards", "false"));
                }

                public boolean hasNext() {
                    return next < count;
                }

                public MarketData next() {
                    if (next >= count) {
                        throw new NoSuchElementException();
                    }
                    long minute = backwards && next == 3 ? 0 : next;
                    next++;
                    Instant open = Instant.parse("2024-01-02T00:00:00Z").plusSeconds(60 * minute);
                    Price p = Price.of(String.valueOf(100 + minute));
                    return new Bar(instrument.id(), open, open.plusSeconds(60), p, p, p, p, Quantity.of(10));
                }

                public String description() {
                    return "rising bars";
                }

                public void close() {}
            }
            """;

    /** A journal of the user's own: one line per event in the file its params name, a count as its digest. */
    private static final String JOURNAL = """
            package com.example.plugin;

            import io.eventdesk.domain.event.Event;
            import io.eventdesk.domain.port.EventJournalPort;
            import io.eventdesk.domain.port.JournalReceipt;
            import io.eventdesk.domain.strategy.StrategyParameters;
            import java.io.IOException;
            import java.io.UncheckedIOException;
            import java.nio.file.Files;
            import java.nio.file.Path;
            import java.util.ArrayList;
            import java.util.List;

            public final class LinesJournal implements EventJournalPort {
                private final Path file;
                private final List<String> lines = new ArrayList<>();

                public LinesJournal(String runId, StrategyParameters params) {
                    params.allowOnly("file");
                    this.file = Path.of(params.string("file", null));
                    lines.add("run " + runId);
                }

                public void append(Event event) {
                    lines.add(event.sequence() + " " + event.getClass().getSimpleName());
                }

                public void flush() {
                    try {
                        Files.write(file, lines);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                public JournalReceipt finish() {
                    flush();
                    return new JournalReceipt(lines.size() - 1, "%064x".formatted(lines.size()));
                }

                public void close() {}
            }
            """;

    @TempDir
    Path dir;

    private Path config;

    @BeforeEach
    void configAndData() throws IOException {
        Files.writeString(dir.resolve("bars.csv"), Fixtures.minuteBars(50, "\n"));
        config = dir.resolve("config.yaml");
        Files.writeString(config, """
                name: plugin
                account:
                  initial-cash: 100000
                  base-currency: USD
                instruments:
                  - {id: TEST, asset-class: equity, currency: USD, tick-size: 0.01}
                data:
                  - {instrument: TEST, kind: bars, path: bars.csv}
                strategy:
                  type: com.example.plugin.FirstBarBuyer
                  params: {quantity: 3}
                """);
    }

    /** The plugins compiled against eventdesk's classes and packed into a jar in {@code folder}. */
    private Path pluginJar(Path folder) throws IOException {
        Path src = dir.resolve("src/com/example/plugin/FirstBarBuyer.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, SOURCE);
        Path venue = dir.resolve("src/com/example/plugin/FrictionlessVenue.java");
        Files.writeString(venue, VENUE);
        Path feed = dir.resolve("src/com/example/plugin/RisingBars.java");
        Files.writeString(feed, FEED);
        Path journal = dir.resolve("src/com/example/plugin/LinesJournal.java");
        Files.writeString(journal, JOURNAL);
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int code = javac.run(
                null,
                null,
                null,
                "-d",
                classes.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                src.toString(),
                venue.toString(),
                feed.toString(),
                journal.toString());
        assertThat(code).isZero();
        Files.createDirectories(folder);
        Path jar = folder.resolve("first-bar-buyer.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : java.util.List.of(
                    "com/example/plugin/FirstBarBuyer.class",
                    "com/example/plugin/FrictionlessVenue.class",
                    "com/example/plugin/RisingBars.class",
                    "com/example/plugin/LinesJournal.class")) {
                out.putNextEntry(new JarEntry(name));
                Files.copy(classes.resolve(name), out);
                out.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void shouldRunAStrategyFromItsOwnJar_whenItIsGivenWithClasspath() throws IOException {
        Path jar = pluginJar(dir.resolve("lib"));
        RunFolder run = RunFolder.cli(
                dir.resolve("run"),
                "backtest",
                "--config",
                config.toString(),
                "--out",
                dir.resolve("run").toString(),
                "--classpath",
                jar.toString());
        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.summary().get("fills").asInt()).isEqualTo(1);
        assertThat(run.csv("fills.csv").get(0).get("quantity")).isEqualTo("3");
    }

    @Test
    void shouldRunAStrategyFromThePluginsFolder_whenEventdeskHomeHoldsItsJar() throws IOException {
        Path home = dir.resolve("home");
        pluginJar(home.resolve("plugins"));
        String before = System.getProperty("eventdesk.home");
        System.setProperty("eventdesk.home", home.toString());
        try {
            RunFolder run = RunFolder.backtest(config, dir.resolve("run2"));
            assertThat(run.exitCode).as(run.err).isZero();
            assertThat(run.summary().get("fills").asInt()).isEqualTo(1);
        } finally {
            if (before == null) {
                System.clearProperty("eventdesk.home");
            } else {
                System.setProperty("eventdesk.home", before);
            }
        }
    }

    @Test
    void shouldNameTheClassAndWhereToPutIt_whenThePluginIsNotGiven() {
        RunFolder run = RunFolder.backtest(config, dir.resolve("run3"));
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err.strip())
                .isEqualTo("error: " + config + ": strategy.type: no class com.example.plugin.FirstBarBuyer on the"
                        + " classpath (give its jar with --classpath, EVENTDESK_CLASSPATH or a plugins/ folder)");
    }

    @Test
    void shouldNameTheEntry_whenAClasspathEntryDoesNotExist() {
        Path missing = dir.resolve("nowhere.jar");
        RunFolder run = RunFolder.cli(
                dir.resolve("run4"), "backtest", "--config", config.toString(), "--classpath", missing.toString());
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err.strip())
                .isEqualTo(
                        "error: --classpath: no jar or class folder " + missing + " (a class path entry must exist)");
    }

    @Test
    void shouldTradeThroughTheUsersVenue_whenTheConfigNamesItsClass() throws IOException {
        Path jar = pluginJar(dir.resolve("lib"));
        Files.writeString(
                config,
                Files.readString(config)
                        + "venue:\n  class: com.example.plugin.FrictionlessVenue\n  params: {label: test}\n");
        RunFolder run = RunFolder.cli(
                dir.resolve("venue"),
                "backtest",
                "--config",
                config.toString(),
                "--out",
                dir.resolve("venue").toString(),
                "--classpath",
                jar.toString());
        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.csv("fills.csv"))
                .singleElement()
                .satisfies(f -> assertThat(f.get("fee")).isEqualTo("0"));
    }

    @Test
    void shouldRefuseThePaperVenuesSettings_whenAVenueOfTheUsersOwnIsNamed() throws IOException {
        Path jar = pluginJar(dir.resolve("lib"));
        Files.writeString(
                config,
                Files.readString(config)
                        + "venue:\n  class: com.example.plugin.FrictionlessVenue\nexecution:\n  slippage-bps: 1\n");
        RunFolder run = RunFolder.cli(
                dir.resolve("both"), "backtest", "--config", config.toString(), "--classpath", jar.toString());
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err.strip())
                .isEqualTo("error: " + config + ": execution: configures the paper venue, and venue.class names"
                        + " another: give your venue's settings in venue.params");
    }

    @Test
    void shouldNameTheKeyAndTheParameter_whenTheUsersVenueRefusesItsParams() throws IOException {
        Path jar = pluginJar(dir.resolve("lib"));
        Files.writeString(
                config,
                Files.readString(config)
                        + "venue:\n  class: com.example.plugin.FrictionlessVenue\n  params: {speed: 3}\n");
        RunFolder run = RunFolder.cli(
                dir.resolve("params"), "backtest", "--config", config.toString(), "--classpath", jar.toString());
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err.strip()).startsWith("error: " + config + ": venue.params.speed");
    }

    @Test
    void shouldNameTheKeyAndTheClass_whenTheVenueIsNotAVenue() throws IOException {
        Path jar = pluginJar(dir.resolve("lib"));
        Files.writeString(config, Files.readString(config) + "venue:\n  class: com.example.plugin.FirstBarBuyer\n");
        RunFolder run = RunFolder.cli(
                dir.resolve("wrong"), "backtest", "--config", config.toString(), "--classpath", jar.toString());
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err.strip())
                .isEqualTo("error: " + config + ": venue.class: com.example.plugin.FirstBarBuyer does not implement"
                        + " io.eventdesk.domain.port.ExecutionVenuePort");
    }

    /** The config with its bars file's data entry replaced by {@code entry}. */
    private void dataEntry(String entry) throws IOException {
        Files.writeString(
                config, Files.readString(config).replace("  - {instrument: TEST, kind: bars, path: bars.csv}", entry));
    }

    private RunFolder withPlugins(String name) throws IOException {
        Path jar = pluginJar(dir.resolve("lib"));
        return RunFolder.cli(
                dir.resolve(name),
                "backtest",
                "--config",
                config.toString(),
                "--out",
                dir.resolve(name).toString(),
                "--classpath",
                jar.toString());
    }

    @Test
    void shouldTradeOnTheUsersFeed_whenADataEntryNamesItsClass() throws IOException {
        dataEntry("  - {instrument: TEST, class: com.example.plugin.RisingBars, params: {count: 20}}");
        RunFolder run = withPlugins("feed");
        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.summary().get("market_events").asInt()).isEqualTo(20);
        assertThat(run.csv("fills.csv"))
                .singleElement()
                .satisfies(f -> assertThat(f.get("price")).isEqualTo("101")); // the second bar's open
    }

    @Test
    void shouldNameTheFeedAndTheRecord_whenTheUsersFeedGoesBackInTime() throws IOException {
        dataEntry("  - {instrument: TEST, class: com.example.plugin.RisingBars,"
                + " params: {count: 20, backwards: true}}");
        RunFolder run = withPlugins("backwards");
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err.strip())
                .startsWith("error: " + config + ": data[0].class com.example.plugin.RisingBars: record 4 is known at"
                        + " 2024-01-02T00:01:00Z, before the one before it (2024-01-02T00:03:00Z)");
        assertThat(run.status()).isEqualTo("FAILED");
    }

    @Test
    void shouldJournalThroughTheUsersJournal_whenTheConfigNamesItsClass() throws IOException {
        Path lines = dir.resolve("journal.txt");
        Files.writeString(
                config,
                Files.readString(config) + "journal:\n  class: com.example.plugin.LinesJournal\n  params: {file: '"
                        + lines + "'}\n");
        RunFolder run = withPlugins("journal");
        assertThat(run.exitCode).as(run.err).isZero();
        java.util.List<String> written = Files.readAllLines(lines);
        assertThat(written.get(0)).startsWith("run ");
        assertThat(written).anyMatch(l -> l.endsWith(" OrderFilled")).anyMatch(l -> l.endsWith(" RunFinished"));
        assertThat(dir.resolve("journal").resolve("journal.db")).doesNotExist();
        assertThat(run.summary().get("journal_digest").asText()).isEqualTo("%064x".formatted(written.size()));
    }

    @Test
    void shouldRefuseTheJournalsUrl_whenAJournalOfTheUsersOwnIsNamed() throws IOException {
        Files.writeString(
                config,
                Files.readString(config)
                        + "journal:\n  class: com.example.plugin.LinesJournal\n  url: jdbc:sqlite:x.db\n");
        RunFolder run = RunFolder.backtest(config, dir.resolve("journal-url"));
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err.strip())
                .isEqualTo("error: " + config + ": journal.url: configures eventdesk's own journal, and journal.class"
                        + " names another: give your journal's settings in journal.params");
    }

    @Test
    void shouldNameTheKeyAndTheClass_whenTheUsersFeedFailsToStart() throws IOException {
        dataEntry("  - {instrument: TEST, class: com.example.plugin.RisingBars, params: {count: -1}}");
        RunFolder run = withPlugins("feed-fails");
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err.strip()).startsWith("error: " + config + ": data[0].params.count");
    }
}

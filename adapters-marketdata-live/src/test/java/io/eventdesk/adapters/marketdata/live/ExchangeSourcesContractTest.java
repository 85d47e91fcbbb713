package io.eventdesk.adapters.marketdata.live;

import io.eventdesk.domain.port.LiveMarketDataPort;
import io.eventdesk.testkit.LiveMarketDataContract;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/** Both exchange streams, and a failover of the two, pass the live source contract against a local exchange. */
class ExchangeSourcesContractTest {
    /** A source over fixture servers the test closes after it. */
    abstract static class OnFixtures extends LiveMarketDataContract {
        final List<FixtureServer> servers = new java.util.ArrayList<>();

        FixtureServer server(List<String> scripts, List<String> snapshots) {
            FixtureServer s = new FixtureServer(scripts, snapshots);
            servers.add(s);
            return s;
        }

        @AfterEach
        void stopServers() throws InterruptedException {
            for (FixtureServer s : servers) {
                s.close();
            }
            servers.clear();
        }
    }

    @Nested
    class Binance extends OnFixtures {
        @Override
        protected LiveMarketDataPort newSource() {
            FixtureServer s = server(List.of("binance/normal.jsonl"), List.of("binance/snapshot-100.json"));
            return LiveSources.open(ExchangeStreamsTest.binance(s, true, "1m", true));
        }
    }

    @Nested
    class Bybit extends OnFixtures {
        @Override
        protected LiveMarketDataPort newSource() {
            return LiveSources.open(ExchangeStreamsTest.bybit(server(List.of("bybit/normal.jsonl"), List.of())));
        }
    }

    @Nested
    class Failover extends OnFixtures {
        @Override
        protected LiveMarketDataPort newSource() {
            return LiveSources.failover(
                    LiveSources.open(ExchangeStreamsTest.binance(
                            server(List.of("binance/primary.jsonl"), List.of()), true, null, false)),
                    LiveSources.open(ExchangeStreamsTest.binance(
                            server(List.of("binance/secondary.jsonl"), List.of()), true, null, false)),
                    java.time.Duration.ofMillis(500));
        }
    }
}

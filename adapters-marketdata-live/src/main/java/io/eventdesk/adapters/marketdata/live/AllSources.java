package io.eventdesk.adapters.marketdata.live;

import io.eventdesk.domain.port.LiveMarketDataPort;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Several sources (one per instrument) as one: all started with the same listener; connected when all are. */
final class AllSources implements LiveMarketDataPort {
    private final List<LiveMarketDataPort> sources;

    AllSources(List<LiveMarketDataPort> sources) {
        this.sources = List.copyOf(sources);
    }

    @Override
    public void start(Listener listener) {
        sources.forEach(s -> s.start(listener));
    }

    @Override
    public Status status() {
        boolean connected = true;
        long delivered = 0;
        Instant last = null;
        String problem = null;
        Map<String, Long> counters = new LinkedHashMap<>();
        StringBuilder what = new StringBuilder();
        for (int i = 0; i < sources.size(); i++) {
            Status s = sources.get(i).status();
            connected &= s.connected();
            delivered += s.delivered();
            if (s.lastDelivered() != null && (last == null || s.lastDelivered().isAfter(last))) {
                last = s.lastDelivered();
            }
            if (s.problem() != null) {
                problem = s.source() + ": " + s.problem();
            }
            int n = i;
            s.counters().forEach((k, v) -> counters.put(sources.size() == 1 ? k : n + "." + k, v));
            what.append(i == 0 ? "" : "; ").append(s.source());
        }
        return new Status(what.toString(), connected, delivered, last, problem, counters);
    }

    @Override
    public void close() {
        sources.forEach(LiveMarketDataPort::close);
    }
}

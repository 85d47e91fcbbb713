package io.eventdesk.application.engine;

import io.eventdesk.domain.event.Event;
import io.eventdesk.domain.event.OperatorCommanded;
import io.eventdesk.domain.event.PeerActivityReceived;
import io.eventdesk.domain.event.RunStarted;
import io.eventdesk.domain.event.SignalReceived;
import io.eventdesk.domain.port.MarketDataFeedPort;
import io.eventdesk.domain.port.RunHistoryPort;
import io.eventdesk.domain.signal.ExternalSignal;
import java.util.function.Consumer;

/**
 * A session's journaled inputs fed again to a desk, in journal order: its start, its market data (read again from
 * the files, at the places the journal gave it, as late data the way the session took it), its signals (handed to
 * {@code signals}, which routes them), its operator commands and what the desk's other processes did. Each input is checked to land at its original
 * sequence number (an input is the first event of what it causes); the market data's own numbers follow the venue's
 * fills on it, and are checked by the inputs after them and by the digest.
 */
final class SessionInputs {
    private SessionInputs() {}

    static void feed(
            TradingDesk desk, RunHistoryPort session, MarketDataFeedPort files, Consumer<ExternalSignal> signals) {
        JournaledMarketData data = new JournaledMarketData(files);
        try {
            session.replay(new RunHistoryPort.Listener() {
                @Override
                public void marketEvent(long sequence) {
                    desk.onLateMarketData(data.next());
                }

                @Override
                public void stored(Event event) {
                    if (event instanceof RunStarted started) {
                        at(started.sequence(), "the start");
                        desk.start(started.time());
                    } else if (event instanceof SignalReceived received) {
                        at(received.sequence(), "signal " + received.signal().signalId());
                        signals.accept(received.signal());
                    } else if (event instanceof OperatorCommanded c) {
                        at(c.sequence(), "an operator's " + c.kind());
                        desk.onOperatorCommand(c.kind(), c.state(), c.flatten(), c.orderId(), c.reason(), c.time());
                    } else if (event instanceof io.eventdesk.domain.event.FeedSwitched f) {
                        at(f.sequence(), "a switch of the market data source");
                        desk.onFeedSwitched(f.from(), f.to(), f.reason(), f.time());
                    } else if (event instanceof PeerActivityReceived p) {
                        at(p.sequence(), "what the desk's other processes did");
                        desk.onPeerActivity(p.submissions(), p.dailyPnl(), p.time());
                    }
                }

                private void at(long sequence, String what) {
                    long next = desk.publisher().last() + 1;
                    if (next != sequence) {
                        throw new IllegalStateException("the re-run left the session's path: " + what + " was at"
                                + " sequence " + sequence + " in the session and would be " + next + " now");
                    }
                }
            });
        } finally {
            files.close();
        }
    }
}

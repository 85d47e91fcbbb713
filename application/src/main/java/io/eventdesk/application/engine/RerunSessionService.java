package io.eventdesk.application.engine;

import io.eventdesk.application.usecase.BacktestRequest;
import io.eventdesk.application.usecase.RerunSessionUseCase;
import io.eventdesk.domain.event.Event;
import io.eventdesk.domain.event.OperatorCommanded;
import io.eventdesk.domain.event.RunStarted;
import io.eventdesk.domain.event.SignalReceived;
import io.eventdesk.domain.port.MarketDataFeedPort;
import io.eventdesk.domain.port.RunHistoryPort;
import io.eventdesk.domain.run.RunSummary;

/**
 * A session's inputs fed again to a fresh {@link TradingDesk}, each input checked to land at its original sequence
 * (an input is the first event of what it causes), the whole checked by the digest.
 */
public final class RerunSessionService implements RerunSessionUseCase {
    @Override
    public RunSummary rerun(BacktestRequest request, RunHistoryPort session, MarketDataFeedPort files) {
        TradingDesk desk = new TradingDesk(request);
        JournaledMarketData data = new JournaledMarketData(files);
        try {
            session.replay(new RunHistoryPort.Listener() {
                @Override
                public void marketEvent(long sequence) {
                    // the venue's fills on this data come before its own event: its number is checked by the inputs
                    // that follow, and by the digest
                    desk.onLateMarketData(data.next()); // as the session took it
                }

                @Override
                public void stored(Event event) {
                    if (event instanceof RunStarted started) {
                        at(started.sequence(), "the start");
                        desk.start(started.time());
                    } else if (event instanceof SignalReceived received) {
                        at(received.sequence(), "signal " + received.signal().signalId());
                        desk.onReceivedSignal(received.signal());
                    } else if (event instanceof OperatorCommanded c) {
                        at(c.sequence(), "an operator's " + c.kind());
                        desk.onOperatorCommand(c.kind(), c.state(), c.flatten(), c.orderId(), c.reason(), c.time());
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
            return desk.finish();
        } catch (RuntimeException e) {
            desk.fail(e);
            throw e;
        } finally {
            files.close();
        }
    }
}

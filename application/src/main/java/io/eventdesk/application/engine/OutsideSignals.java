package io.eventdesk.application.engine;

import io.eventdesk.domain.port.SignalFeedPort;
import io.eventdesk.domain.signal.ExternalSignal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The signal feeds from outside, merged by time: each feed's next signal is read ahead, and the earliest one goes
 * first (ties to the feed listed first).
 */
final class OutsideSignals implements AutoCloseable {
    private final List<Feed> feeds = new ArrayList<>();

    OutsideSignals(Collection<SignalFeedPort> feeds) {
        feeds.forEach(f -> this.feeds.add(new Feed(f)));
    }

    /** The earliest signal stamped before {@code time}, taken from its feed; null when there is none. */
    ExternalSignal nextBefore(Instant time) {
        Feed first = null;
        for (Feed f : feeds) {
            ExternalSignal s = f.peek();
            if (s != null
                    && s.time().isBefore(time)
                    && (first == null || s.time().isBefore(first.peek().time()))) {
                first = f;
            }
        }
        return first == null ? null : first.take();
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (Feed f : feeds) {
            try {
                f.feed.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** A signal feed with its next signal read ahead. */
    private static final class Feed {
        final SignalFeedPort feed;
        private ExternalSignal next;

        Feed(SignalFeedPort feed) {
            this.feed = feed;
        }

        ExternalSignal peek() {
            if (next == null && feed.hasNext()) {
                next = feed.next();
            }
            return next;
        }

        ExternalSignal take() {
            ExternalSignal s = peek();
            next = null;
            return s;
        }
    }
}

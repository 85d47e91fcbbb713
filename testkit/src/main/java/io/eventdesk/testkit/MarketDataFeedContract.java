package io.eventdesk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.port.MarketDataFeedPort;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MarketDataFeedPort} adapter must do. A feed author extends this class and opens, on each call,
 * a new feed over the adapter's sample data ({@link #openFeed}: a few records at least, some at the same known
 * time) and, where the adapter reads input that can be wrong, a feed over input with a defect after its first good
 * record ({@link #openBrokenFeed}).
 *
 * <p>The rules: records come in non-decreasing {@link MarketData#knownTime()} order; {@code hasNext} consumes
 * nothing however often it is asked; reading past the end throws {@link NoSuchElementException}; the same input
 * gives the same records, in the same order, every time it is opened (ties in time in a stable order); the
 * description is never blank; closing early or twice is quiet; bad input surfaces as a
 * {@link BadInputException} that says where (the source, and the line when there are lines), after every good
 * record before it was delivered.
 */
public abstract class MarketDataFeedContract {
    /** A new feed over the adapter's sample data. */
    protected abstract MarketDataFeedPort openFeed();

    /**
     * A new feed over input with one defect after its first good record, or {@code null} when the adapter's input
     * cannot be wrong (generated data): the bad-input rule is then skipped.
     */
    protected abstract MarketDataFeedPort openBrokenFeed();

    private List<MarketData> readAll(MarketDataFeedPort feed) {
        List<MarketData> all = new ArrayList<>();
        try (feed) {
            while (feed.hasNext()) {
                all.add(feed.next());
            }
        }
        return all;
    }

    @Test
    void shouldDeliverRecordsInKnownTimeOrder_whenReadToTheEnd() {
        List<MarketData> all = readAll(openFeed());
        assertThat(all).as("the sample data").hasSizeGreaterThanOrEqualTo(2);
        Instant previous = Instant.MIN;
        for (int i = 0; i < all.size(); i++) {
            Instant known = all.get(i).knownTime();
            assertThat(known)
                    .as("record %d (%s) is known at or after the one before", i + 1, all.get(i))
                    .isAfterOrEqualTo(previous);
            previous = known;
        }
    }

    @Test
    void shouldConsumeNothing_whenHasNextIsAskedAgain() {
        List<MarketData> expected = readAll(openFeed());
        List<MarketData> read = new ArrayList<>();
        try (MarketDataFeedPort feed = openFeed()) {
            while (feed.hasNext() && feed.hasNext() && feed.hasNext()) {
                read.add(feed.next());
            }
        }
        assertThat(read).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldThrowNoSuchElement_whenReadPastTheEnd() {
        try (MarketDataFeedPort feed = openFeed()) {
            while (feed.hasNext()) {
                feed.next();
            }
            assertThat(feed.hasNext()).isFalse();
            assertThatThrownBy(feed::next).isInstanceOf(NoSuchElementException.class);
        }
    }

    @Test
    void shouldDeliverTheSameRecordsInTheSameOrder_whenOpenedAgain() {
        assertThat(readAll(openFeed())).containsExactlyElementsOf(readAll(openFeed()));
    }

    @Test
    void shouldSayWhatItReads_whenAskedForItsDescription() {
        try (MarketDataFeedPort feed = openFeed()) {
            assertThat(feed.description()).isNotBlank();
        }
    }

    @Test
    void shouldCloseQuietly_whenClosedEarlyAndTwice() {
        MarketDataFeedPort feed = openFeed();
        assertThat(feed.hasNext()).isTrue();
        feed.next();
        feed.close();
        feed.close();
    }

    @Test
    void shouldSayWhereTheInputIsBad_whenItIsBroken() {
        List<MarketData> delivered = new ArrayList<>();
        Throwable thrown = catchThrowable(() -> {
            MarketDataFeedPort feed = openBrokenFeed();
            Assumptions.assumeTrue(feed != null, "this feed's input cannot be wrong");
            try (feed) {
                while (feed.hasNext()) {
                    delivered.add(feed.next());
                }
            }
        });
        if (thrown instanceof org.opentest4j.TestAbortedException aborted) {
            throw aborted;
        }
        assertThat(thrown)
                .as("reading input with a defect")
                .isInstanceOf(BadInputException.class)
                .satisfies(t -> {
                    BadInputException bad = (BadInputException) t;
                    assertThat(bad.source()).as("the source named").isNotBlank();
                    assertThat(bad.problem()).as("what is wrong").isNotBlank();
                });
        assertThat(delivered).as("the good records before the defect").isNotEmpty();
    }
}

package io.eventdesk.adapters.persistence;

import io.eventdesk.domain.event.BarClosed;
import io.eventdesk.domain.event.BookUpdated;
import io.eventdesk.domain.event.MarketEvent;
import io.eventdesk.domain.event.QuoteBarClosed;
import io.eventdesk.domain.event.QuoteUpdated;
import io.eventdesk.domain.event.TradePrinted;
import io.eventdesk.domain.market.Bar;
import io.eventdesk.domain.market.BookUpdate;
import io.eventdesk.domain.market.Quote;
import io.eventdesk.domain.market.Trade;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * A SHA-256 over market events as the engine saw them, in order. Each bar is encoded as: the instrument id
 * (UTF-8, then a 0 byte), open and close time (epoch second and nano each), then open, high, low, close and volume
 * (mantissa and scale each; volume −1/−1 when absent), big-endian. A trade is tagged 1 after the instrument's 0
 * byte: time, price, size, aggressor (0 none, 1 buy, 2 sell); a quote is tagged 2: time, bid, ask, bid size, ask
 * size (−1/−1 when absent); a quote bar is its bid bar then its ask bar, each tagged 3; a book update is tagged 4:
 * time, update id, snapshot flag, the number of bid and ask levels, then each level's price and size.
 */
final class MarketDataDigest {
    private final MessageDigest sha;
    private final ByteBuffer buffer = ByteBuffer.allocate(128);
    /** bytes waiting for the digest: one update call per few hundred events instead of two per event */
    private final byte[] pending = new byte[1 << 14];

    private int pendingLength;
    private io.eventdesk.domain.instrument.InstrumentId lastId;
    private byte[] lastIdBytes;
    private long events;
    private Instant first;
    private Instant last;

    MarketDataDigest() {
        sha = JournalReader.sha256();
    }

    void add(MarketEvent event) {
        if (event instanceof BarClosed closed) {
            bar(closed.bar(), (byte) 0);
        } else if (event instanceof QuoteBarClosed closed) {
            bar(closed.bar().bid(), (byte) 3);
            bar(closed.bar().ask(), (byte) 3);
        } else if (event instanceof BookUpdated updated) {
            BookUpdate u = updated.update();
            id(u.instrument());
            buffer.clear();
            buffer.put((byte) 4);
            time(u.time());
            buffer.putLong(u.updateId()).put((byte) (u.snapshot() ? 1 : 0));
            buffer.putInt(u.bids().size()).putInt(u.asks().size());
            flushBuffer();
            for (List<BookUpdate.Level> side : List.of(u.bids(), u.asks())) {
                for (BookUpdate.Level l : side) {
                    buffer.clear();
                    price(l.price());
                    quantity(l.size());
                    flushBuffer();
                }
            }
        } else if (event instanceof TradePrinted printed) {
            Trade t = printed.trade();
            id(t.instrument());
            buffer.clear();
            buffer.put((byte) 1);
            time(t.time());
            price(t.price());
            buffer.putLong(t.size().units()).putInt(t.size().scale());
            buffer.put((byte) (t.aggressor() == null ? 0 : t.aggressor().ordinal() + 1));
            flushBuffer();
        } else if (event instanceof QuoteUpdated updated) {
            Quote q = updated.quote();
            id(q.instrument());
            buffer.clear();
            buffer.put((byte) 2);
            time(q.time());
            optional(q.bid());
            optional(q.ask());
            quantity(q.bidSize());
            quantity(q.askSize());
            flushBuffer();
        }
        if (first == null) {
            first = event.time();
        }
        last = event.time();
        events++;
    }

    private void id(io.eventdesk.domain.instrument.InstrumentId id) {
        if (!id.equals(lastId)) {
            lastId = id;
            lastIdBytes = id.value().getBytes(StandardCharsets.UTF_8);
        }
        put(lastIdBytes, 0, lastIdBytes.length);
    }

    private void flushBuffer() {
        put(buffer.array(), 0, buffer.position());
    }

    private void put(byte[] bytes, int offset, int length) {
        if (pendingLength + length > pending.length) {
            sha.update(pending, 0, pendingLength);
            pendingLength = 0;
            if (length > pending.length) {
                sha.update(bytes, offset, length);
                return;
            }
        }
        System.arraycopy(bytes, offset, pending, pendingLength, length);
        pendingLength += length;
    }

    private void time(Instant t) {
        buffer.putLong(t.getEpochSecond()).putInt(t.getNano());
    }

    private void bar(Bar b, byte tag) {
        id(b.instrument());
        buffer.clear();
        buffer.put(tag);
        time(b.openTime());
        time(b.closeTime());
        price(b.open());
        price(b.high());
        price(b.low());
        price(b.close());
        quantity(b.volume());
        flushBuffer();
    }

    private void optional(Price p) {
        buffer.putLong(p == null ? -1 : p.units()).putInt(p == null ? -1 : p.scale());
    }

    private void quantity(Quantity q) {
        buffer.putLong(q == null ? -1 : q.units()).putInt(q == null ? -1 : q.scale());
    }

    private void price(Price p) {
        buffer.putLong(p.units()).putInt(p.scale());
    }

    long events() {
        return events;
    }

    Instant first() {
        return first;
    }

    Instant last() {
        return last;
    }

    String hex() {
        sha.update(pending, 0, pendingLength);
        pendingLength = 0;
        return HexFormat.of().formatHex(sha.digest());
    }
}

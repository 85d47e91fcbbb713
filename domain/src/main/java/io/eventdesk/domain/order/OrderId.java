package io.eventdesk.domain.order;

/** The desk's identifier of an order, unique within a run and assigned in sequence: {@code O-1}, {@code O-2}… */
public record OrderId(long value) implements Comparable<OrderId> {
    public OrderId {
        if (value <= 0) {
            throw new IllegalArgumentException("order id must be positive, got " + value);
        }
    }

    public static OrderId parse(String text) {
        if (text == null || !text.startsWith("O-")) {
            throw new IllegalArgumentException("order id must look like O-<number>, got '" + text + "'");
        }
        return new OrderId(Long.parseLong(text.substring(2)));
    }

    @Override
    public int compareTo(OrderId o) {
        return Long.compare(value, o.value);
    }

    @Override
    public String toString() {
        return "O-" + value;
    }
}

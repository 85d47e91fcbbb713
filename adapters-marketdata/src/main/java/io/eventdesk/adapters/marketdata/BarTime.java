package io.eventdesk.adapters.marketdata;

/** What a bar file's time column means. */
public enum BarTime {
    /** By the column's name: {@code end_time} and {@code close_time} are closes, every other name an open. */
    AUTO,
    /** The time is the bar's open; the bar closes one interval later. */
    OPEN,
    /** The time is the bar's close; the bar opened one interval earlier. */
    CLOSE
}

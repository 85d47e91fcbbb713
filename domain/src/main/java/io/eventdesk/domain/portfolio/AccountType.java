package io.eventdesk.domain.portfolio;

/** How an account pays for positions. */
public enum AccountType {
    /** pays the full price of what it buys; no balance may go negative; shorting only when allowed */
    CASH,
    /** borrows against margin: positions need initial margin, and equity below maintenance margin is a margin call */
    MARGIN
}

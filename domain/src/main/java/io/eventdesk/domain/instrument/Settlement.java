package io.eventdesk.domain.instrument;

/**
 * How a trade in an instrument moves cash: the one definition used by the portfolio, the cash rule, the desk's
 * reservations for open orders and the venue's funds check.
 */
public enum Settlement {
    /** equities, crypto, anything bought outright: a buy pays its notional, a sale receives it */
    NOTIONAL,
    /** futures: nothing but fees is paid to open; the PnL settles in cash as the position is reduced */
    PNL_ONLY,
    /** an FX pair: a buy pays the quote currency and receives the base currency; a sale delivers the base */
    CURRENCY_EXCHANGE
}

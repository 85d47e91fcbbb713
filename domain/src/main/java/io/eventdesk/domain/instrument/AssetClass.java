package io.eventdesk.domain.instrument;

/** What kind of thing an instrument is; decides how it is valued and margined. */
public enum AssetClass {
    EQUITY,
    FUTURE,
    FX,
    CRYPTO
}

package io.eventdesk.domain.value;

/** A currency or settlement asset code: {@code USD}, {@code EUR}, {@code USDT}, {@code BTC}. */
public record Currency(String code) {
    public Currency {
        if (code == null || !code.matches("[A-Z0-9]{2,12}")) {
            throw new IllegalArgumentException(
                    "currency code must be 2-12 upper-case letters or digits, got '" + code + "'");
        }
    }

    public static Currency of(String code) {
        return new Currency(code);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Currency c && code.equals(c.code));
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    @Override
    public String toString() {
        return code;
    }
}

package com.example.violations.domain.cycle.a;

import com.example.violations.domain.cycle.b.Beta;

/** VIOLATION (with Beta): a package cycle. */
public final class Alpha {
    public Beta partner() {
        return new Beta();
    }
}

package com.example.violations.domain.cycle.b;

import com.example.violations.domain.cycle.a.Alpha;

/** VIOLATION (with Alpha): a package cycle. */
public final class Beta {
    public Alpha partner() {
        return new Alpha();
    }
}

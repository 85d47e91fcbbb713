package com.example.violations.domain;

import java.io.File;

/** VIOLATION: the domain touches I/O. */
public record FileReadingValue(String name) {
    public boolean exists() {
        return new File(name).exists();
    }
}

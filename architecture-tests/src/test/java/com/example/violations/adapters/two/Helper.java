package com.example.violations.adapters.two;

/** Another adapter's class. */
public final class Helper {
    private Helper() {}

    public static void help(String s) {
        s.length();
    }
}

package com.example.violations.application;

/** Violates coreIsFreeOfClusterFrameworks: the application reaches for Scala (a cluster framework's language). */
public final class ClusterAwareSweep {
    public scala.Option<String> best() {
        return scala.Option.apply("fast=10");
    }
}

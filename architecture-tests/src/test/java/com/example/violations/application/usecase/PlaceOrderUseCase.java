package com.example.violations.application.usecase;

/** An in-port: what a driving adapter may call. */
public interface PlaceOrderUseCase {
    void place(String order);
}

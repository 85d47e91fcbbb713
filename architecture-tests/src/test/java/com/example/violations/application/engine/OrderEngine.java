package com.example.violations.application.engine;

import com.example.violations.application.usecase.PlaceOrderUseCase;

/** The application's inside, which implements the use case. */
public final class OrderEngine implements PlaceOrderUseCase {
    @Override
    public void place(String order) {}
}

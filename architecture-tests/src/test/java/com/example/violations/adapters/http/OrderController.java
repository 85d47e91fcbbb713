package com.example.violations.adapters.http;

import com.example.violations.application.engine.OrderEngine;
import com.example.violations.application.usecase.PlaceOrderUseCase;

/** VIOLATION: a driving adapter reaching past the use case into the engine. */
final class OrderController {
    private final PlaceOrderUseCase orders;

    OrderController(PlaceOrderUseCase orders) {
        this.orders = orders;
    }

    void post(String body) {
        orders.place(body); // fine: the in-port
        new OrderEngine().place(body); // the violation
    }
}

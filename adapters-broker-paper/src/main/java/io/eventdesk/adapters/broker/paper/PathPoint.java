package io.eventdesk.adapters.broker.paper;

import io.eventdesk.domain.value.Price;

/** A point of a bar's path: the open (segment −1) or a price on segment k (from point k to k + 1). */
record PathPoint(int segment, Price price) {}

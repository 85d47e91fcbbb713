package io.eventdesk.domain.event;

/** The run itself: start, end, failure. */
public sealed interface SystemEvent extends Event permits RunStarted, RunFinished, RunFailed {}

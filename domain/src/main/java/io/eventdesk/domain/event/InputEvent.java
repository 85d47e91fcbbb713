package io.eventdesk.domain.event;

/**
 * What reached a running session from outside, journaled as the engine thread took it and before it took effect:
 * a signal, an operator's command, what the desk's other processes did. A session's inputs in journal order, with its market data, re-run it exactly.
 */
public sealed interface InputEvent extends Event
        permits SignalReceived, OperatorCommanded, PeerActivityReceived, FeedSwitched {}

package io.eventdesk.domain.port;

/**
 * What a closed journal holds.
 *
 * @param events how many events were appended
 * @param digest a hash over the journaled events in sequence order: same inputs, same digest
 */
public record JournalReceipt(long events, String digest) {}

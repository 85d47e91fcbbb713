package io.eventdesk.bootstrap.config;

import io.eventdesk.adapters.persistence.JournalDurability;

/**
 * The config's {@code journal} section.
 *
 * @param url the JDBC URL of a shared store, or null for the run folder's embedded {@code journal.db}
 * @param blockRecords stored records (events and marks) per committed block: the most a crash can lose, beside the
 *     writer's queue
 * @param durability what a commit survives: the process crashing (the default) or the machine crashing too
 * @param plugin a journal of the user's own ({@code journal.class}) in place of eventdesk's stores, or null
 */
public record JournalSettings(String url, int blockRecords, JournalDurability durability, PluginSpec plugin) {}

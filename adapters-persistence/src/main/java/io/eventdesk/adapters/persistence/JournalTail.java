package io.eventdesk.adapters.persistence;

import io.eventdesk.domain.port.JournalTailPort;
import java.util.ArrayList;
import java.util.List;

/** A run's committed stored events after a sequence number, read from its blocks ({@link JournalReader}). */
final class JournalTail implements JournalTailPort {
    private final JournalReader reader;

    JournalTail(String jdbcUrl, String runId) {
        this.reader = new JournalReader(jdbcUrl, runId);
    }

    @Override
    public List<JournaledEvent> since(long after, int limit) {
        List<JournaledEvent> out = new ArrayList<>();
        if (limit <= 0) {
            return out;
        }
        reader.read(after, new JournalReader.Visitor() {
            @Override
            public void event(long sequence, String type, String payload) {
                if (sequence > after && out.size() < limit) {
                    out.add(new JournaledEvent(sequence, type, payload));
                }
            }
        });
        return out;
    }
}

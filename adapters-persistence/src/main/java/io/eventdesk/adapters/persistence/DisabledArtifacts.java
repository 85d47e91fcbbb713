package io.eventdesk.adapters.persistence;

import io.eventdesk.domain.event.Event;
import io.eventdesk.domain.port.RunArtifactsPort;
import io.eventdesk.domain.run.RunSummary;

/** No run files: for benchmarks and embedded use where the caller reads the summary it is returned. */
final class DisabledArtifacts implements RunArtifactsPort {
    @Override
    public void record(Event event) {}

    @Override
    public void finish(RunSummary summary) {}

    @Override
    public void close() {}
}

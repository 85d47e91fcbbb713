package io.eventdesk.adapters.persistence;

import io.eventdesk.domain.event.Event;
import io.eventdesk.domain.port.RunArtifactsPort;
import io.eventdesk.domain.results.RunResults;
import io.eventdesk.domain.run.RunSummary;
import java.util.function.Consumer;

/** No run files, only the results computed in memory and handed over when the run finishes (a sweep's runs). */
final class ResultsOnlyArtifacts implements RunArtifactsPort {
    private final RunResults results;
    private final Consumer<RunResults> finished;

    ResultsOnlyArtifacts(RunResults results, Consumer<RunResults> finished) {
        this.results = results;
        this.finished = finished;
    }

    @Override
    public void record(Event event) {
        results.accept(event);
    }

    @Override
    public void finish(RunSummary summary) {
        finished.accept(results);
    }

    @Override
    public void close() {}
}

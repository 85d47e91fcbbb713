package io.eventdesk.cluster.spark;

import io.eventdesk.adapters.marketdata.DataQualityReport;
import io.eventdesk.bootstrap.config.ConfigLoader;
import io.eventdesk.bootstrap.config.SweepConfigReader;
import io.eventdesk.bootstrap.config.SweepSettings;
import io.eventdesk.bootstrap.wiring.Plugins;
import io.eventdesk.bootstrap.wiring.ResearchRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * What one JVM (the driver, an executor) has read of a sweep: its config, its market data (read and validated once
 * per JVM, whatever the number of tasks it runs) and its settings. A config at a URI of a Hadoop file system (HDFS,
 * an object store) is copied with the folder it is in (its data's paths are relative to it) to a local folder first.
 */
final class PreparedSweeps {
    /** One sweep as a JVM has it. */
    record Prepared(ResearchRunner runner, SweepSettings settings) {}

    private static final Map<String, ResearchRunner> RUNNERS = new ConcurrentHashMap<>();
    private static final Map<String, Prepared> SWEEPS = new ConcurrentHashMap<>();

    private PreparedSweeps() {}

    /** The config's runner, its market data read once in this JVM. */
    static ResearchRunner runner(String config) {
        return RUNNERS.computeIfAbsent(
                config, k -> ResearchRunner.prepare(local(config), Plugins.loader(null), new DataQualityReport()));
    }

    /** The config's runner and the sweep {@code options} make of it. */
    static Prepared of(String config, SweepConfigReader.Options options) {
        return SWEEPS.computeIfAbsent(config + " " + options, k -> {
            ResearchRunner runner = runner(config);
            Path file = runner.file();
            var tree = ConfigLoader.tree(file);
            SweepSettings settings =
                    SweepConfigReader.read(file, tree, runner.base().seed(), options);
            return new Prepared(runner, settings);
        });
    }

    /** A local path of the config: itself, or a copy of its folder from a Hadoop file system. */
    static Path local(String config) {
        URI uri = URI.create(config.replace('\\', '/'));
        if (uri.getScheme() == null
                || uri.getScheme().equals("file")
                || uri.getScheme().length() == 1) {
            return uri.getScheme() == null || uri.getScheme().length() == 1 ? Path.of(config) : Path.of(uri);
        }
        try {
            org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(uri);
            FileSystem fs = FileSystem.get(uri, new Configuration());
            Path dir = Files.createTempDirectory("eventdesk-sweep-");
            fs.copyToLocalFile(false, remote.getParent(), new org.apache.hadoop.fs.Path(dir.toUri()), true);
            return dir.resolve(remote.getParent().getName()).resolve(remote.getName());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + config + " and its folder from its file system", e);
        }
    }
}

package io.eventdesk.bootstrap.wiring;

import io.eventdesk.domain.error.BadInputException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where a run's plugins — a user's strategies, by their class names in the config — are found, beside the CLI's own
 * classes: the entries of {@code --classpath}, of the {@code EVENTDESK_CLASSPATH} environment variable (both lists
 * of jars and class folders, separated by {@code :} — {@code ;} on Windows), and every jar in a {@code plugins/}
 * folder: the working directory's and eventdesk's own ({@code bin/eventdesk} passes its checkout as
 * {@code -Deventdesk.home}). An entry that does not exist is bad input, named.
 */
public final class Plugins {
    public static final String ENV = "EVENTDESK_CLASSPATH";
    public static final String HOME_PROPERTY = "eventdesk.home";

    private Plugins() {}

    /** The class loader of the plugins given by {@code classpathOption} (may be null), the environment and folders. */
    public static ClassLoader loader(String classpathOption) {
        List<Path> entries = new ArrayList<>();
        entries.addAll(entries("--classpath", classpathOption));
        entries.addAll(entries(ENV, System.getenv(ENV)));
        List<Path> folders = new ArrayList<>(List.of(Path.of("plugins")));
        String home = System.getProperty(HOME_PROPERTY);
        if (home != null) {
            folders.add(Path.of(home, "plugins"));
        }
        for (Path folder : folders) {
            entries.addAll(jarsIn(folder));
        }
        ClassLoader parent = Plugins.class.getClassLoader();
        if (entries.isEmpty()) {
            return parent;
        }
        URL[] urls = new URL[entries.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = entries.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new BadInputException(entries.get(i).toString(), 0, null, "not a class path entry");
            }
        }
        return new URLClassLoader("eventdesk-plugins", urls, parent);
    }

    /**
     * The class {@code className} from {@code classes}, which must implement {@code type}; a class that is missing or
     * of the wrong type is bad input at {@code key} of {@code source}.
     */
    static <T> Class<? extends T> find(
            String source, String key, String className, Class<T> type, ClassLoader classes) {
        Class<?> cls;
        try {
            cls = Class.forName(className, true, classes);
        } catch (ClassNotFoundException e) {
            throw new BadInputException(
                    source,
                    0,
                    key,
                    "no class " + className + " on the classpath (give its jar with --classpath, " + ENV
                            + " or a plugins/ folder)");
        } catch (LinkageError e) {
            throw new BadInputException(source, 0, key, "class " + className + " cannot be loaded: " + e);
        }
        if (!type.isAssignableFrom(cls)) {
            throw new BadInputException(source, 0, key, className + " does not implement " + type.getName());
        }
        return cls.asSubclass(type);
    }

    /** The existing entries of a class path list; an error naming {@code what} and the first that does not exist. */
    static List<Path> entries(String what, String list) {
        List<Path> out = new ArrayList<>();
        if (list == null || list.isBlank()) {
            return out;
        }
        for (String part : list.split(File.pathSeparator)) {
            if (part.isBlank()) {
                continue;
            }
            Path p = Path.of(part.strip()).toAbsolutePath().normalize();
            if (!Files.exists(p)) {
                throw new BadInputException(
                        what, 0, null, "no jar or class folder " + p + " (a class path entry must exist)");
            }
            out.add(p);
        }
        return out;
    }

    private static List<Path> jarsIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar"))
                    .map(f -> f.toAbsolutePath().normalize())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the plugins in " + folder, e);
        }
    }
}

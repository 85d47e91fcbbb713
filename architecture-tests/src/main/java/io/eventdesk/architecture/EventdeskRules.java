package io.eventdesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The architecture of an eventdesk code base as ArchUnit rules, for the project itself and for users who embed
 * the domain or write adapters and want the same rules in their CI:
 *
 * <pre>{@code
 * JavaClasses classes = new ClassFileImporter().importPackages("com.acme.desk");
 * EventdeskRules.forRoot("com.acme.desk").checkAll(classes); // every violation of every rule, in one report
 * }</pre>
 *
 * or each rule as a JUnit 5 {@code @ArchTest} field ({@code static final ArchRule pure =
 * EventdeskRules.forRoot("com.acme.desk").domainIsPure();}). The layout expected under the root: {@code domain}
 * (with {@code domain.port}), {@code application}, {@code adapters.<name>}, {@code bootstrap}; a layer a project
 * does not have is not an error (its rules pass with a note). A user's domain may use eventdesk's own domain
 * ({@code io.eventdesk.domain}: {@code Money}, {@code Quantity}, …), and a user's adapter implementing one of
 * eventdesk's ports ({@code io.eventdesk.domain.port}) is checked like one of its own.
 */
public final class EventdeskRules {
    /** eventdesk's own domain, which any code base following these rules may build on. */
    static final String EVENTDESK_DOMAIN = "io.eventdesk.domain..";

    static final String EVENTDESK_PORTS = "io.eventdesk.domain.port";

    private final String root;

    private EventdeskRules(String root) {
        this.root = root;
    }

    /** Rules for the code base whose packages start with {@code rootPackage} (e.g. {@code io.eventdesk}). */
    public static EventdeskRules forRoot(String rootPackage) {
        return new EventdeskRules(rootPackage);
    }

    private String domain() {
        return root + ".domain..";
    }

    private String application() {
        return root + ".application..";
    }

    private String adapters() {
        return root + ".adapters..";
    }

    /**
     * The domain depends only on {@code java.lang}, {@code java.util}, {@code java.time}, {@code java.math},
     * Guava's base/collect/math and the Immutables annotations: no I/O, JDBC, threads or reflection.
     */
    public ArchRule domainIsPure() {
        return classes()
                .that()
                .resideInAPackage(domain())
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        domain(),
                        EVENTDESK_DOMAIN,
                        "java.lang",
                        "java.lang.invoke",
                        "java.lang.runtime",
                        "java.lang.annotation",
                        "java.util",
                        "java.util.function",
                        "java.util.stream",
                        "java.time..",
                        "java.math",
                        "com.google.common.base..",
                        "com.google.common.collect..",
                        "com.google.common.math..",
                        "org.immutables.value..",
                        // compile-time annotations Immutables puts on generated builders when Guava is present
                        "com.google.errorprone.annotations..")
                .andShould()
                .onlyDependOnClassesThat(DescribedPredicate.not(threadsOrReflection()))
                .as("the domain is pure: java.lang/util/time/math, eventdesk's domain, Guava base/collect/math,"
                        + " Immutables only; no I/O, JDBC, threads, reflection")
                .because("I/O, clocks and threads belong in an adapter behind a port: move the call there and give"
                        + " the domain the result")
                .allowEmptyShould(true);
    }

    private static DescribedPredicate<JavaClass> threadsOrReflection() {
        return DescribedPredicate.describe(
                "threads or reflection",
                c -> c.getName().equals(Thread.class.getName())
                        || c.getName().equals(ThreadLocal.class.getName())
                        || c.getName().equals(ClassLoader.class.getName())
                        || c.getPackageName().startsWith("java.lang.reflect"));
    }

    /** Time comes from the events or the clock port: no wall clock in the domain or the application. */
    public ArchRule noWallClock() {
        return noClasses()
                .that()
                .resideInAnyPackage(domain(), application())
                .should()
                .callMethodWhere(wallClockCall())
                .as("no wall clock in the domain or the application (time comes from events or ClockPort)")
                .because("a run must replay to the same journal: take the time from the event, or inject ClockPort")
                .allowEmptyShould(true);
    }

    private static DescribedPredicate<JavaMethodCall> wallClockCall() {
        return DescribedPredicate.describe("reads the wall clock", call -> {
            String owner = call.getTargetOwner().getName();
            String name = call.getName();
            boolean now = name.equals("now") && (owner.startsWith("java.time.") && !owner.equals("java.time.Clock"));
            boolean system = owner.equals(System.class.getName())
                    && (name.equals("currentTimeMillis") || name.equals("nanoTime"));
            boolean systemClock = owner.equals("java.time.Clock")
                    && (name.startsWith("system") || name.equals("tickMillis") || name.equals("tickSeconds"));
            return now || system || systemClock;
        });
    }

    /** The application knows the ports, never an adapter or the bootstrap. */
    public ArchRule applicationIsFreeOfAdapters() {
        return noClasses()
                .that()
                .resideInAPackage(application())
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(adapters(), root + ".bootstrap..")
                .as("the application depends on no adapter and not on the bootstrap")
                .because("the application speaks to adapters through the ports only: depend on the port interface"
                        + " and let the bootstrap wire the adapter")
                .allowEmptyShould(true);
    }

    /**
     * Adapters reach the application through its use cases only: a driving adapter (an HTTP API, a CLI) calls the
     * in-ports of {@code application.usecase}, never the engine behind them.
     */
    public ArchRule adaptersCallOnlyUseCases() {
        return noClasses()
                .that()
                .resideInAPackage(adapters())
                .should()
                .dependOnClassesThat(DescribedPredicate.describe(
                        "are in the application but not among its use cases",
                        (JavaClass c) -> c.getPackageName().startsWith(root + ".application")
                                && !c.getPackageName().startsWith(root + ".application.usecase")))
                .as("adapters call the application's use cases and nothing else of it")
                .because("a driving adapter calls an in-port: depend on an interface of application.usecase and let"
                        + " the bootstrap hand you its implementation")
                .allowEmptyShould(true);
    }

    /**
     * The core (domain, application, adapters, bootstrap) is free of cluster frameworks: Spark, Hadoop and Scala
     * belong to a cluster module of their own (eventdesk's {@code cluster-spark}), which runs the core's code.
     */
    public ArchRule coreIsFreeOfClusterFrameworks() {
        return noClasses()
                .that()
                .resideInAnyPackage(root + ".domain..", application(), adapters(), root + ".bootstrap..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.spark..", "org.apache.hadoop..", "scala..")
                .as("the core is free of Spark, Hadoop and Scala")
                .because("a cluster runs the core's code from a module of its own; the core runs without a cluster")
                .allowEmptyShould(true);
    }

    /** The domain knows nothing outside itself. */
    public ArchRule domainIsFreeOfOuterLayers() {
        return noClasses()
                .that()
                .resideInAPackage(domain())
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(application(), adapters(), root + ".bootstrap..")
                .as("the domain depends on no outer layer")
                .because("the domain is the core: move what it needs from an outer layer into the domain, or"
                        + " behind a port")
                .allowEmptyShould(true);
    }

    /** One adapter never uses another: they meet only through the ports. */
    public ArchRule adaptersAreIndependent() {
        return slices().matching(root + ".adapters.(*)..")
                .should()
                .notDependOnEachOther()
                .as("adapters do not depend on each other")
                .because("adapters meet only through the ports: share a domain type or a port, not an adapter's"
                        + " class")
                .allowEmptyShould(true);
    }

    /** Out-ports are interfaces named {@code …Port}, living in {@code domain.port}. */
    public ArchRule portsAreInterfacesNamedPort() {
        return classes()
                .that()
                .haveSimpleNameEndingWith("Port")
                .and()
                .resideInAPackage(root + "..")
                .should()
                .beInterfaces()
                .andShould()
                .resideInAPackage(root + ".domain.port..")
                .as("out-ports are interfaces named …Port in domain.port")
                .because("a newcomer finds every port by its name and place: rename the type, or move it to"
                        + " domain.port")
                .allowEmptyShould(true);
    }

    /** Whatever an adapter implements from {@code domain.port} (its own or eventdesk's) is an out-port {@code …Port}. */
    public ArchRule adaptersImplementOnlyPorts() {
        return classes()
                .that()
                .resideInAnyPackage(root + ".domain.port..", EVENTDESK_PORTS + "..")
                .and()
                .areInterfaces()
                .and(implementedIn(adapters()))
                .should(com.tngtech.archunit.lang.conditions.ArchConditions.be(DescribedPredicate.describe(
                                "be named …Port, or be declared in one (a port's own callback, e.g. its Listener)",
                                (JavaClass c) -> c.getSimpleName().endsWith("Port")
                                        || c.getEnclosingClass()
                                                .map(e -> e.getSimpleName().endsWith("Port"))
                                                .orElse(false))
                        .as("named …Port, or declared in one")))
                .as("adapters implement out-ports, which are named …Port (and their own callbacks)")
                .because("an adapter plugs into the desk through a port: name the interface …Port")
                .allowEmptyShould(true);
    }

    private static DescribedPredicate<JavaClass> implementedIn(String packagePattern) {
        String prefix = packagePattern.replace("..", "");
        return DescribedPredicate.describe(
                "are implemented in " + packagePattern,
                port -> port.getAllSubclasses().stream()
                        .anyMatch(c -> c.getPackageName().startsWith(prefix)));
    }

    /** An adapter's implementation of a port is package-private; only its entry point and config types are public. */
    public ArchRule adapterImplementationsArePackagePrivate() {
        return classes()
                .that()
                .resideInAPackage(adapters())
                .and()
                .implement(DescribedPredicate.describe(
                        "an out-port",
                        (JavaClass c) -> (c.getPackageName().startsWith(root + ".domain.port")
                                        || c.getPackageName().startsWith(EVENTDESK_PORTS))
                                && c.getSimpleName().endsWith("Port")))
                .should(bePackagePrivateUnlessTheirPackagesOnlyPublicClass())
                .as("adapter implementations of ports are package-private behind one public entry point")
                .because("users reach an adapter through its entry point (a factory returning the port, or the"
                        + " implementation itself when it is its package's one public class, as a plugin named in a"
                        + " config is): make the class package-private and add or use that factory, or move the other"
                        + " public classes out of its package")
                .allowEmptyShould(true);
    }

    private static ArchCondition<JavaClass> bePackagePrivateUnlessTheirPackagesOnlyPublicClass() {
        return new ArchCondition<>("be package-private, or their package's one public class") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                if (!c.getModifiers().contains(JavaModifier.PUBLIC)) {
                    return;
                }
                List<String> otherPublic = c.getPackage().getClasses().stream()
                        .filter(o -> o != c
                                && o.isTopLevelClass()
                                && o.getModifiers().contains(JavaModifier.PUBLIC))
                        .map(JavaClass::getSimpleName)
                        .sorted()
                        .toList();
                if (!otherPublic.isEmpty()) {
                    events.add(SimpleConditionEvent.violated(
                            c,
                            "Class <" + c.getName() + "> is public beside other public classes of its package ("
                                    + String.join(", ", otherPublic) + ") in (" + c.getSimpleName() + ".java:0)"));
                }
            }
        };
    }

    /** No cycles between the packages of the code base. */
    public ArchRule noPackageCycles() {
        return slices().matching(root + ".(**)")
                .should()
                .beFreeOfCycles()
                .as("no cycles between packages")
                .because("a cycle ties packages into one: move the shared type down, or invert one dependency")
                .allowEmptyShould(true);
    }

    /**
     * Evaluates every rule on {@code classes} and fails once, listing every violation of every rule (not only the
     * first rule's). A layer the code base does not have is named in the returned notes, not an error.
     *
     * @return notes on what was not checked because its layer is absent
     * @throws AssertionError listing each broken rule with its violations and what to change
     */
    public List<String> checkAll(JavaClasses classes) {
        List<String> notes = new ArrayList<>();
        for (String layer : List.of("domain", "application", "adapters")) {
            String pkg = root + "." + layer;
            if (classes.stream().noneMatch(c -> c.getPackageName().startsWith(pkg))) {
                notes.add("no classes under " + pkg + ": its rules had nothing to check");
            }
        }
        StringBuilder report = new StringBuilder();
        int broken = 0;
        for (ArchRule rule : all()) {
            EvaluationResult result = rule.evaluate(classes);
            if (result.hasViolation()) {
                broken++;
                report.append('\n').append(result.getFailureReport().toString());
            }
        }
        if (broken > 0) {
            throw new AssertionError(broken + " of " + all().size() + " eventdesk architecture rules broken:" + report);
        }
        return notes;
    }

    public List<ArchRule> all() {
        return List.of(
                adaptersCallOnlyUseCases(),
                coreIsFreeOfClusterFrameworks(),
                domainIsPure(),
                noWallClock(),
                applicationIsFreeOfAdapters(),
                domainIsFreeOfOuterLayers(),
                adaptersAreIndependent(),
                portsAreInterfacesNamedPort(),
                adaptersImplementOnlyPorts(),
                adapterImplementationsArePackagePrivate(),
                noPackageCycles());
    }
}

package io.eventdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tearsheet in a real browser: headless Chromium loads {@code report.html} from disk with the network off; no
 * script error, every chart drew on its canvas, and a screenshot is left in {@code target/} for a person to look at.
 * Skipped with a message where Chromium is absent, except under {@code CI=true}, where it must run.
 */
class ReportBrowserTest {
    @TempDir
    Path dir;

    private static Path chromium() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            Path p = Path.of(candidate);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private List<String> command(Path chromium, String... extra) {
        List<String> c = new ArrayList<>(List.of(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + dir.resolve("profile-" + System.nanoTime()),
                "--virtual-time-budget=15000"));
        c.addAll(List.of(extra));
        return c;
    }

    private static String[] run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).start();
        byte[][] out = new byte[2][];
        Thread err = new Thread(() -> {
            try {
                out[1] = p.getErrorStream().readAllBytes();
            } catch (IOException e) {
                out[1] = new byte[0];
            }
        });
        err.start();
        out[0] = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        err.join();
        return new String[] {new String(out[0], StandardCharsets.UTF_8), new String(out[1], StandardCharsets.UTF_8)};
    }

    @Test
    void shouldDrawEveryChartWithoutAnError_whenTheReportOpensInABrowser() throws Exception {
        Path chromium = chromium();
        boolean ci = "true".equals(System.getenv("CI"));
        if (chromium == null && !ci) {
            System.err.println("ReportBrowserTest skipped: no Chromium (apt-get install -y chromium chromium-driver)");
        }
        assumeTrue(chromium != null || ci, "no Chromium on this machine");
        assertThat(chromium).as("Chromium is required under CI=true").isNotNull();

        RunFolder r = RunFolder.backtest(Path.of("..", "examples", "sma-cross-btc.yaml"), dir.resolve("run"));
        assertThat(r.exitCode).as(r.err).isZero();
        Path report = r.dir.resolve("report.html");
        assertThat(Files.size(report)).as("report size").isLessThan(3_000_000);
        String page = Files.readString(report);
        // nothing is fetched: the markup (scripts aside, which are inline) loads no script, style sheet or image
        String markup = page.replaceAll("(?s)<script>.*?</script>", "<script></script>");
        assertThat(markup)
                .doesNotContainPattern("<(script|link|img|iframe)[^>]+(src|href)\\s*=")
                .contains("Apache License");

        String[] dom = run(command(
                chromium,
                "--enable-logging=stderr",
                "--v=0",
                "--dump-dom",
                report.toUri().toString()));
        Matcher body = Pattern.compile(
                        "<body[^>]*data-charts-expected=\"(\\d+)\"[^>]*data-charts-drawn=\"(\\d+)\"[^>]*data-errors=\"([^\"]*)\"")
                .matcher(dom[0]);
        assertThat(body.find())
                .as("the page's body after its scripts ran:\n%s", dom[1])
                .isTrue();
        assertThat(body.group(3)).as("script errors").isEmpty();
        assertThat(Integer.parseInt(body.group(1))).isGreaterThanOrEqualTo(6);
        assertThat(body.group(2)).as("charts drawn").isEqualTo(body.group(1));
        assertThat(dom[1]).as("console errors").doesNotContain("Uncaught");
        assertThat(dom[0]).contains("1325 round trip(s) shown"); // 1,324 closed and the one open at the end

        // the comparison page draws too
        Path compare = dir.resolve("compare.html");
        RunFolder c = RunFolder.cli(dir, "compare", r.dir.toString(), r.dir.toString(), "--out", compare.toString());
        assertThat(c.exitCode).as(c.err).isZero();
        String[] cdom = run(command(chromium, "--dump-dom", compare.toUri().toString()));
        assertThat(cdom[0]).contains("data-charts-drawn=\"1\"").contains("data-errors=\"\"");

        Path screenshot = Path.of("target", "report-screenshot.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        run(command(
                chromium,
                "--window-size=1280,5200",
                "--screenshot=" + screenshot,
                report.toUri().toString()));
        assertThat(screenshot).exists();
        assertThat(Files.size(screenshot)).isGreaterThan(50_000);
    }
}

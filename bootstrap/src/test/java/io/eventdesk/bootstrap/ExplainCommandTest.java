package io.eventdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eventdesk explain}: an order's whole story, and an outside signal's, from the journal alone. */
class ExplainCommandTest {
    @TempDir
    Path dir;

    @Test
    void shouldTellTheWorkedOrdersStory_whenItsIdIsGiven() {
        RunFolder run = RunFolder.backtest(Path.of("..", "examples", "execution-eth.yaml"), dir.resolve("eth"));
        assertThat(run.exitCode).as(run.err).isZero();
        RunFolder e = RunFolder.cli(run.dir, "explain", "O-3", "--run", run.dir.toString());
        assertThat(e.exitCode).as(e.err).isZero();
        List<String> lines = e.out.lines().toList();
        assertThat(lines.get(0)).isEqualTo("order O-3: BUY 600 ETH-USD MARKET GTC, strategy sma-cross");
        assertThat(lines.get(1))
                .contains("signal")
                .contains("enter-long by sma-cross")
                .contains("crossed above");
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("APPROVED, 4 rule(s) evaluated"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("pass cash-sufficiency: buy needs 7294.374"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("(latency 342 ms)"));
        assertThat(lines.stream().filter(l -> l.trim().startsWith("filled"))).hasSize(3);
        assertThat(lines.get(lines.size() - 1)).isEqualTo("  status     FILLED (600 of 600 filled)");
    }

    @Test
    void shouldTellASignalsStory_whenItsSignalIdIsGiven() {
        RunFolder run = RunFolder.backtest(Path.of("..", "examples", "signals-btc.yaml"), dir.resolve("sig"));
        assertThat(run.exitCode).as(run.err).isZero();
        RunFolder e = RunFolder.cli(run.dir, "explain", "--signal", "s2", "--run", run.dir.toString());
        assertThat(e.exitCode).as(e.err).isZero();
        assertThat(e.out)
                .contains("external-buy by research-a")
                .contains("status     FILLED")
                .contains("duplicate signal_id s2");
    }

    @Test
    void shouldExitTwoSayingSo_whenTheOrderIsNotInTheJournal() {
        RunFolder run = RunFolder.backtest(Path.of("..", "examples", "signals-btc.yaml"), dir.resolve("sig"));
        RunFolder e = RunFolder.cli(run.dir, "explain", "O-99", "--run", run.dir.toString());
        assertThat(e.exitCode).isEqualTo(2);
        assertThat(e.err).isEqualTo("error: no order O-99 in the journal of run signals-btc\n");
    }
}

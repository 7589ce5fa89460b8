package io.nolambda.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nolambda.events.EventJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as a user drives it (services and demo are covered by the runner-proof tests). */
class NoLambdaCliTest {

  private static int run(StringWriter err, String... args) {
    CommandLine cli = new CommandLine(new NoLambdaCli());
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void helpListsTheSubcommands() {
    CommandLine cli = new CommandLine(new NoLambdaCli());
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute("--help")).isZero();
    assertThat(out.toString()).contains("services", "simulate", "import", "demo");
  }

  @Test
  void simulateToFilesIsDeterministicAndReadable(@TempDir Path dir) throws IOException {
    Path a = dir.resolve("a.jsonl");
    Path b = dir.resolve("b.jsonl");
    assertThat(run(new StringWriter(), "simulate", "--to=file:" + a, "--minutes=6", "--seed=7", "--asset-rate=5")).isZero();
    assertThat(run(new StringWriter(), "simulate", "--to=file:" + b, "--minutes=6", "--seed=7", "--asset-rate=5")).isZero();

    List<String> lines = Files.readAllLines(a);
    assertThat(lines).isNotEmpty().isEqualTo(Files.readAllLines(b));
    assertThat(lines).allSatisfy(line -> assertThat(EventJson.encode(EventJson.decode(line))).isEqualTo(line));
  }

  @Test
  void importWritesEveryEventOfTheRealFile(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("incidents.jsonl");
    assertThat(run(new StringWriter(), "import", "--dataset=incidents", "--to=file:" + out)).isZero();
    // 924 service requests opened, 480 of them closed within the extract (see the importer tests)
    assertThat(Files.readAllLines(out)).hasSize(924 + 480);
  }

  @Test
  void anUnknownDestinationIsAClearError(@TempDir Path dir) {
    StringWriter err = new StringWriter();
    assertThat(run(err, "simulate", "--to=ftp://somewhere", "--minutes=6")).isNotZero();
    assertThat(err.toString()).contains("--to=ftp://somewhere: use 'kafka' or 'file:PATH'");
  }
}

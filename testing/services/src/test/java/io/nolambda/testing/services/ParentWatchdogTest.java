package io.nolambda.testing.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ParentWatchdogTest {

  /** Stands in for a server: runs until killed. */
  static final class RunForever {
    public static void main(String[] args) throws InterruptedException {
      Thread.sleep(Long.MAX_VALUE);
    }
  }

  @Test
  void childExitsWhenItsParentsPipeCloses() throws Exception {
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ParentWatchdog.class.getName(), RunForever.class.getName())
        .redirectErrorStream(true).redirectOutput(Redirect.DISCARD).start();
    try {
      assertThat(child.waitFor(1, TimeUnit.SECONDS)).as("alive while the pipe is open").isFalse();
      child.getOutputStream().close(); // what the kernel does when the parent dies
      assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("exited after the pipe closed").isTrue();
      assertThat(child.exitValue()).isZero();
    } finally {
      child.destroyForcibly();
    }
  }
}

package io.nolambda.io.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;

/** Consecutive lines of a file, the first being line {@code firstLine} (1-based), blank lines included. */
record LineChunk(String path, long firstLine, List<String> lines) {

  static final class Coder extends CustomCoder<LineChunk> {
    private static final ListCoder<String> LINES = ListCoder.of(StringUtf8Coder.of());

    @Override
    public void encode(LineChunk chunk, OutputStream out) throws IOException {
      StringUtf8Coder.of().encode(chunk.path(), out);
      VarLongCoder.of().encode(chunk.firstLine(), out);
      LINES.encode(chunk.lines(), out);
    }

    @Override
    public LineChunk decode(InputStream in) throws IOException {
      return new LineChunk(StringUtf8Coder.of().decode(in), VarLongCoder.of().decode(in), LINES.decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}

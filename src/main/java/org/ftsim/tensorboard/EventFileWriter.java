package org.ftsim.tensorboard;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Appends scalar events to one new event file, {@code events.out.tfevents.SECONDS.HOST.PID.0} (the
 * name TensorBoard looks for) in a folder on any Hadoop file system. The first record is the {@code
 * file_version} event; then one event per {@link #scalars} call. {@link #flush} makes what was
 * written visible to a TensorBoard reading the folder.
 */
public final class EventFileWriter implements AutoCloseable {

  private final Path file;
  private final FSDataOutputStream raw;
  private final OutputStream out;

  private EventFileWriter(Path file, FSDataOutputStream raw) throws IOException {
    this.file = file;
    this.raw = raw;
    this.out = new BufferedOutputStream(raw, 1 << 16);
    TfRecord.write(out, Events.fileVersion(now()));
  }

  /** A new event file in {@code folder} (created if needed), with its first event written. */
  public static EventFileWriter create(String folder) {
    try {
      Path dir = new Path(folder);
      FileSystem fs = dir.getFileSystem(new Configuration());
      // The local file system would put a .crc file beside it, whose name TensorBoard would take
      // for an event file too.
      fs.setWriteChecksum(false);
      fs.mkdirs(dir);
      long seconds = System.currentTimeMillis() / 1000;
      String name =
          String.format(
              Locale.ROOT,
              "events.out.tfevents.%d.%s.%d.0",
              seconds,
              host(),
              ProcessHandle.current().pid());
      Path file = new Path(dir, name);
      return new EventFileWriter(file, fs.create(file, false));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write TensorBoard events in " + folder, e);
    }
  }

  /** Appends one event at {@code step} holding {@code tags[i] = values[i]}. */
  public void scalars(long step, List<String> tags, float[] values) {
    try {
      TfRecord.write(out, Events.scalars(now(), step, tags, values));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write TensorBoard events to " + file, e);
    }
  }

  /** Makes the events so far visible to readers. */
  public void flush() {
    try {
      out.flush();
      raw.hflush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write TensorBoard events to " + file, e);
    }
  }

  /** The file written. */
  public String file() {
    return file.toString();
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write TensorBoard events to " + file, e);
    }
  }

  private static double now() {
    return System.currentTimeMillis() / 1e3;
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}

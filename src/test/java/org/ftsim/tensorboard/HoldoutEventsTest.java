package org.ftsim.tensorboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.ftsim.results.Rows.EvalRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code --validation} hold-out's evals rows go to their own tags, not the test set's. */
class HoldoutEventsTest {

  @TempDir Path dir;

  @Test
  void holdoutRowsKeepApartFromTheTestTags() throws IOException {
    RunEvents events = RunEvents.open(dir.toString(), "r");
    events.accept(new EvalRow("r", 1, 3, "accuracy", 0.5, 1.25, 0));
    events.accept(new EvalRow("r", 1, 3, "val_accuracy", 0.75, 0.5, 0));
    Map<String, Double> byTag = new TreeMap<>();
    RecordReader.Contents contents = RecordReader.read(Files.readAllBytes(Path.of(events.file())));
    for (RecordReader.Record r : contents.records()) {
      Events.Event event = Events.decode(r.data());
      for (Events.Scalar s : event.scalars()) {
        assertEquals(3, event.step());
        byTag.put(s.tag(), s.value());
      }
    }
    assertEquals(
        Map.of(
            "Accuracy/val", 0.5,
            "ftsim/test_loss", 1.25,
            "ftsim/holdout_accuracy", 0.75,
            "ftsim/holdout_loss", 0.5),
        byTag);
  }
}

package org.ftsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ftsim.results.Table;
import org.junit.jupiter.api.Test;

/**
 * The Jupyter notebook and the Zeppelin note cannot run here (no PySpark): checks that they are
 * valid documents of their formats, carry no outputs, start with their setup and run every query of
 * {@code notebooks/queries/}, and that their helper module reads the tables with the schemas of
 * {@link Tables}.
 */
class NotebooksTest {

  private static final Path NOTEBOOKS = Path.of("notebooks");
  private static final ObjectMapper JSON = new ObjectMapper();

  static List<String> queryNames() throws IOException {
    return QueriesTest.files().map(f -> f.substring(0, f.length() - ".sql".length())).toList();
  }

  @Test
  void jupyterNotebookIsNbformat4WithSetupFirstAndNoOutputs() throws IOException {
    JsonNode nb = JSON.readTree(NOTEBOOKS.resolve("ftsim-results.ipynb").toFile());
    assertEquals(4, nb.get("nbformat").asInt());
    assertEquals("python3", nb.at("/metadata/kernelspec/name").asText());
    List<String> code = new ArrayList<>();
    for (JsonNode cell : nb.get("cells")) {
      assertTrue(cell.get("source").isArray(), "source as a list of lines");
      if (cell.get("cell_type").asText().equals("code")) {
        assertEquals(0, cell.get("outputs").size(), "never executed here: no outputs");
        assertTrue(cell.get("execution_count").isNull());
        code.add(text(cell.get("source")));
      }
    }
    JsonNode first = nb.get("cells").get(0);
    assertEquals("code", first.get("cell_type").asText(), "the setup is the first cell");
    String setup = code.get(0);
    for (String part :
        List.of(
            "RESULTS = ", "RUNS = None", "import ftsim_results as fr", "SparkSession.builder")) {
      assertTrue(setup.contains(part), part);
    }
    assertTrue(setup.contains("fr.register(spark, RESULTS, RUNS)"));
    String all = String.join("\n", code);
    for (String query : queryNames()) {
      assertTrue(all.contains("fr.query(spark, \"" + query + "\")"), query);
    }
  }

  @Test
  void zeppelinNoteHasSqlAndPysparkParagraphsOverEveryQuery() throws IOException {
    JsonNode note = JSON.readTree(NOTEBOOKS.resolve("ftsim-results.zpln").toFile());
    assertEquals("spark", note.get("defaultInterpreterGroup").asText());
    List<String> interpreters = new ArrayList<>();
    StringBuilder all = new StringBuilder();
    for (JsonNode p : note.get("paragraphs")) {
      String text = p.get("text").asText();
      interpreters.add(text.substring(0, text.indexOf('\n')));
      all.append(text).append('\n');
      assertTrue(p.path("results").isMissingNode(), "never executed here: no results");
      assertEquals("READY", p.get("status").asText());
    }
    assertEquals(
        List.of(
            "%md",
            "%pyspark",
            "%spark.sql",
            "%spark.sql",
            "%spark.sql",
            "%pyspark",
            "%pyspark",
            "%spark.sql",
            "%spark.sql",
            "%spark.sql",
            "%spark.sql",
            "%spark.sql",
            "%spark.sql"),
        interpreters);
    String setup = note.get("paragraphs").get(1).get("text").asText();
    assertTrue(setup.contains("fr.register(spark, RESULTS, RUNS)"), setup);
    for (String query : queryNames()) {
      assertTrue(setup.contains("\"" + query + "\""), "the setup runs " + query);
      assertTrue(all.indexOf("q_" + query) > all.indexOf("q_\" + name"), query + " is used");
    }
  }

  @Test
  void helperModuleReadsTheTablesWithTheirSchemas() throws IOException {
    String module = Files.readString(NOTEBOOKS.resolve("ftsim_results.py"));
    String block = module.substring(module.indexOf("SCHEMAS = {"), module.indexOf("\n}\n"));
    Map<String, String> ddl = new LinkedHashMap<>();
    Matcher entry = Pattern.compile("\"(\\w+)\":((?:\\s*\"[^\"]*\")+)").matcher(block);
    while (entry.find()) {
      Matcher literal = Pattern.compile("\"([^\"]*)\"").matcher(entry.group(2));
      StringBuilder text = new StringBuilder();
      while (literal.find()) {
        text.append(literal.group(1));
      }
      ddl.put(entry.group(1), text.toString());
    }
    Map<String, String> expected = new LinkedHashMap<>();
    for (Table table : Table.values()) {
      expected.put(table.folder(), table.schema().toDDL());
    }
    assertEquals(expected, ddl);
  }

  private static String text(JsonNode lines) {
    StringBuilder s = new StringBuilder();
    lines.forEach(l -> s.append(l.asText()));
    return s.toString();
  }
}

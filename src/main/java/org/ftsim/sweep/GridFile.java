package org.ftsim.sweep;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a grid file: JSON ({@code .json}) or YAML (any other name), one mapping from keys to a
 * value or a list of values (see {@link Grid}). A key may be written with or without its leading
 * {@code --}; a repeated key, a nested mapping, a null or an empty list is refused with its line or
 * key.
 */
public final class GridFile {

  private GridFile() {}

  /** The grid in {@code file}; throws {@link GridException} naming the file and the problem. */
  public static Grid read(Path file) {
    Object document;
    if (!Files.isRegularFile(file)) {
      throw new GridException("grid " + file + ": no such file");
    }
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      document =
          file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
              ? json(in)
              : yaml(in);
    } catch (IOException e) {
      throw new GridException("grid " + file + ": cannot be read (" + e.getMessage() + ")");
    } catch (GridException e) {
      throw new GridException("grid " + file + ": " + e.getMessage());
    }
    try {
      return of(document);
    } catch (GridException e) {
      throw new GridException("grid " + file + ": " + e.getMessage());
    }
  }

  /** The grid a parsed document (maps, lists, scalars) describes. */
  public static Grid of(Object document) {
    if (!(document instanceof Map<?, ?> map) || map.isEmpty()) {
      throw new GridException(
          "expected a mapping from train options to values, e.g. seed: [1, 2, 3]");
    }
    Map<String, List<Object>> axes = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String key = String.valueOf(entry.getKey()).strip().replaceFirst("^--?", "");
      if (axes.containsKey(key)) {
        throw new GridException(key + ": given twice");
      }
      Object value = entry.getValue();
      List<Object> values = new ArrayList<>();
      if (value instanceof List<?> list) {
        for (Object item : list) {
          values.add(item instanceof List<?> inner ? scalars(key, inner) : scalar(key, item));
        }
      } else {
        values.add(scalar(key, value));
      }
      axes.put(key, values);
    }
    return new Grid(axes);
  }

  private static List<Object> scalars(String key, List<?> values) {
    List<Object> out = new ArrayList<>();
    for (Object v : values) {
      out.add(scalar(key, v));
    }
    return List.copyOf(out);
  }

  private static Object scalar(String key, Object value) {
    if (value == null) {
      throw new GridException(key + ": null (give a value, or leave the key out)");
    }
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      throw new GridException(
          key
              + ": "
              + value
              + " (a value is a scalar, or a list of scalars for an option such as"
              + " faulty that takes several)");
    }
    return value;
  }

  private static Object json(Reader in) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    try {
      return mapper.readValue(in, Object.class);
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      throw new GridException(
          (at != null ? "line " + at.getLineNr() + ": " : "")
              + e.getOriginalMessage().lines().findFirst().orElse("not JSON"));
    }
  }

  private static Object yaml(Reader in) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    try {
      return new Yaml(new SafeConstructor(options)).load(in);
    } catch (MarkedYAMLException e) {
      var at = e.getProblemMark();
      throw new GridException(
          (at != null ? "line " + (at.getLine() + 1) + ": " : "") + e.getProblem());
    } catch (YAMLException e) {
      throw new GridException(e.getMessage().lines().findFirst().orElse("not YAML"));
    }
  }
}

package io.tocsin.rules.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectReader;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * One YAML document of a source. Multi-document files are split here; a document that only sets
 * {@code action: global} or similar collection markers of Sigma 1 is reported, not guessed at.
 */
record SigmaDocument(String source, int index, int line, Map<String, Object> tree) {

  private static final ObjectReader READER = YAMLMapper.builder().build().readerFor(Object.class);

  static List<SigmaDocument> read(SigmaSource source, List<String> problems) {
    List<SigmaDocument> out = new ArrayList<>();
    int index = 0;
    try (MappingIterator<Object> it = READER.readValues(source.text())) {
      while (it.hasNextValue()) {
        int line = it.currentLocation() == null ? 0 : it.currentLocation().getLineNr();
        Object tree = it.nextValue();
        index++;
        if (tree instanceof Map<?, ?> map) {
          @SuppressWarnings("unchecked")
          Map<String, Object> typed = (Map<String, Object>) map;
          out.add(new SigmaDocument(source.name(), index, line, typed));
        } else if (tree != null) {
          problems.add(
              source.name()
                  + ":"
                  + line
                  + ":1: document "
                  + index
                  + " is not a map of Sigma fields");
        }
      }
    } catch (JacksonException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      int col = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
      problems.add(source.name() + ":" + line + ":" + col + ": " + e.getOriginalMessage());
    }
    return out;
  }
}

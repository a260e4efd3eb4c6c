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

  private static final ObjectReader READER = YAMLMapper.builder().build().readerFor(Map.class);

  static List<SigmaDocument> read(SigmaSource source, List<String> problems) {
    List<SigmaDocument> out = new ArrayList<>();
    int index = 0;
    try (MappingIterator<Map<String, Object>> it = READER.readValues(source.text())) {
      while (it.hasNextValue()) {
        int line = it.currentLocation() == null ? 0 : it.currentLocation().getLineNr();
        Map<String, Object> tree = it.nextValue();
        index++;
        if (tree != null) {
          out.add(new SigmaDocument(source.name(), index, line, tree));
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

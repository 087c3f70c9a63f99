package org.motif.linkage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The disease model presets and default θ grid of {@code genomics/linkage-models.yaml}.
 *
 * @param thetas the default θ grid
 * @param models the presets in file order
 */
public record LinkagePresets(List<Double> thetas, List<Preset> models) {

    /**
     * One named disease model.
     *
     * @param id    stable id, e.g. {@code dominant-70}
     * @param title human-readable title
     * @param model the model
     */
    public record Preset(String id, String title, DiseaseModel model) {
    }

    /**
     * Reads the presets file.
     *
     * @param in the YAML text (UTF-8); not closed
     * @return the presets
     * @throws IOException              if the text is not YAML
     * @throws IllegalArgumentException naming the model and field when a value is missing or out of range
     */
    public static LinkagePresets read(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
        List<Double> thetas = new ArrayList<>();
        JsonNode t = root.path("thetas");
        if (t.isArray()) {
            t.forEach(x -> thetas.add(x.asDouble()));
        } else {
            thetas.addAll(LinkageAnalysis.DEFAULT_THETAS);
        }
        List<Preset> models = new ArrayList<>();
        for (JsonNode m : root.path("models")) {
            String id = m.path("id").asText(null);
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("linkage-models.yaml: a model has no id");
            }
            JsonNode pen = m.path("penetrances");
            if (!pen.isArray() || pen.size() != 3 || !m.path("diseaseAlleleFrequency").isNumber()) {
                throw new IllegalArgumentException("linkage-models.yaml: model " + id
                        + " needs diseaseAlleleFrequency and penetrances [f0, f1, f2]");
            }
            try {
                models.add(new Preset(id, m.path("title").asText(id), new DiseaseModel(
                        m.path("diseaseAlleleFrequency").asDouble(), pen.get(0).asDouble(), pen.get(1).asDouble(),
                        pen.get(2).asDouble())));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("linkage-models.yaml: model " + id + ": " + e.getMessage(), e);
            }
        }
        return new LinkagePresets(List.copyOf(thetas), List.copyOf(models));
    }

    /**
     * @param id a preset id
     * @return the preset
     * @throws IllegalArgumentException listing the known ids if there is none with this id
     */
    public Preset preset(String id) {
        return models.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no linkage model '" + id + "'; known: "
                        + models.stream().map(Preset::id).toList()));
    }
}

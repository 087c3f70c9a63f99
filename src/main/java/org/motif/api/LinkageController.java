package org.motif.api;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.motif.linkage.run.LinkageRunView;
import org.motif.linkage.run.LinkageService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Linkage endpoints of API.md: runs (jobs), lods.tsv, hlod.tsv. */
@RestController
@RequestMapping("/api/v1/linkage")
class LinkageController {
    private final LinkageService linkage;

    LinkageController(LinkageService linkage) {
        this.linkage = linkage;
    }

    /** Body of POST /linkage/runs; {@code model.preset} (a genomics/linkage-models.yaml id) is an optional extra. */
    record RunBody(ModelBody model, List<Double> thetas, String alleleFrequencies, String importId, String filterSet) {
    }

    record ModelBody(String preset, Double diseaseAlleleFrequency, List<Double> penetrances) {
    }

    @PostMapping("/runs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    LinkageService.Started start(@RequestBody RunBody body) {
        ModelBody m = body.model() == null ? new ModelBody(null, null, null) : body.model();
        return linkage.start(new LinkageService.StartRequest(m.preset(), m.diseaseAlleleFrequency(), m.penetrances(),
                body.thetas(), body.alleleFrequencies(), body.importId(), body.filterSet()));
    }

    @GetMapping("/runs")
    Page<LinkageRunView> list() {
        return new Page<>(linkage.list(), null);
    }

    @GetMapping("/runs/{id}")
    LinkageRunView get(@PathVariable String id) {
        return linkage.get(id);
    }

    @DeleteMapping("/runs/{id}")
    LinkageRunView cancel(@PathVariable String id) {
        return linkage.cancel(id);
    }

    @GetMapping("/runs/{id}/lods.tsv")
    void lods(@PathVariable String id, HttpServletResponse response) throws IOException {
        linkage.requireDone(id);
        linkage.writeLods(id, tsv(response, id + "-lods.tsv"));
    }

    @GetMapping("/runs/{id}/hlod.tsv")
    void hlod(@PathVariable String id, HttpServletResponse response) throws IOException {
        linkage.requireDone(id);
        linkage.writeHlod(id, tsv(response, id + "-hlod.tsv"));
    }

    private static Writer tsv(HttpServletResponse response, String fileName) throws IOException {
        response.setContentType("text/tab-separated-values;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        return new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 1 << 16);
    }
}

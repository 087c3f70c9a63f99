package org.motif.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;

import org.motif.base.MotifException;
import org.motif.genomics.MendelianReport;
import org.motif.genomics.VariantQueryService;
import org.motif.genomics.VariantQueryService.VariantQuery;
import org.motif.genomics.VariantQueryService.VariantView;
import org.motif.genomics.VcfImportService;
import org.motif.genomics.VcfImportView;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Genomics endpoints of API.md: VCF imports (jobs), Mendelian QC, variants with segregation. */
@RestController
@RequestMapping("/api/v1")
class GenomicsController {
    private final VcfImportService imports;
    private final VariantQueryService variants;

    GenomicsController(VcfImportService imports, VariantQueryService variants) {
        this.imports = imports;
        this.variants = variants;
    }

    @PostMapping(path = "/vcf-imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    VcfImportService.Started upload(@RequestParam("file") MultipartFile file) throws IOException {
        if (file == null || file.isEmpty() && file.getOriginalFilename() == null) {
            throw new MotifException("multipart field 'file' is missing; send the VCF as form field 'file'.");
        }
        Path tmp = Files.createTempFile("motif-vcf", ".upload");
        try (InputStream in = file.getInputStream()) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        }
        String name = file.getOriginalFilename() == null ? "upload.vcf" : Path.of(file.getOriginalFilename()).getFileName().toString();
        return imports.submit(tmp, name);
    }

    @GetMapping("/vcf-imports")
    Page<VcfImportView> list() {
        return new Page<>(imports.list(), null);
    }

    @GetMapping("/vcf-imports/{id}")
    VcfImportView get(@PathVariable String id) {
        return imports.get(id);
    }

    @DeleteMapping("/vcf-imports/{id}")
    VcfImportView cancel(@PathVariable String id) {
        return imports.cancel(id);
    }

    @GetMapping("/qc/mendelian")
    MendelianReport mendelian(@RequestParam("import") String importId) {
        return imports.mendelian(importId);
    }

    @GetMapping("/variants")
    Page<VariantView> variants(@RequestParam(name = "import", required = false) String importId,
                               @RequestParam(required = false) String gene, @RequestParam(required = false) String region,
                               @RequestParam(required = false) Double maxAf, @RequestParam(required = false) String family,
                               @RequestParam(required = false) String filterSet,
                               @RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) String cursor) {
        if (filterSet != null && !filterSet.isBlank()) {
            throw new org.motif.base.ValidationException("filter set '" + filterSet + "' does not exist; filter sets are not available yet, "
                    + "pass gene/region/maxAf/family instead.");
        }
        List<String> genes = gene == null || gene.isBlank() ? null : Arrays.asList(gene.split(","));
        var page = variants.find(new VariantQuery(importId, genes, region, maxAf, family), cursor, Page.limit(limit));
        return new Page<>(page.items(), page.next());
    }
}

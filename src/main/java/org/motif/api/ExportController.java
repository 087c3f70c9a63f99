package org.motif.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.motif.base.MotifException;
import org.motif.export.ExportOptions;
import org.motif.export.ExportService;
import org.motif.export.ExportService.ExportFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The combined study dataset (API.md "Export"): checked first (403/422 as problem+json), then streamed. */
@RestController
@RequestMapping("/api/v1/exports")
class ExportController {
    private final ExportService exports;

    ExportController(ExportService exports) {
        this.exports = exports;
    }

    @GetMapping("/dataset.xlsx")
    void workbook(@RequestParam MultiValueMap<String, String> parameters, HttpServletResponse response) throws IOException {
        send(ExportFormat.XLSX, joined(parameters), response);
    }

    @GetMapping("/dataset.zip")
    void csvZip(@RequestParam MultiValueMap<String, String> parameters, HttpServletResponse response) throws IOException {
        send(ExportFormat.ZIP, joined(parameters), response);
    }

    /** A repeated parameter ({@code linkageRun=a&linkageRun=b}) as one comma-separated value. */
    private static Map<String, String> joined(MultiValueMap<String, String> parameters) {
        Map<String, String> m = new LinkedHashMap<>();
        parameters.forEach((k, v) -> m.put(k, String.join(",", v)));
        return m;
    }

    private void send(ExportFormat format, Map<String, String> parameters, HttpServletResponse response) throws IOException {
        ExportOptions options = ExportOptions.parse(parameters);
        ExportService.ExportPlan plan;
        try {
            plan = exports.prepare(options, format);
        } catch (MotifException | AccessDeniedException e) {
            exports.refused(options, format, e.getMessage());
            throw e;
        }
        response.setContentType(format.contentType());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + plan.fileName() + "\"");
        response.setHeader("Cache-Control", "no-store");
        exports.write(plan, response.getOutputStream(), null);
    }
}

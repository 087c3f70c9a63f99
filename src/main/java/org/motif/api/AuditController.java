package org.motif.api;

import jakarta.annotation.security.RolesAllowed;
import java.time.OffsetDateTime;
import java.util.List;
import org.motif.security.Role;
import org.motif.security.audit.AuditService;
import org.motif.security.audit.AuditService.AuditEvent;
import org.motif.security.audit.AuditService.AuditFilter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/audit-events} (ADMIN): the audit trail, newest first, in the list envelope of API.md. */
@RestController
@RequestMapping("/api/v1")
@RolesAllowed(Role.ADMIN_NAME)
class AuditController {
    private final AuditService audit;

    AuditController(AuditService audit) {
        this.audit = audit;
    }

    @GetMapping("/audit-events")
    Page<AuditEvent> events(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                            @RequestParam(required = false) String entity,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
                            @RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) String cursor) {
        int size = Page.limit(limit);
        int offset = Page.offset(cursor);
        List<AuditEvent> items = audit.find(new AuditFilter(actor, action, entity, from, to), offset, size + 1);
        return Page.of(items, offset, size);
    }
}

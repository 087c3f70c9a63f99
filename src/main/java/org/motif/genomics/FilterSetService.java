package org.motif.genomics;

import static org.motif.db.Tables.FILTER_SET;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import org.jooq.DSLContext;
import org.motif.base.ConflictException;
import org.motif.base.NotFoundException;
import org.motif.base.Problem;
import org.motif.base.ValidationException;
import org.motif.db.tables.records.FilterSetRecord;
import org.motif.genomics.VariantQueryService.VariantQuery;
import org.motif.security.CurrentUser;
import org.motif.security.Role;
import org.motif.security.audit.AuditService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Saved variant filters, reused by name in the variant browser and {@code GET /api/v1/variants?filterSet=}. */
@Service
@Transactional
public class FilterSetService {
    private final DSLContext db;
    private final ObjectMapper json;
    private final AuditService audit;

    public FilterSetService(DSLContext db, ObjectMapper json, AuditService audit) {
        this.db = db;
        this.json = json;
        this.audit = audit;
    }

    /** A saved filter set. */
    public record FilterSet(String name, VariantQuery filter, String createdBy, OffsetDateTime createdAt) {
    }

    /**
     * Saves a filter under a new name (1–100 characters).
     *
     * @throws ValidationException 422 for a blank or too long name
     * @throws ConflictException   409 when the name is taken
     */
    @RolesAllowed(Role.GENETICIST_NAME)
    public FilterSet save(String name, VariantQuery filter) {
        String n = name == null ? "" : name.trim();
        if (n.isEmpty() || n.length() > 100) {
            throw new ValidationException("A filter set needs a name of 1 to 100 characters.",
                    List.of(new Problem(null, "name", "give a name of 1 to 100 characters")));
        }
        if (db.fetchExists(FILTER_SET, FILTER_SET.NAME.eq(n))) {
            throw new ConflictException("A filter set named '" + n + "' already exists; choose another name.");
        }
        try {
            db.insertInto(FILTER_SET).set(FILTER_SET.NAME, n).set(FILTER_SET.FILTER_JSON, json.writeValueAsString(filter))
                    .set(FILTER_SET.CREATED_BY, CurrentUser.actor()).execute();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        audit.record("filter_set.create", "filter_set", n, Map.of());
        return get(n);
    }

    /** All filter sets by name. */
    @RolesAllowed(Role.GENETICIST_NAME)
    @Transactional(readOnly = true)
    public List<FilterSet> list() {
        return db.selectFrom(FILTER_SET).orderBy(FILTER_SET.NAME).fetch().map(this::view);
    }

    /** @throws NotFoundException 404 when no filter set has this name */
    @RolesAllowed(Role.GENETICIST_NAME)
    @Transactional(readOnly = true)
    public FilterSet get(String name) {
        FilterSetRecord r = db.selectFrom(FILTER_SET).where(FILTER_SET.NAME.eq(name == null ? "" : name.trim())).fetchOne();
        if (r == null) {
            throw new NotFoundException("No filter set '" + name + "'; list them with GET /api/v1/variants/filter-sets.");
        }
        return view(r);
    }

    /** The filter set of this name, if any (for services that take a filter set name as an option and answer 422 for an unknown one). */
    @RolesAllowed(Role.GENETICIST_NAME)
    @Transactional(readOnly = true)
    public Optional<FilterSet> find(String name) {
        if (name == null || name.isBlank()) return Optional.empty();
        return Optional.ofNullable(db.selectFrom(FILTER_SET).where(FILTER_SET.NAME.eq(name.trim())).fetchOne()).map(this::view);
    }

    /** Whether a filter set of this name exists (coordinators may ask: their exports take the option but have no variant sheets). */
    @RolesAllowed({Role.COORDINATOR_NAME, Role.GENETICIST_NAME})
    @Transactional(readOnly = true)
    public boolean exists(String name) {
        return name != null && !name.isBlank() && db.fetchExists(FILTER_SET, FILTER_SET.NAME.eq(name.trim()));
    }

    /** Deletes a filter set. @throws NotFoundException when there is none of that name */
    @RolesAllowed(Role.GENETICIST_NAME)
    public void delete(String name) {
        if (db.deleteFrom(FILTER_SET).where(FILTER_SET.NAME.eq(name)).execute() == 0) {
            throw new NotFoundException("No filter set '" + name + "'.");
        }
        audit.record("filter_set.delete", "filter_set", name, Map.of());
    }

    private FilterSet view(FilterSetRecord r) {
        try {
            return new FilterSet(r.getName(), json.readValue(r.getFilterJson(), VariantQuery.class), r.getCreatedBy(), r.getCreatedAt());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("filter set " + r.getName() + " is not readable: " + e.getMessage(), e);
        }
    }
}

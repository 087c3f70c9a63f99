package org.motif.security.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.motif.security.Role;
import org.motif.security.audit.AuditService;
import org.motif.security.audit.AuditService.AuditEvent;
import org.motif.security.audit.AuditService.AuditFilter;

/** The audit trail, newest first, filtered by actor, action, entity and date; loaded lazily. */
@Route("admin/audit")
@PageTitle("Audit log · Motif")
@Menu(title = "Audit log", order = 91, icon = "vaadin:clipboard-text")
@RolesAllowed(Role.ADMIN_NAME)
public class AuditView extends VerticalLayout {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final AuditService audit;
    private final Grid<AuditEvent> grid = new Grid<>(AuditEvent.class, false);
    private final TextField actor = filterField("audit-actor", "Who");
    private final TextField action = filterField("audit-action", "Action starts with");
    private final TextField entity = filterField("audit-entity", "Entity or id");
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To (inclusive)");

    public AuditView(AuditService audit) {
        this.audit = audit;
        addClassName("motif-page");
        setSizeFull();
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        grid.setId("audit-grid");
        grid.addColumn(e -> WHEN.format(e.occurredAt().atZoneSameInstant(ZoneId.systemDefault()))).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEvent::actor).setHeader("Who").setAutoWidth(true);
        grid.addColumn(AuditEvent::action).setHeader("Action").setAutoWidth(true);
        grid.addColumn(e -> e.entityType() == null ? "" : e.entityType() + (e.entityId() == null ? "" : " " + e.entityId())).setHeader("Entity").setAutoWidth(true);
        grid.addColumn(AuditEvent::details).setHeader("Details").setFlexGrow(1);
        grid.setSizeFull();
        var filters = new HorizontalLayout(actor, action, entity, from, to);
        filters.setWrap(true);
        add(new H2("Audit log"), filters, grid);
        refresh();
    }

    private TextField filterField(String id, String label) {
        var f = new TextField(label);
        f.setId(id);
        f.setClearButtonVisible(true);
        f.setValueChangeMode(ValueChangeMode.LAZY);
        f.addValueChangeListener(e -> refresh());
        return f;
    }

    void refresh() {
        var zone = ZoneId.systemDefault();
        var filter = new AuditFilter(actor.getValue(), action.getValue(), entity.getValue(),
                from.getValue() == null ? null : from.getValue().atStartOfDay(zone).toOffsetDateTime(),
                to.getValue() == null ? null : to.getValue().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        grid.setItems(q -> audit.find(filter, q.getOffset(), q.getLimit()).stream(), q -> audit.count(filter));
    }
}

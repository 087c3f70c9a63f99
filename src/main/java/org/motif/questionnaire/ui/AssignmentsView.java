package org.motif.questionnaire.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.motif.questionnaire.InstrumentService;
import org.motif.questionnaire.survey.AssignmentService;
import org.motif.questionnaire.survey.AssignmentService.AssignmentRow;
import org.motif.questionnaire.survey.AssignmentStatus;
import org.motif.questionnaire.survey.InvitationMailer;
import org.motif.security.Role;
import org.springframework.beans.factory.annotation.Value;

/** Coordinators follow the survey: status per participant and instrument, assign, revoke, re-issue, read answers. */
@Route("surveys")
@PageTitle("Surveys · Motif")
@Menu(title = "Surveys", order = 30, icon = "vaadin:clipboard-check")
@RolesAllowed(Role.COORDINATOR_NAME)
public class AssignmentsView extends VerticalLayout {
    private final AssignmentService assignments;
    private final Grid<AssignmentRow> grid = new Grid<>(AssignmentRow.class, false);
    private final ComboBox<String> family = new ComboBox<>("Family");
    private final ComboBox<String> event = new ComboBox<>("Event");
    private final LinksDialog.Context links;

    public AssignmentsView(AssignmentService assignments, InstrumentService instruments, InvitationMailer mailer,
                           @Value("${motif.study-name:Motif study of musician's dystonia}") String studyName) {
        this.assignments = assignments;
        this.links = new LinksDialog.Context(studyName, mailer);
        addClassName("motif-page");
        setSizeFull();
        var assign = new Button("Assign questionnaires", VaadinIcon.PLUS.create(),
                e -> new AssignDialog(assignments, instruments, requestBase(), created -> {
                    refresh();
                    new LinksDialog(links, created).open();
                }).open());
        assign.setId("assign-open");
        assign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var header = new HorizontalLayout(new H2("Surveys"), assign);
        header.setWidthFull();
        header.setJustifyContentMode(JustifyContentMode.BETWEEN);
        header.setAlignItems(Alignment.CENTER);

        family.setId("filter-family");
        family.setClearButtonVisible(true);
        event.setId("filter-event");
        event.setClearButtonVisible(true);
        family.addValueChangeListener(e -> refresh());
        event.addValueChangeListener(e -> refresh());

        grid.setId("assignments-grid");
        grid.addColumn(AssignmentRow::participantId).setHeader("Participant").setSortable(true).setAutoWidth(true);
        grid.addColumn(AssignmentRow::familyId).setHeader("Family").setSortable(true).setAutoWidth(true);
        grid.addColumn(AssignmentRow::event).setHeader("Event").setSortable(true).setAutoWidth(true);
        grid.addColumn(r -> r.instrumentId() + " v" + r.instrumentVersion()).setHeader("Instrument").setAutoWidth(true);
        grid.addComponentColumn(AssignmentsView::statusBadge).setHeader("Status").setAutoWidth(true);
        grid.addComponentColumn(r -> {
            var bar = new ProgressBar(0, 1, r.fractionAnswered());
            bar.setWidth("6rem");
            var text = new Span(Math.round(r.fractionAnswered() * 100) + " %");
            var box = new HorizontalLayout(bar, text);
            box.setAlignItems(Alignment.CENTER);
            return box;
        }).setHeader("Answered").setAutoWidth(true);
        grid.addColumn(r -> r.dueDate() == null ? "" : r.dueDate().toString()).setHeader("Due").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setSizeFull();
        add(header, new HorizontalLayout(family, event), grid);
        refresh();
    }

    private static Span statusBadge(AssignmentRow r) {
        var s = new Span(r.status().code().replace('_', ' '));
        String theme = switch (r.status()) {
            case COMPLETED -> "success";
            case IN_PROGRESS -> "";
            case EXPIRED, REVOKED -> "error";
            case NOT_STARTED -> "contrast";
        };
        s.getElement().getThemeList().add(("badge " + theme).trim());
        return s;
    }

    private HorizontalLayout actions(AssignmentRow r) {
        var box = new HorizontalLayout();
        if (r.status() == AssignmentStatus.COMPLETED || r.status() == AssignmentStatus.IN_PROGRESS) {
            box.add(small(new Button("Answers", e -> new ResponsesDialog(assignments, r.participantId(), r.assignmentId()).open())));
        }
        if (r.status() != AssignmentStatus.COMPLETED) {
            box.add(small(new Button("New link", e -> {
                var link = assignments.reissue(r.assignmentId(), requestBase());
                refresh();
                new LinksDialog(links, List.of(link)).open();
            })));
        }
        if (r.status() == AssignmentStatus.NOT_STARTED || r.status() == AssignmentStatus.IN_PROGRESS) {
            var revoke = small(new Button("Revoke", e -> {
                assignments.revoke(r.assignmentId());
                refresh();
            }));
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
            box.add(revoke);
            if (links.mailer().enabled()) {
                // links are stored hashed: a reminder carries a fresh link and the old one stops working
                box.add(small(new Button("E-mail reminder", e -> {
                    links.mailer().send(assignments.reissue(r.assignmentId(), requestBase()), true);
                    com.vaadin.flow.component.notification.Notification.show("Reminder sent to " + r.participantId() + ".");
                    refresh();
                })));
            }
        }
        return box;
    }

    private static Button small(Button b) {
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return b;
    }

    void refresh() {
        List<AssignmentRow> rows = assignments.statuses(family.getValue(), event.getValue());
        grid.setItems(rows);
        if (family.getValue() == null) family.setItems(assignments.invitable().stream().map(AssignmentService.Invitee::familyId).distinct().toList());
        if (event.getValue() == null) event.setItems(assignments.events());
    }

    /** scheme://host[:port] of the coordinator's request, used for links when MOTIF_PUBLIC_URL is not set. */
    static String requestBase() {
        var r = VaadinRequest.getCurrent();
        if (r == null) return null;
        var http = (jakarta.servlet.http.HttpServletRequest) ((com.vaadin.flow.server.VaadinServletRequest) r).getHttpServletRequest();
        int port = http.getServerPort();
        boolean defaultPort = ("http".equals(http.getScheme()) && port == 80) || ("https".equals(http.getScheme()) && port == 443);
        return http.getScheme() + "://" + http.getServerName() + (defaultPort ? "" : ":" + port);
    }
}

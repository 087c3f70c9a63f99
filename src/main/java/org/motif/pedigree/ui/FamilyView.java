package org.motif.pedigree.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.StreamResource;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.motif.base.NotFoundException;
import org.motif.participant.FamilyService;
import org.motif.participant.ParticipantService;
import org.motif.participant.ParticipantSummary;
import org.motif.participant.ui.ParticipantView;
import org.motif.pedigree.PedigreeDrawing;
import org.motif.security.Role;

/** One family: the pedigree drawing (click a symbol to open the record), members, add relative, downloads. */
@Route("families/:familyId")
@PageTitle("Family · Motif")
@RolesAllowed({Role.COORDINATOR_NAME, Role.GENETICIST_NAME})
public class FamilyView extends VerticalLayout implements BeforeEnterObserver {
    private final FamilyService families;
    private final ParticipantService participants;
    private final Div drawing = new Div();
    private final Grid<ParticipantSummary> members = new Grid<>();
    private final HorizontalLayout actions = new HorizontalLayout();
    private final H2 title = new H2();
    private String familyId;

    public FamilyView(FamilyService families, ParticipantService participants) {
        this.families = families;
        this.participants = participants;
        addClassName("motif-page");
        drawing.setId("pedigree-drawing");
        drawing.addClassName("pedigree-drawing");
        members.setId("members-grid");
        members.addColumn(ParticipantSummary::id).setHeader("Id");
        members.addColumn(p -> p.sex().label()).setHeader("Sex");
        members.addColumn(ParticipantSummary::birthYear).setHeader("Born");
        members.addColumn(p -> p.affection().label()).setHeader("Affection");
        members.addColumn(p -> p.phenotype() == null || p.phenotype().dystoniaType() == null ? "" : p.phenotype().dystoniaType().title()).setHeader("Type");
        members.addColumn(p -> p.proband() ? "proband" : p.placeholder() ? "placeholder" : "").setHeader("");
        members.setAllRowsVisible(true);
        members.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(ParticipantView.class, new RouteParameters("id", e.getItem().id()))));
        add(title, actions, drawing, members);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        familyId = event.getRouteParameters().get("familyId").orElse("");
        try {
            refresh();
        } catch (NotFoundException e) {
            removeAll();
            add(new H2("No family " + familyId));
        }
    }

    void refresh() {
        var ind = families.pedigree(familyId);
        var couples = families.couples(familyId);
        title.setText("Family " + familyId);
        drawing.removeAll();
        drawing.add(new Html("<div>" + PedigreeDrawing.svg(ind, couples, familyId, "participants/") + "</div>"));
        members.setItems(participants.list(familyId, 0, 10_000));
        actions.removeAll();
        var add = new Button("Add relative", e -> new AddRelativeDialog(participants, members.getListDataView().getItems().toList(), this::refresh).open());
        add.setId("add-relative");
        actions.add(add,
                download(familyId + ".ped", "text/plain", "Download PED", () -> families.exportPed(familyId, false).getBytes(StandardCharsets.UTF_8)),
                download(familyId + "-extended.ped", "text/plain", "PED (all fields)", () -> families.exportPed(familyId, true).getBytes(StandardCharsets.UTF_8)),
                download(familyId + ".svg", "image/svg+xml", "SVG", () -> PedigreeDrawing.svg(ind, couples, familyId, null).getBytes(StandardCharsets.UTF_8)),
                download(familyId + ".png", "image/png", "PNG", () -> PedigreeDrawing.png(ind, couples, familyId)));
    }

    private static Anchor download(String name, String mime, String text, Supplier<byte[]> bytes) {
        var res = new StreamResource(name, () -> new ByteArrayInputStream(bytes.get()));
        res.setContentType(mime);
        var a = new Anchor(res, text);
        a.getElement().setAttribute("download", true);
        a.setId("download-" + name.replaceAll("[^a-z-]", "").replace(' ', '-') + "-" + mime.replaceAll("\\W", ""));
        return a;
    }
}

package org.motif.pedigree.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.motif.base.MotifException;
import org.motif.participant.FamilyService;
import org.motif.participant.FamilySummary;
import org.motif.security.Role;

/** The study's families, a new family, and PED upload. */
@Route("families")
@PageTitle("Families · Motif")
@Menu(title = "Families", order = 10, icon = "vaadin:family")
@RolesAllowed({Role.COORDINATOR_NAME, Role.GENETICIST_NAME})
public class FamiliesView extends VerticalLayout {
    private final FamilyService families;
    private final Grid<FamilySummary> grid = new Grid<>();

    public FamiliesView(FamilyService families) {
        this.families = families;
        addClassName("motif-page");
        grid.setId("families-grid");
        grid.addColumn(FamilySummary::familyId).setHeader("Family").setSortable(true);
        grid.addColumn(FamilySummary::members).setHeader("Members");
        grid.addColumn(FamilySummary::affected).setHeader("Affected");
        grid.addColumn(FamilySummary::probandId).setHeader("Proband");
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(FamilyView.class, new com.vaadin.flow.router.RouteParameters("familyId",
                e.getItem().familyId()))));
        grid.setAllRowsVisible(true);
        var id = new TextField();
        id.setId("new-family-id");
        id.setPlaceholder("F001");
        var create = new Button("New family", e -> {
            try {
                families.createFamily(id.getValue(), null);
                id.clear();
                refresh();
            } catch (MotifException ex) {
                id.setInvalid(true);
                id.setErrorMessage(ex.getMessage());
            }
        });
        create.setId("new-family");
        add(new H2("Families"), new HorizontalLayout(id, create), new PedUpload(families, this::refresh), grid);
        refresh();
    }

    void refresh() {
        grid.setItems(families.families());
    }
}

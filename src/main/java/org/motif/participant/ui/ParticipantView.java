package org.motif.participant.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.motif.base.MotifException;
import org.motif.base.NotFoundException;
import org.motif.participant.ContactService;
import org.motif.participant.ParticipantDetail;
import org.motif.participant.ParticipantEdit;
import org.motif.participant.ParticipantService;
import org.motif.participant.PhenotypeService;
import org.motif.participant.PhenotypeView;
import org.motif.pedigree.Sex;
import org.motif.pedigree.StudyRole;
import org.motif.security.CurrentUser;
import org.motif.security.Role;

/** A participant's record: details (optimistic locking), phenotype history, contact details (coordinators only). */
@Route("participants/:id")
@PageTitle("Participant · Motif")
@RolesAllowed({Role.COORDINATOR_NAME, Role.GENETICIST_NAME})
public class ParticipantView extends VerticalLayout implements BeforeEnterObserver {
    private final ParticipantService participants;
    private final PhenotypeService phenotypes;
    private final ContactService contacts;
    private final ComboBox<Sex> sex = new ComboBox<>("Sex", Sex.values());
    private final IntegerField birthYear = new IntegerField("Birth year");
    private final ComboBox<StudyRole> role = new ComboBox<>("Role", StudyRole.values());
    private final Checkbox proband = new Checkbox("Proband");
    private final Checkbox deceased = new Checkbox("Deceased");
    private final Paragraph message = new Paragraph();
    private final Grid<PhenotypeView> history = new Grid<>();
    private ParticipantDetail detail;

    public ParticipantView(ParticipantService participants, PhenotypeService phenotypes, ContactService contacts) {
        this.participants = participants;
        this.phenotypes = phenotypes;
        this.contacts = contacts;
        addClassName("motif-page");
        sex.setItemLabelGenerator(Sex::label);
        role.setItemLabelGenerator(StudyRole::code);
        message.setId("participant-message");
        history.setId("phenotype-history");
        history.addColumn(PhenotypeView::recordedOn).setHeader("Date");
        history.addColumn(p -> p.affection().label()).setHeader("Affection");
        history.addColumn(p -> p.dystoniaType() == null ? "" : p.dystoniaType().title()).setHeader("Type");
        history.addColumn(p -> p.instrument() == null ? "" : p.instrument()).setHeader("Instrument");
        history.addColumn(PhenotypeView::ageAtOnset).setHeader("Onset (y)");
        history.addColumn(p -> p.certainty() == null ? "" : p.certainty().code()).setHeader("Certainty");
        history.addColumn(p -> String.join(", ", p.hpoTerms())).setHeader("HPO");
        history.addColumn(PhenotypeView::examiner).setHeader("Examiner");
        history.setAllRowsVisible(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        removeAll();
        try {
            detail = participants.get(id);
        } catch (NotFoundException e) {
            add(new H2("No participant " + id));
            return;
        }
        var s = detail.summary();
        var summary = new Paragraph(s.sex().label() + " · " + s.affection().label()
                + (s.phenotype() != null && s.phenotype().dystoniaType() != null ? " (" + s.phenotype().dystoniaType().title() + ")" : "")
                + " · father " + (s.fatherId() == null ? "unknown" : s.fatherId()) + " · mother " + (s.motherId() == null ? "unknown" : s.motherId())
                + (s.placeholder() ? " · placeholder for an unknown parent" : ""));
        summary.setId("participant-summary");
        add(new H2("Participant " + s.id()), new Anchor("families/" + s.familyId(), "Family " + s.familyId()), summary);
        var save = new Button("Save", e -> save());
        save.setId("participant-save");
        var form = new FormLayout(sex, birthYear, role, proband, deceased);
        var details = new VerticalLayout(form, save, message);
        var pheno = new VerticalLayout(history);
        if (CurrentUser.hasRole(Role.GENETICIST)) pheno.add(new H3("New phenotype record"), new PhenotypeForm(phenotypes, s.id(), this::reload));
        var tabs = new TabSheet();
        tabs.add("Details", details);
        tabs.add("Phenotypes", pheno);
        if (CurrentUser.hasRole(Role.COORDINATOR)) tabs.add("Contact", new ContactForm(contacts, s.id()));
        tabs.setWidthFull();
        add(tabs);
        fill();
    }

    private void fill() {
        var s = detail.summary();
        sex.setValue(s.sex());
        birthYear.setValue(s.birthYear());
        role.setValue(s.role());
        proband.setValue(s.proband());
        deceased.setValue(s.deceased());
        history.setItems(detail.phenotypes());
    }

    private void reload() {
        detail = participants.get(detail.id());
        fill();
    }

    private void save() {
        try {
            detail = participants.update(new ParticipantEdit(detail.id(), detail.version(), sex.getValue(), birthYear.getValue(), proband.getValue(),
                    role.getValue(), deceased.getValue(), detail.twinGroup(), detail.twinType()));
            message.setText("Saved.");
            fill();
        } catch (MotifException e) {
            message.setText(e.getMessage());
        }
    }
}

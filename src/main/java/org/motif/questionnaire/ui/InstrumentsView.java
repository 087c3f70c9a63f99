package org.motif.questionnaire.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.motif.questionnaire.InstrumentService;
import org.motif.questionnaire.InstrumentSummary;
import org.motif.questionnaire.InstrumentTexts;
import org.motif.questionnaire.Licence;

/**
 * The instrument library for staff: every instrument with its licence, version, items, scales and
 * whether its texts are installed; the selected one previewed as a participant would see it (read-only,
 * English or German) with its scoring key beside it, and a download as a REDCap data dictionary.
 */
@Route("instruments")
@PageTitle("Instruments · Motif")
@Menu(title = "Instruments", order = 20, icon = "vaadin:clipboard-check")
@PermitAll
public class InstrumentsView extends VerticalLayout implements BeforeEnterObserver {
    private final InstrumentService instruments;
    private final Grid<InstrumentSummary> grid = new Grid<>(InstrumentSummary.class, false);
    private final RadioButtonGroup<String> language = new RadioButtonGroup<>();
    private final Div detail = new Div();

    public InstrumentsView(InstrumentService instruments) {
        this.instruments = instruments;
        addClassName("motif-page");
        setSizeFull();
        grid.setId("instruments-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(InstrumentSummary::id).setHeader("Id").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(InstrumentSummary::title).setHeader("Title").setFlexGrow(1);
        grid.addColumn(InstrumentSummary::version).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> s.licence().code()).setHeader("Licence").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(InstrumentSummary::items).setHeader("Items").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> s.scales().isEmpty() ? "—" : String.join(", ", s.scales())).setHeader("Scales").setFlexGrow(1);
        grid.addColumn(s -> s.textsInstalled() ? "yes" : "not installed").setHeader("Texts").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(instruments.list());
        grid.setAllRowsVisible(true);
        grid.addSelectionListener(e -> show());

        language.setId("instrument-language");
        language.setLabel("Preview language");
        language.setItems("en", "de");
        language.setItemLabelGenerator(l -> l.equals("en") ? "English" : "Deutsch");
        language.setValue("en");
        language.addThemeVariants(RadioGroupVariant.LUMO_HELPER_ABOVE_FIELD);
        language.addValueChangeListener(e -> show());

        var importRedcap = new com.vaadin.flow.component.button.Button("Import a REDCap data dictionary…", e -> new RedcapImportDialog(instruments).open());
        importRedcap.setId("redcap-import");
        detail.setId("instrument-detail");
        detail.setWidthFull();
        add(new H2("Instruments"), new Paragraph("Definitions are read from questionnaires/*.yaml at start-up; select one to preview it "
                + "as a participant sees it, with its scoring key."), importRedcap, grid, detail);
        instruments.list().stream().findFirst().ifPresent(grid::select);
    }

    /** {@code ?instrument=stai&lang=de} selects an instrument and the preview language. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters();
        params.getSingleParameter("lang").filter(l -> l.equals("en") || l.equals("de")).ifPresent(language::setValue);
        params.getSingleParameter("instrument").ifPresent(this::select);
    }

    /** Selects an instrument by id (used by tests and links). */
    public void select(String instrumentId) {
        instruments.list().stream().filter(s -> s.id().equals(instrumentId)).findFirst().ifPresent(grid::select);
    }

    public void setLanguage(String lang) {
        language.setValue(lang);
    }

    private void show() {
        detail.removeAll();
        InstrumentSummary summary = grid.asSingleSelect().getValue();
        if (summary == null) return;
        InstrumentTexts texts = instruments.texts(summary.id(), language.getValue());
        var d = texts.definition();
        var head = new VerticalLayout();
        head.setPadding(false);
        head.setSpacing(false);
        var title = new H3(texts.title());
        title.setId("preview-title");
        var meta = new Span("Version " + d.version() + " · licence " + d.licence().code() + " · " + d.items().size() + " items"
                + (d.unverified().isEmpty() ? "" : " · unverified translation: " + String.join(", ", d.unverified())));
        meta.addClassName("motif-instrument-meta");
        var citation = new Paragraph(d.citation());
        citation.addClassName("motif-instrument-citation");
        head.add(title, meta, citation);
        if (d.licence() == Licence.LICENSED && !texts.complete()) {
            var warn = new Span("Licensed texts are not installed: set MOTIF_INSTRUMENT_TEXTS to the directory holding "
                    + d.id() + ".en.yaml / " + d.id() + ".de.yaml.");
            warn.setId("texts-missing");
            warn.getElement().getThemeList().add("badge contrast");
            head.add(warn);
        }
        var redcap = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] csv = instruments.redcapDictionary(d.id(), language.getValue()).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(csv), d.id() + "_redcap_dictionary.csv", "text/csv", csv.length);
        }), "Download as REDCap data dictionary");
        redcap.setId("redcap-export");
        head.add(language, redcap);

        var preview = new InstrumentPreview(texts);
        var key = new ScoringKeyPanel(d);
        var body = new HorizontalLayout(preview, key);
        body.setWidthFull();
        body.setAlignItems(FlexComponent.Alignment.START);
        body.setFlexGrow(3, preview);
        body.setFlexGrow(2, key);
        detail.add(head, body);
    }
}

package org.motif.questionnaire.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.server.streams.DownloadHandler;
import org.motif.questionnaire.survey.AssignmentService.NewLink;
import org.motif.questionnaire.survey.InvitationLetter;

/** A printable invitation letter with the personal link and its QR code, in English or German. */
class InvitationDialog extends Dialog {

    InvitationDialog(String studyName, NewLink link) {
        setHeaderTitle("Invitation for " + link.participantId());
        setWidth("min(44rem, 95vw)");
        var language = new RadioButtonGroup<String>("Language");
        language.setItems("en", "de");
        language.setItemLabelGenerator(l -> "de".equals(l) ? "Deutsch" : "English");
        language.setValue("en");
        var letter = new Pre();
        letter.addClassName("invitation-letter");
        byte[] png = InvitationLetter.qrPng(link.url(), 240);
        var qr = new Image(DownloadHandler.fromInputStream(e -> new com.vaadin.flow.server.streams.DownloadResponse(
                new java.io.ByteArrayInputStream(png), "invitation-qr.png", "image/png", png.length)), "QR code of the personal link");
        qr.setId("invitation-qr");
        qr.setWidth("240px");
        Runnable render = () -> letter.setText(InvitationLetter.text(studyName, link.participantId(), link.url(), null, language.getValue()));
        language.addValueChangeListener(e -> render.run());
        render.run();
        var page = new Div(letter, qr);
        page.addClassName("invitation-page");
        add(language, page);
        var print = new Button("Print", e -> getElement().executeJs("window.print()"));
        print.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Close", e -> close()), print);
    }
}

package org.motif.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;

/** Shows a secret (one-time password, API token) once, in a field that is easy to copy. */
class SecretDialog extends Dialog {
    SecretDialog(String title, String explanation, String secret) {
        setHeaderTitle(title);
        var field = new TextField();
        field.setId("secret-value");
        field.setValue(secret);
        field.setReadOnly(true);
        field.setWidthFull();
        field.addFocusListener(e -> field.getElement().executeJs("this.inputElement.select()"));
        add(new Paragraph(explanation), field);
        setWidth("34rem");
        var ok = new Button("I have copied it", e -> close());
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(ok);
    }
}

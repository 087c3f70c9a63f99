package org.motif.participant.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import org.motif.base.MotifException;
import org.motif.participant.ContactService;
import org.motif.participant.ContactService.Contact;

/** Contact details (coordinators only; the service checks too). */
class ContactForm extends FormLayout {
    private Contact contact;

    ContactForm(ContactService contacts, String participantId) {
        contact = contacts.get(participantId);
        var name = new TextField("Name", value(contact.fullName()), "");
        name.setId("contact-name");
        var email = new EmailField("E-mail");
        email.setValue(value(contact.email()));
        var phone = new TextField("Phone", value(contact.phone()), "");
        var address = new TextField("Postal address", value(contact.postalAddress()), "");
        var message = new Paragraph();
        var save = new Button("Save contact", e -> {
            try {
                contact = contacts.save(participantId, new Contact(name.getValue(), email.getValue(), phone.getValue(), address.getValue(),
                        contact.preferredLanguage(), contact.note(), contact.version()));
                message.setText("Saved.");
            } catch (MotifException ex) {
                message.setText(ex.getMessage());
            }
        });
        save.setId("contact-save");
        add(name, email, phone, address, save, message);
    }

    private static String value(String s) {
        return s == null ? "" : s;
    }
}

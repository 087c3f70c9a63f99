package org.motif.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import jakarta.annotation.security.PermitAll;
import com.vaadin.flow.spring.security.AuthenticationContext;

/** Start page: a card for each part of Motif the signed-in roles may use. */
@Route("")
@PageTitle("Motif")
@Menu(title = "Overview", order = 0, icon = "vaadin:home")
@PermitAll
public class HomeView extends VerticalLayout {

    public HomeView(AuthenticationContext authentication) {
        addClassName("motif-page");
        add(new H2("Welcome, " + authentication.getPrincipalName().orElse("")));
        add(new Paragraph("Motif brings together what a study of musician's dystonia collects: participants' perfectionism and "
                + "anxiety questionnaires, families and task-specific dystonia phenotypes, genotypes and linkage."));
        var cards = new Div();
        cards.addClassName("motif-cards");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            if (entry.path().isEmpty() || entry.path().equals("/")) continue;
            var card = new Anchor(entry.path(), "");
            card.addClassName("motif-card");
            if (entry.icon() != null) card.add(new Icon(entry.icon()));
            card.add(new H3(entry.title()));
            cards.add(card);
        }
        add(cards);
    }
}

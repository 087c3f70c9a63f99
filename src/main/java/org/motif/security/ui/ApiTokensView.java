package org.motif.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.motif.base.MotifException;
import org.motif.security.ApiTokenService;
import org.motif.security.ApiTokenService.TokenInfo;

/** Each user's personal API tokens for scripts (R, Python): create (shown once) and revoke. */
@Route("account/tokens")
@PageTitle("API tokens · Motif")
@Menu(title = "API tokens", order = 100, icon = "vaadin:key")
@PermitAll
public class ApiTokensView extends VerticalLayout {
    private final ApiTokenService tokens;
    private final Grid<TokenInfo> grid = new Grid<>(TokenInfo.class, false);

    public ApiTokensView(ApiTokenService tokens) {
        this.tokens = tokens;
        addClassName("motif-page");
        setSizeFull();
        var name = new TextField();
        name.setId("token-name");
        name.setPlaceholder("Token name, e.g. R scripts");
        var create = new Button("Create token", VaadinIcon.PLUS.create(), e -> {
            try {
                var created = tokens.create(name.getValue());
                name.clear();
                refresh();
                new SecretDialog("API token '" + created.name() + "'",
                        "Copy it now; Motif stores only a hash and cannot show it again. Use it as 'Authorization: Bearer <token>'.",
                        created.secret()).open();
            } catch (MotifException ex) {
                name.setInvalid(true);
                name.setErrorMessage(ex.getMessage());
            }
        });
        create.setId("create-token");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("tokens-grid");
        grid.addColumn(TokenInfo::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(TokenInfo::hint).setHeader("Starts with").setAutoWidth(true);
        grid.addColumn(t -> UsersView.WHEN.format(t.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.addColumn(t -> t.lastUsedAt() == null ? "never" : UsersView.WHEN.format(t.lastUsedAt())).setHeader("Last used").setAutoWidth(true);
        grid.addComponentColumn(t -> {
            if (!t.active()) return new Paragraph("revoked " + UsersView.WHEN.format(t.revokedAt()));
            var revoke = new Button("Revoke", e -> {
                tokens.revoke(t.id());
                refresh();
            });
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            return revoke;
        }).setHeader("Status").setAutoWidth(true);
        var form = new HorizontalLayout(name, create);
        add(new H2("Personal API tokens"),
                new Paragraph("Tokens let your scripts call Motif's REST API (/api/v1) with your roles. Revoke a token you no longer use."),
                form, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(tokens.listOwn());
    }
}

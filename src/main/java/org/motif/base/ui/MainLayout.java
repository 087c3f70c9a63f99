package org.motif.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/**
 * The staff shell: Motif's name, a side navigation built from the views' {@code @Menu} entries (Vaadin
 * lists only views the signed-in roles may open), the user and a sign-out button.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {
    private final AuthenticationContext authentication;

    public MainLayout(AuthenticationContext authentication) {
        this.authentication = authentication;
        setPrimarySection(Section.DRAWER);
        addToDrawer(brand(), navigation());
        addToNavbar(new DrawerToggle(), userBox());
    }

    private Div brand() {
        var logo = new Span("M");
        logo.addClassName("motif-logo");
        var name = new Span("Motif");
        name.addClassName("motif-brand-name");
        var tag = new Span("Musician's dystonia research");
        tag.addClassName("motif-brand-tag");
        var text = new VerticalLayout(name, tag);
        text.setPadding(false);
        text.setSpacing(false);
        var box = new HorizontalLayout(logo, text);
        box.setAlignItems(FlexComponent.Alignment.CENTER);
        var brand = new Div(box);
        brand.addClassName("motif-brand");
        return brand;
    }

    private SideNav navigation() {
        var nav = new SideNav();
        nav.setId("main-nav");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            var item = new SideNavItem(entry.title(), entry.path());
            if (entry.icon() != null) item.setPrefixComponent(new Icon(entry.icon()));
            nav.addItem(item);
        }
        return nav;
    }

    private HorizontalLayout userBox() {
        var who = new Span(VaadinIcon.USER.create(), new Span(authentication.getPrincipalName().orElse("")));
        who.addClassName("motif-user");
        who.setId("current-user");
        var signOut = new Button("Sign out", VaadinIcon.SIGN_OUT.create(), e -> authentication.logout());
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var box = new HorizontalLayout(who, signOut);
        box.setAlignItems(FlexComponent.Alignment.CENTER);
        box.addClassName("motif-userbox");
        return box;
    }
}

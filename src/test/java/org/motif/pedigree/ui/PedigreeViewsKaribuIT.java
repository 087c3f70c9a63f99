package org.motif.pedigree.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.motif.KaribuTest;
import org.motif.participant.FamilyService;
import org.motif.security.Role;
import org.springframework.beans.factory.annotation.Autowired;

class PedigreeViewsKaribuIT extends KaribuTest {
    @Autowired FamilyService families;

    private void importFamily(String ped) {
        login(ADMIN, Role.ADMIN);
        families.importPed(ped, false);
    }

    @Test
    void families_list_shows_imported_family_and_family_view_draws_it() {
        importFamily("KF1 kf1-f 0 0 1 2\nKF1 kf1-m 0 0 2 1\nKF1 kf1-c kf1-f kf1-m 2 2\n");
        login("geneticist-k", Role.GENETICIST);
        UI.getCurrent().navigate("families");
        Grid<?> grid = _get(Grid.class, spec -> spec.withId("families-grid"));
        assertThat(GridKt._size(grid)).isGreaterThanOrEqualTo(1);
        UI.getCurrent().navigate("families/KF1");
        String svg = _get(Div.class, spec -> spec.withId("pedigree-drawing")).getElement().toString();
        assertThat(svg).contains("kf1-c").contains("href=\"participants/kf1-c\"");
        assertThat(GridKt._size(_get(Grid.class, spec -> spec.withId("members-grid")))).isEqualTo(3);
    }

    @Test
    void new_family_with_a_bad_id_shows_the_message() {
        login("coordinator-k", Role.COORDINATOR);
        UI.getCurrent().navigate("families");
        var id = _get(TextField.class, spec -> spec.withId("new-family-id"));
        id.setValue("bad id!");
        _get(Button.class, spec -> spec.withId("new-family")).click();
        assertThat(id.isInvalid()).isTrue();
        assertThat(id.getErrorMessage()).contains("is not valid");
    }

    @Test
    void participant_record_saves_and_a_stale_save_is_refused_with_a_clear_message() {
        importFamily("KF2 kf2-a 0 0 1 1\n");
        login("coordinator-k", Role.COORDINATOR);
        UI.getCurrent().navigate("participants/kf2-a");
        _get(IntegerField.class, spec -> spec.withCaption("Birth year")).setValue(1960);
        _get(Button.class, spec -> spec.withId("participant-save")).click();
        assertThat(_get(Paragraph.class, spec -> spec.withId("participant-message")).getText()).isEqualTo("Saved.");
        // someone else saves in between
        login(ADMIN, Role.ADMIN);
        var other = org.motif.participant.ParticipantEdit.of(context.getBean(org.motif.participant.ParticipantService.class).get("kf2-a"));
        context.getBean(org.motif.participant.ParticipantService.class).update(new org.motif.participant.ParticipantEdit(other.id(), other.version(),
                other.sex(), 1961, false, other.role(), false, null, null));
        login("coordinator-k", Role.COORDINATOR);
        _get(IntegerField.class, spec -> spec.withCaption("Birth year")).setValue(1962);
        _get(Button.class, spec -> spec.withId("participant-save")).click();
        assertThat(_get(Paragraph.class, spec -> spec.withId("participant-message")).getText()).contains("Someone else changed kf2-a").contains("reload");
    }

    @Test
    void contact_tab_is_shown_to_coordinators_and_not_to_geneticists() {
        importFamily("KF3 kf3-a 0 0 1 1\n");
        login("coordinator-k", Role.COORDINATOR);
        UI.getCurrent().navigate("participants/kf3-a");
        assertThat(_find(com.vaadin.flow.component.tabs.Tab.class).stream().map(com.vaadin.flow.component.tabs.Tab::getLabel).toList())
                .containsExactly("Details", "Phenotypes", "Contact");
        login("geneticist-k", Role.GENETICIST);
        UI.getCurrent().navigate("participants/kf3-a");
        assertThat(_find(com.vaadin.flow.component.tabs.Tab.class).stream().map(com.vaadin.flow.component.tabs.Tab::getLabel).toList())
                .containsExactly("Details", "Phenotypes");
    }
}

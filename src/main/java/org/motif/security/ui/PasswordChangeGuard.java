package org.motif.security.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.motif.security.CurrentUser;
import org.motif.security.UserService;
import org.springframework.stereotype.Component;

/** A user signed in with a one-time password sees only the password change view until they change it. */
@Component
class PasswordChangeGuard implements VaadinServiceInitListener {
    private final UserService users;

    PasswordChangeGuard(UserService users) {
        this.users = users;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::beforeEnter));
    }

    private void beforeEnter(BeforeEnterEvent event) {
        if (event.getNavigationTarget().isAnnotationPresent(AnonymousAllowed.class)
                || event.getNavigationTarget() == ChangePasswordView.class) {
            return;
        }
        boolean mustChange = CurrentUser.username().flatMap(users::find).map(UserService.StaffUser::mustChangePassword).orElse(false);
        if (mustChange) event.forwardTo(ChangePasswordView.class);
    }
}

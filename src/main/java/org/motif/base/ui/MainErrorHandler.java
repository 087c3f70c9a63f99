package org.motif.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.motif.base.MotifException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The one error handler of the UI. A {@link MotifException} is shown as its message; anything else
 * shows a friendly notification with an error id, and the stack trace goes to the log under that id.
 */
@Component
class MainErrorHandler implements VaadinServiceInitListener {
    private static final Logger log = LoggerFactory.getLogger(MainErrorHandler.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public void serviceInit(ServiceInitEvent event) {
        ErrorHandler handler = this::handle;
        event.getSource().addSessionInitListener(e -> e.getSession().setErrorHandler(handler));
    }

    void handle(ErrorEvent event) {
        Throwable t = rootCause(event.getThrowable());
        String message;
        if (t instanceof MotifException m) {
            message = m.getMessage();
        } else if (t instanceof AccessDeniedException) {
            message = "Your roles do not allow this action.";
        } else {
            String errorId = HexFormat.of().formatHex(RANDOM.generateSeed(4));
            log.error("Unexpected error {}", errorId, event.getThrowable());
            message = "Something went wrong. Please try again; if it happens again, tell the study's administrator the error id " + errorId + ".";
        }
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.access(() -> {
                Notification n = Notification.show(message, 8000, Notification.Position.TOP_CENTER);
                n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            });
        }
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c && !(c instanceof MotifException)) c = c.getCause();
        return c;
    }
}

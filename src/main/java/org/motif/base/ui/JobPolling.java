package org.motif.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.shared.Registration;

/**
 * Keeps a view of background jobs (VCF imports, linkage runs) current without server push: while a job
 * of the view is queued or running, the browser polls once a second and the view refreshes.
 */
public final class JobPolling {
    private static final int INTERVAL_MS = 1000;

    private JobPolling() {
    }

    /** Runs {@code refresh} on every poll while {@code view} is attached, and once when it is attached. */
    public static void onPoll(Component view, Runnable refresh) {
        view.addAttachListener(attach -> {
            Registration polls = attach.getUI().addPollListener(p -> refresh.run());
            view.addDetachListener(detach -> {
                polls.remove();
                detach.getUI().setPollInterval(-1);
                detach.unregisterListener();
            });
            refresh.run();
        });
    }

    /** Polls while {@code active} (some job of the view is queued or running), else stops polling. */
    public static void follow(Component view, boolean active) {
        view.getUI().ifPresent(ui -> ui.setPollInterval(active ? INTERVAL_MS : -1));
    }

    /** A job's progress (0–1) as a bar with its percentage, for a grid column. */
    public static Component bar(double progress, String status) {
        ProgressBar bar = new ProgressBar(0, 1, Math.max(0, Math.min(1, progress)));
        bar.setWidth("6em");
        bar.getElement().setAttribute("aria-label", Math.round(progress * 100) + " %");
        bar.getElement().setAttribute("title", status + ", " + Math.round(progress * 100) + " %");
        return bar;
    }
}

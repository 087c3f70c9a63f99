package org.motif.security;

import java.util.LinkedHashMap;
import java.util.Map;
import org.motif.security.audit.AuditService;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Sign-ins and failed sign-ins (UI form and API Basic auth) go to the audit trail. Passwords never do. */
@Component
class AuthenticationAuditListener {
    private final AuditService audit;
    private final UserService users;

    AuthenticationAuditListener(AuditService audit, UserService users) {
        this.audit = audit;
        this.users = users;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        audit.recordAs(event.getAuthentication().getName(), "auth.login", "user", event.getAuthentication().getName(),
                context(event.getAuthentication().getDetails(), null));
        users.recordLogin(event.getAuthentication().getName());
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String name = String.valueOf(event.getAuthentication().getPrincipal());
        audit.recordAs(name.isBlank() ? "anonymous" : name, "auth.failure", "user", name,
                context(event.getAuthentication().getDetails(), event.getException().getClass().getSimpleName()));
    }

    private static Map<String, Object> context(Object details, String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            String uri = attrs.getRequest().getRequestURI();
            m.put("channel", uri.startsWith("/api/") ? "api" : "ui");
            m.put("remote", attrs.getRequest().getRemoteAddr());
        } else if (details instanceof WebAuthenticationDetails web) {
            m.put("remote", web.getRemoteAddress());
        }
        if (reason != null) m.put("reason", reason);
        return m;
    }
}

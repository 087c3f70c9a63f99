package org.motif.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.motif.security.audit.AuditService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/** {@code Authorization: Bearer <token>} on {@code /api/**}: a valid token signs its owner in for this request. */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {
    private final ApiTokenService tokens;
    private final UserDetailsService users;
    private final AuditService audit;
    private final AuthenticationEntryPoint unauthorized;

    ApiTokenAuthenticationFilter(ApiTokenService tokens, UserDetailsService users, AuditService audit,
                                 AuthenticationEntryPoint unauthorized) {
        this.tokens = tokens;
        this.users = users;
        this.audit = audit;
        this.unauthorized = unauthorized;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String secret = header.substring(7).trim();
        var username = tokens.authenticate(secret, request.getMethod() + " " + request.getRequestURI());
        if (username.isEmpty()) {
            audit.recordAs("anonymous", "auth.failure", "api_token", null,
                    Map.of("reason", "unknown or revoked API token", "remote", request.getRemoteAddr()));
            unauthorized.commence(request, response, null);
            return;
        }
        UserDetails user = users.loadUserByUsername(username.get());
        var auth = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}

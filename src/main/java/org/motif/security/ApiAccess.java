package org.motif.security;

import static org.motif.security.Role.COORDINATOR_NAME;
import static org.motif.security.Role.GENETICIST_NAME;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call which {@code /api/v1} path: the roles table of DESIGN.md as URL rules, checked before
 * a request reaches a controller (so a forbidden request is 403 whatever its body). A path with no
 * rule here is denied to everyone; the role x route test fails until it gets one. A path no controller maps
 * ({@link UnknownApiEndpoint}) is denied too, and answered 404 rather than 403. ADMIN holds every
 * role's authority ({@link Role#authorities}). Services check roles again where they own data.
 */
final class ApiAccess {
    private ApiAccess() {
    }

    /** @param unknownEndpoint API paths no controller maps: denied here, answered 404 by {@link ProblemResponses#forbidden} */
    static void rules(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry a, RequestMatcher unknownEndpoint) {
        a.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/actuator/**").denyAll()
                .requestMatchers(unknownEndpoint).denyAll()
                // account and administration
                .requestMatchers("/api/v1/me").authenticated()
                .requestMatchers("/api/v1/audit-events", "/api/v1/audit-events/**").hasRole(Role.ADMIN_NAME)
                // questionnaires: definitions and scoring without storing are open to all staff
                .requestMatchers(HttpMethod.GET, "/api/v1/instruments", "/api/v1/instruments/**").authenticated()
                .requestMatchers(HttpMethod.POST, "/api/v1/instruments/*/score").authenticated()
                // survey administration (invitations, item responses): coordinators
                .requestMatchers("/api/v1/participants/*/assignments", "/api/v1/participants/*/responses").hasRole(COORDINATOR_NAME)
                // families, participants, pedigrees: coordinators and geneticists
                .requestMatchers("/api/v1/pedigrees", "/api/v1/families/**", "/api/v1/participants", "/api/v1/participants/*")
                .hasAnyRole(COORDINATOR_NAME, GENETICIST_NAME)
                // genotypes, QC, variants and linkage: geneticists
                .requestMatchers("/api/v1/vcf-imports", "/api/v1/vcf-imports/**", "/api/v1/qc/**", "/api/v1/variants",
                        "/api/v1/variants/**", "/api/v1/linkage/**").hasRole(GENETICIST_NAME)
                // exports: both; which sheets each role gets is decided by the export service
                .requestMatchers("/api/v1/exports/**").hasAnyRole(COORDINATOR_NAME, GENETICIST_NAME)
                .anyRequest().denyAll();
    }
}

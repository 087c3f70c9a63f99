package org.motif.security;

import com.vaadin.flow.spring.security.VaadinWebSecurity;
import org.motif.security.audit.AuditService;
import org.motif.security.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Two filter chains: {@code /api/**} and {@code /actuator/**} are stateless (HTTP Basic or Bearer
 * token, 401/403 as problem+json, no CSRF); everything else is the Vaadin UI with a login form.
 * API roles are the URL rules of {@link ApiAccess}; views carry {@code @RolesAllowed}; services check again.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfig extends VaadinWebSecurity {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder(); // bcrypt
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ProblemResponses problems, ApiTokenService tokens,
                                       UserDetailsService users, AuditService audit,
                                       UnknownApiEndpoint unknownEndpoint) throws Exception {
        var unauthorized = problems.unauthorized();
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(a -> ApiAccess.rules(a, unknownEndpoint))
                .httpBasic(b -> b.authenticationEntryPoint(unauthorized))
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, users, audit, unauthorized), BasicAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(problems.forbidden(unknownEndpoint)));
        return http.build();
    }

    @Override
    protected void configure(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers("/images/**", "/icons/**", "/survey/**").permitAll());
        super.configure(http);
        setLoginView(http, LoginView.class);
    }
}

package org.motif.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.motif.AbstractIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The role x route test: every Vaadin route and every /api path the application registers (found by
 * scanning, not listed by hand) is checked against the roles table in access-expectations.tsv, for an
 * anonymous visitor and each role. A new route without a line in the table fails this test.
 */
class RoleRouteIT extends AbstractIT {
    private static final String PASSWORD = "route-test-password";
    /** Who is tried: null = anonymous, else one role. */
    private static final List<Role> SUBJECTS = java.util.Arrays.asList(null, Role.COORDINATOR, Role.GENETICIST, Role.ADMIN);

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void every_view_route_admits_exactly_the_roles_of_the_table() throws Exception {
        Map<String, String> expected = expectations("ui");
        Map<String, Class<?>> routes = new TreeMap<>();
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        for (var bean : scanner.findCandidateComponents("org.motif")) {
            Class<?> view = Class.forName(bean.getBeanClassName());
            String path = view.getAnnotation(Route.class).value();
            routes.put(path.isEmpty() ? "/" : path, view);
        }
        assertThat(routes).as("routes found by scanning").isNotEmpty();
        assertThat(expected.keySet()).as("table lines without a route (stale)").isSubsetOf(routes.keySet());

        var checker = new AccessAnnotationChecker();
        List<String> wrong = new ArrayList<>();
        for (var route : routes.entrySet()) {
            String rule = expected.get(route.getKey());
            if (rule == null) {
                wrong.add("route '" + route.getKey() + "' (" + route.getValue().getSimpleName() + ") has no line in access-expectations.tsv");
                continue;
            }
            for (Role subject : SUBJECTS) {
                Set<String> authorities = subject == null ? Set.of() : Role.authorities(List.of(subject));
                Principal principal = subject == null ? null : () -> "route-test";
                boolean actual = checker.hasAccess(route.getValue(), principal, r -> authorities.contains("ROLE_" + r));
                if (actual != allowed(rule, subject)) {
                    wrong.add("route '" + route.getKey() + "' for " + name(subject) + ": access " + actual + ", table says " + rule);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void every_api_path_answers_401_403_or_serves_exactly_as_the_table_says() throws Exception {
        createUsers();
        Map<String, String> expected = expectations("api");
        Map<String, String> registered = new TreeMap<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            if (info.getPathPatternsCondition() == null) continue;
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                if (!pattern.startsWith("/api/")) continue;
                var methods = info.getMethodsCondition().getMethods();
                if (methods.isEmpty()) registered.put("GET " + pattern, pattern);
                methods.forEach(m -> registered.put(m.name() + " " + pattern, pattern));
            }
        }
        assertThat(registered).as("API paths found in the handler mapping").isNotEmpty();
        assertThat(expected.keySet()).as("table lines without an API path (stale)").isSubsetOf(registered.keySet());

        List<String> wrong = new ArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        for (String key : registered.keySet()) {
            String rule = expected.get(key);
            if (rule == null) {
                wrong.add("API '" + key + "' has no line in access-expectations.tsv");
                continue;
            }
            String method = key.substring(0, key.indexOf(' '));
            String path = key.substring(key.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "route-test-unknown");
            for (Role subject : SUBJECTS) {
                var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .method(method, HttpRequest.BodyPublishers.ofString("{}"))
                        .header("Content-Type", "application/json");
                if (subject != null) request.header("Authorization", ApiSecurityIT.basic(userOf(subject), PASSWORD));
                int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                boolean mayUse = allowed(rule, subject);
                boolean ok = subject == null && !mayUse ? status == 401 : mayUse ? status != 401 && status != 403 : status == 403;
                if (!ok) wrong.add(key + " as " + name(subject) + ": HTTP " + status + ", table says " + rule);
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static boolean allowed(String rule, Role subject) {
        if (rule.equals("ANONYMOUS")) return true;
        if (subject == null) return false;
        if (rule.equals("AUTHENTICATED") || subject == Role.ADMIN) return true;
        return Set.of(rule.split(",")).contains(subject.name());
    }

    private static String name(Role subject) {
        return subject == null ? "anonymous" : subject.name();
    }

    private static String userOf(Role role) {
        return "route-" + role.name().toLowerCase();
    }

    private void createUsers() {
        var auth = UsernamePasswordAuthenticationToken.authenticated(ADMIN, null, AuthorityUtils.createAuthorityList(Role.authorities(List.of(Role.ADMIN))));
        SecurityContextHolder.getContext().setAuthentication(auth);
        try {
            for (Role role : Role.values()) {
                if (users.find(userOf(role)).isEmpty()) users.create(userOf(role), null, PASSWORD, EnumSet.of(role));
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** kind → (route → rule) from access-expectations.tsv; duplicate lines are an error. */
    static Map<String, String> expectations(String kind) throws IOException {
        Map<String, String> rules = new LinkedHashMap<>();
        try (InputStream in = RoleRouteIT.class.getResourceAsStream("/access-expectations.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                if (!f[0].equals(kind)) continue;
                if (rules.put(f[1], f[2].trim()) != null) throw new IllegalStateException("duplicate line for " + f[1]);
            }
        }
        return rules;
    }
}

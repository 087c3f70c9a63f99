package org.motif.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.motif.AbstractIT;
import org.motif.security.audit.AuditService;
import org.motif.security.audit.AuditService.AuditFilter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** The API's authentication contract of API.md: Basic or Bearer, 401/403 as problem+json, public health only. */
class ApiSecurityIT extends AbstractIT {
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    AuditService audit;

    @Test
    void health_is_public_and_reports_the_database() throws Exception {
        var response = get("/actuator/health", null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("status").asText()).isEqualTo("UP");
        assertThat(body.path("components").path("db").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void other_actuator_endpoints_are_not_public() throws Exception {
        assertThat(get("/actuator/env", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/env", basic(ADMIN, ADMIN_PASSWORD)).statusCode()).isEqualTo(403);
        assertThat(get("/actuator/beans", basic(ADMIN, ADMIN_PASSWORD)).statusCode()).isEqualTo(403);
    }

    @Test
    void the_api_answers_401_problem_json_without_credentials_and_never_redirects() throws Exception {
        var response = get("/api/v1/me", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.headers().firstValue("Location")).isEmpty();
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("status").asInt()).isEqualTo(401);
        assertThat(body.path("title").asText()).isEqualTo("Unauthorized");
        assertThat(body.path("detail").asText()).contains("Bearer");
    }

    @Test
    void a_wrong_password_is_401_and_audited_as_a_failed_sign_in() throws Exception {
        int before = audit.count(new AuditFilter("admin", "auth.failure", null, null, null));
        var response = get("/api/v1/me", basic(ADMIN, "not-the-password"));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(audit.count(new AuditFilter("admin", "auth.failure", null, null, null))).isEqualTo(before + 1);
    }

    @Test
    void basic_auth_signs_in_and_shows_the_roles() throws Exception {
        var response = get("/api/v1/me", basic(ADMIN, ADMIN_PASSWORD));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("username").asText()).isEqualTo("admin");
        assertThat(body.path("roles").toString()).isEqualTo("[\"ADMIN\"]");
    }

    @Test
    void a_role_that_may_not_is_403_problem_json() throws Exception {
        createUser("api-coordinator", Role.COORDINATOR);
        var response = get("/api/v1/audit-events", basic("api-coordinator", "initial-password-1"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json.readTree(response.body()).path("status").asInt()).isEqualTo(403);
    }

    @Test
    void an_unknown_api_path_is_404_problem_json_for_any_signed_in_caller_and_401_without_credentials() throws Exception {
        createUser("api-coordinator", Role.COORDINATOR);
        createUser("api-geneticist", Role.GENETICIST);
        for (String authorization : new String[] {basic(ADMIN, ADMIN_PASSWORD), basic("api-coordinator", "initial-password-1"),
                basic("api-geneticist", "initial-password-1")}) {
            var response = get("/api/v1/nonexistent", authorization);
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            JsonNode body = json.readTree(response.body());
            assertThat(body.path("status").asInt()).isEqualTo(404);
            assertThat(body.path("title").asText()).isEqualTo("Not Found");
            assertThat(body.path("detail").asText()).isEqualTo("No such API endpoint: GET /api/v1/nonexistent; see API.md");
        }
        // below a prefix whose rule the caller passes, and below one it does not
        assertThat(get("/api/v1/linkage/no-such-thing", basic(ADMIN, ADMIN_PASSWORD)).statusCode()).isEqualTo(404);
        var deep = get("/api/v1/vcf-imports/x/y/z", basic("api-coordinator", "initial-password-1"));
        assertThat(deep.statusCode()).isEqualTo(404);
        assertThat(json.readTree(deep.body()).path("detail").asText()).isEqualTo("No such API endpoint: GET /api/v1/vcf-imports/x/y/z; see API.md");

        var anonymous = get("/api/v1/nonexistent", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(json.readTree(anonymous.body()).path("title").asText()).isEqualTo("Unauthorized");
        assertThat(get("/api/v1/nonexistent", basic(ADMIN, "not-the-password")).statusCode()).isEqualTo(401);
    }

    @Test
    void a_known_api_path_with_the_wrong_role_stays_403_naming_the_request() throws Exception {
        createUser("api-coordinator", Role.COORDINATOR);
        var response = get("/api/v1/vcf-imports/vcf-unknown-id", basic("api-coordinator", "initial-password-1"));
        assertThat(response.statusCode()).isEqualTo(403);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("title").asText()).isEqualTo("Forbidden");
        assertThat(body.path("detail").asText()).isEqualTo(
                "Your roles do not allow GET /api/v1/vcf-imports/vcf-unknown-id; ask an administrator for the role it needs.");
        // the same known path for a role that may: the controller answers (an unknown id is 404 from the service)
        createUser("api-geneticist", Role.GENETICIST);
        var allowed = get("/api/v1/vcf-imports/vcf-unknown-id", basic("api-geneticist", "initial-password-1"));
        assertThat(allowed.statusCode()).isEqualTo(404);
        assertThat(json.readTree(allowed.body()).path("detail").asText()).startsWith("No VCF import 'vcf-unknown-id'");
    }

    @Test
    void a_bearer_token_works_until_it_is_revoked_and_its_use_is_audited() throws Exception {
        createUser("api-geneticist", Role.GENETICIST);
        var created = asUser("api-geneticist", () -> tokens.create("pipeline"));
        assertThat(created.secret()).startsWith("motif_").hasSizeGreaterThan(40);

        var ok = get("/api/v1/me", "Bearer " + created.secret());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(json.readTree(ok.body()).path("username").asText()).isEqualTo("api-geneticist");
        assertThat(audit.count(new AuditFilter("api-geneticist", "api_token.use", null, null, null))).isEqualTo(1);

        asUser("api-geneticist", () -> {
            tokens.revoke(created.id());
            return null;
        });
        assertThat(get("/api/v1/me", "Bearer " + created.secret()).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/me", "Bearer motif_made-up-token").statusCode()).isEqualTo(401);
    }

    @Test
    void a_disabled_account_cannot_sign_in() throws Exception {
        createUser("api-leaver", Role.COORDINATOR);
        assertThat(get("/api/v1/me", basic("api-leaver", "initial-password-1")).statusCode()).isEqualTo(200);
        asAdmin(() -> users.setEnabled("api-leaver", false));
        assertThat(get("/api/v1/me", basic("api-leaver", "initial-password-1")).statusCode()).isEqualTo(401);
    }

    private void createUser(String name, Role role) {
        if (users.find(name).isEmpty()) asAdmin(() -> users.create(name, name, "initial-password-1", EnumSet.of(role)));
    }

    private void asAdmin(Runnable r) {
        asUser(ADMIN, () -> {
            r.run();
            return null;
        }, Role.ADMIN);
    }

    private <T> T asUser(String name, java.util.function.Supplier<T> action, Role... roles) {
        var authorities = AuthorityUtils.createAuthorityList(Role.authorities(java.util.List.of(roles)));
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name, null, authorities));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (authorization != null) builder.header("Authorization", authorization);
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}

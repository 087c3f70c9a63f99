package org.motif.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * 401, 403 and 404 (unknown endpoint) for {@code /api/**} as {@code application/problem+json} (API.md): no redirect to the
 * login page and no browser Basic-auth prompt loop beyond the standard challenge header.
 */
@Component
class ProblemResponses {
    private final ObjectMapper json;

    ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Motif\", Bearer");
            write(response, 401, "Unauthorized",
                    "Sign in with HTTP Basic (staff account) or 'Authorization: Bearer <API token>'; the credentials given were missing or not valid.");
        };
    }

    /**
     * 403 for a signed-in caller whose roles do not allow the request, or 404 when the request names no API endpoint
     * at all ({@code unknownEndpoint} matches it), whatever the caller's roles.
     */
    AccessDeniedHandler forbidden(RequestMatcher unknownEndpoint) {
        return (request, response, e) -> {
            if (unknownEndpoint.matches(request)) {
                write(response, 404, "Not Found",
                        "No such API endpoint: " + request.getMethod() + " " + request.getRequestURI() + "; see API.md");
            } else {
                write(response, 403, "Forbidden",
                        "Your roles do not allow " + request.getMethod() + " " + request.getRequestURI() + "; ask an administrator for the role it needs.");
            }
        };
    }

    void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}

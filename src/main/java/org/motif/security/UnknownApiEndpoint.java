package org.motif.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Matches a request under {@code /api/} whose path no controller maps, for any HTTP method: such a request is
 * answered 404 "No such API endpoint" to every authenticated caller (401 without credentials), rather than 403 as
 * if a role were missing. A path some controller maps is not matched, so a new endpoint without a rule in
 * {@link ApiAccess} stays denied (403) to everyone.
 */
@Component
class UnknownApiEndpoint implements RequestMatcher {
    private final ObjectProvider<RequestMappingHandlerMapping> mappings;
    private volatile List<PathPattern> apiPatterns;

    UnknownApiEndpoint(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        PathContainer path = ServletRequestPathUtils.parse(request).pathWithinApplication();
        if (!path.value().startsWith("/api/")) return false;
        return patterns().stream().noneMatch(p -> p.matches(path));
    }

    /** The controllers' /api path patterns; read once (the mapping is fixed after start-up). */
    private List<PathPattern> patterns() {
        List<PathPattern> p = apiPatterns;
        if (p == null) {
            p = mappings.getObject().getHandlerMethods().keySet().stream()
                    .filter(info -> info.getPathPatternsCondition() != null)
                    .flatMap(info -> info.getPathPatternsCondition().getPatterns().stream())
                    .filter(pattern -> pattern.getPatternString().startsWith("/api/"))
                    .distinct().toList();
            apiPatterns = p;
        }
        return p;
    }
}

package org.motif.api;

import java.util.List;
import org.motif.base.NotFoundException;
import org.motif.security.CurrentUser;
import org.motif.security.Role;
import org.motif.security.UserService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/me}: who the credentials belong to and which roles they carry. */
@RestController
@RequestMapping("/api/v1")
class AccountController {
    private final UserService users;

    AccountController(UserService users) {
        this.users = users;
    }

    @GetMapping("/me")
    @PreAuthorize("isAuthenticated()")
    Me me() {
        var user = users.find(CurrentUser.actor()).orElseThrow(() -> new NotFoundException("No account for " + CurrentUser.actor()));
        return new Me(user.username(), user.displayName(), user.roles().stream().map(Role::name).sorted().toList());
    }

    record Me(String username, String displayName, List<String> roles) {
    }
}

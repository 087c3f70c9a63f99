package org.motif;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the Spring integration tests: the whole application on a random port, on H2 or on the
 * PostgreSQL of the CI tier ({@link TestDatabase}). All ITs share one context and database, so each
 * test uses its own ids (families, users) rather than assuming an empty database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class AbstractIT {
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }
}

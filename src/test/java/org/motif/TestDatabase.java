package org.motif;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Which database the integration tests run on: an in-memory H2 by default, or the PostgreSQL that
 * {@code MOTIF_TEST_POSTGRES_URL} (with {@code MOTIF_TEST_POSTGRES_USER}/{@code _PASSWORD}) points at,
 * as {@code .ci/run} does for the PostgreSQL tier.
 */
public final class TestDatabase {
    private TestDatabase() {
    }

    public static String postgresUrl() {
        String url = System.getenv("MOTIF_TEST_POSTGRES_URL");
        return url == null || url.isBlank() ? null : url;
    }

    public static boolean isPostgres() {
        return postgresUrl() != null;
    }

    public static void register(DynamicPropertyRegistry registry) {
        if (isPostgres()) {
            registry.add("spring.datasource.url", TestDatabase::postgresUrl);
            registry.add("spring.datasource.username", () -> env("MOTIF_TEST_POSTGRES_USER", "motif"));
            registry.add("spring.datasource.password", () -> env("MOTIF_TEST_POSTGRES_PASSWORD", "motif"));
        } else {
            registry.add("spring.datasource.url", () -> "jdbc:h2:mem:motif-it;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}

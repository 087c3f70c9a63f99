package org.motif.base;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * A feature's part of the demo study, loaded on start when {@code --demo} / {@code motif.demo=true}
 * is given. Each contributor must be idempotent: a restart with {@code --demo} adds nothing twice.
 */
public interface DemoContributor {
    /** Lower runs first (users 0, families 10, questionnaires 20, genomics 30, …). */
    int order();

    /** Loads this feature's demo data unless it is already there. */
    void load();

    /**
     * A demo file such as {@code genomics/demo.vcf.gz}: from the working directory when Motif runs in
     * the project folder, else the copy packed into the jar (written to a temporary file, keeping its
     * name, because imports read from a path). Empty when neither exists.
     */
    static Optional<Path> demoFile(String relativePath) {
        Path local = Path.of(relativePath);
        if (Files.isRegularFile(local)) return Optional.of(local);
        try (InputStream in = DemoContributor.class.getClassLoader().getResourceAsStream(relativePath)) {
            if (in == null) return Optional.empty();
            Path dir = Files.createTempDirectory("motif-demo");
            Path copy = dir.resolve(local.getFileName().toString());
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            copy.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return Optional.of(copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

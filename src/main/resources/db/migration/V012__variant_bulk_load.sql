-- Variant rows are bulk-loaded (1M+ per import with PostgreSQL COPY). The foreign key to vcf_import made
-- PostgreSQL run a referential check (SELECT … FOR KEY SHARE) per row: half of the server's time of an
-- import (measured: COPY of 1,020,217 rows 21.5 s with the key, 11.5 s without). The rule is kept by the
-- code instead: VcfImportRunner is the only writer of variant rows (import_pk is the import it runs), and
-- a failed or cancelled import deletes its own rows; no code deletes a vcf_import row that has variants.
ALTER TABLE variant DROP CONSTRAINT fk_variant_import;

-- Survey pages look up the consent of their assignment; without this index PostgreSQL scans all consents
-- (H2 indexes foreign keys by itself). Also makes the cascade from a deleted assignment cheap.
CREATE INDEX ix_consent_assignment ON consent (assignment_pk);

-- Kept in step with db/migration/postgresql/V9: shared rate-limit budgets live in PostgreSQL only.
SELECT 1;

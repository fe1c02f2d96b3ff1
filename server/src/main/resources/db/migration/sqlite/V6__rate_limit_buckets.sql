-- Kept in step with db/migration/postgresql/V6: shared rate-limit budgets live in PostgreSQL only.
-- A SQLite store serves one instance, whose budgets are kept in its memory.
SELECT 1;

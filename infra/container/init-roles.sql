-- Run once by the PostgreSQL container on first start: the owner role that runs migrations and the database.
-- The runtime role spatz_app is created by migration 0000; `pnpm spatz migrate` with APP_DB_PASSWORD sets its password.
CREATE ROLE spatz_owner LOGIN CREATEROLE PASSWORD 'change-me-owner';  -- replace before first start, or ALTER ROLE afterwards
CREATE DATABASE spatz OWNER spatz_owner;

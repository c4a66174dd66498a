-- What drizzle-kit does not write for the benchmark module (docs/adr/0009-benchmark-privacy.md): the settings row,
-- FORCE ROW LEVEL SECURITY, the grants, the peer groups in SQL, the definer functions of spatz_benchmark and the
-- triggers that make a published figure below k impossible.
-- The settings row first: RLS is not forced yet, so the owner may insert it.
INSERT INTO benchmark_settings (id, k) VALUES (true, 5) ON CONFLICT DO NOTHING;
--> statement-breakpoint
ALTER TABLE maturity_snapshots FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE benchmark_shares FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE maturity_benchmarks FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE benchmark_settings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The runtime role: a Kommune writes its own snapshots (month ends are rewritten only when its model version changes,
-- hence DELETE) and its sharing choice; it only reads the aggregates (no write grant at all) and the settings, which
-- the state changes.
GRANT SELECT, INSERT, UPDATE, DELETE ON maturity_snapshots TO spatz_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON benchmark_shares TO spatz_app;
--> statement-breakpoint
GRANT SELECT ON maturity_benchmarks TO spatz_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON benchmark_settings TO spatz_app;
--> statement-breakpoint
-- The definer role reads what the aggregation needs and writes the aggregate table only.
GRANT SELECT ON maturity_snapshots, benchmark_shares, benchmark_settings, tenants TO spatz_benchmark;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON maturity_benchmarks TO spatz_benchmark;
--> statement-breakpoint
-- The peer groups of a Kommune, the same as peerGroupIdsOf in @spatz/benchmark (groups.ts; a test compares both for
-- every tenant and every class boundary): all, the kind group (kreisfreie Städte with the Landkreise as Kreisebene),
-- the BBSR size class for Gemeinde-level tenants, the Landkreis for Einheits- and Verbandsgemeinden.
CREATE OR REPLACE FUNCTION benchmark_groups_of(p_kind text, p_population integer, p_kreis_ags text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
  SELECT CASE WHEN p_kind IS NULL OR p_kind = 'state' THEN ARRAY[]::text[] ELSE array_remove(ARRAY[
    'all',
    'kind:' || CASE WHEN p_kind IN ('kreisfreie_stadt', 'landkreis') THEN 'kreisebene' ELSE p_kind END,
    CASE WHEN p_kind <> 'landkreis' AND p_population IS NOT NULL THEN 'size:' || CASE
      WHEN p_population < 5000 THEN 'landgemeinde'
      WHEN p_population < 10000 THEN 'kleine_kleinstadt'
      WHEN p_population < 20000 THEN 'groessere_kleinstadt'
      WHEN p_population < 100000 THEN 'mittelstadt'
      ELSE 'grossstadt' END END,
    CASE WHEN p_kind IN ('einheitsgemeinde', 'verbandsgemeinde') AND coalesce(p_kreis_ags, '') <> ''
      THEN 'kreis:' || p_kreis_ags END
  ], NULL) END
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION benchmark_groups_of(text, integer, text) TO spatz_app, spatz_benchmark;
--> statement-breakpoint
-- Who the aggregation may call: the state's transaction only (the `benchmark.aggregate` job runs there), so that no
-- Kommune's request can rewrite or read the memberships, whatever a bug in a procedure did.
CREATE OR REPLACE FUNCTION benchmark_require_state() RETURNS void
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
BEGIN
  IF NOT coalesce(app_current_tenant_is_state(), false) THEN
    RAISE EXCEPTION 'the benchmark aggregation runs in the state''s transaction only'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
END
$$;
--> statement-breakpoint
-- The members of every group among the Kommunen with a snapshot in each slot (the current snapshots, and the month
-- ends asked for), slots with the same participants together. Memberships are not sensitive (kind, population and
-- Kreis are public); no figure leaves this function. The aggregation job computes the differencing guard from them
-- in the same REPEATABLE READ transaction as benchmark_write, so both see the same participants.
CREATE OR REPLACE FUNCTION benchmark_memberships(p_month_ends date[], p_current boolean)
  RETURNS TABLE (slots jsonb, group_id text, members uuid[])
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
BEGIN
  PERFORM benchmark_require_state();
  RETURN QUERY
  WITH participation AS (
    SELECT ms.period, CASE WHEN ms.period = 'current' THEN NULL ELSE ms.stichtag END AS stichtag,
           array_agg(ms.tenant_id ORDER BY ms.tenant_id) AS tenant_ids
    FROM maturity_snapshots ms
    JOIN tenants t ON t.id = ms.tenant_id AND t.kind <> 'state' AND t.status = 'active'
    WHERE ms.metric = 'index'
      AND ((ms.period = 'current' AND p_current) OR (ms.period = 'month_end' AND ms.stichtag = ANY (p_month_ends)))
    GROUP BY 1, 2
  ),
  participant_set AS (
    SELECT row_number() OVER () AS set_no, x.slot_list, x.tenant_ids
    FROM (
      SELECT jsonb_agg(jsonb_build_object('period', p.period, 'stichtag', p.stichtag) ORDER BY p.stichtag)
               AS slot_list,
             p.tenant_ids
      FROM participation p
      GROUP BY p.tenant_ids
    ) x
  ),
  membership AS (
    SELECT ps.set_no, g.gid, array_agg(t.id ORDER BY t.id) AS members
    FROM participant_set ps
    CROSS JOIN LATERAL unnest(ps.tenant_ids) AS p(tenant_id)
    JOIN tenants t ON t.id = p.tenant_id
    CROSS JOIN LATERAL unnest(benchmark_groups_of(t.kind, t.population, t.kreis_ags)) AS g(gid)
    GROUP BY ps.set_no, g.gid
  )
  SELECT ps.slot_list, m.gid, m.members
  FROM membership m JOIN participant_set ps ON ps.set_no = m.set_no;
END
$$;
--> statement-breakpoint
-- Replaces the aggregates of the given slots: figures for the groups `p_publish` lists for them
-- ([{"slots": [{"period": "current"|"month_end", "stichtag": date|null}], "groups": [group ids],
-- "differencing": [group ids suppressed by the differencing guard]}], the slots as benchmark_memberships returned
-- them), a suppressed row (no figures,
-- no n) for every other group with members. The figures of a suppressed group are never returned or stored. The
-- trigger below refuses the whole statement if a published group has fewer than k members, whatever the caller
-- asked for. One aggregation at a time (try-lock; a second one fails and its job retries).
CREATE OR REPLACE FUNCTION benchmark_write(p_month_ends date[], p_current boolean, p_today date, p_publish jsonb)
  RETURNS integer
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  written integer;
BEGIN
  PERFORM benchmark_require_state();
  IF NOT pg_try_advisory_xact_lock(hashtext('spatz.benchmark_write')) THEN
    RAISE EXCEPTION 'another benchmark aggregation is running' USING ERRCODE = 'lock_not_available';
  END IF;
  DELETE FROM maturity_benchmarks
  WHERE (period = 'current' AND p_current) OR (period = 'month_end' AND stichtag = ANY (p_month_ends));
  WITH member_group AS (
    SELECT t.id AS tenant_id, g.gid
    FROM tenants t CROSS JOIN LATERAL unnest(benchmark_groups_of(t.kind, t.population, t.kreis_ags)) AS g(gid)
    WHERE t.kind <> 'state' AND t.status = 'active'
  ),
  value AS (
    SELECT ms.period, CASE WHEN ms.period = 'current' THEN p_today ELSE ms.stichtag END AS stichtag,
           mg.gid, ms.metric, ms.score, ms.level
    FROM maturity_snapshots ms
    JOIN member_group mg ON mg.tenant_id = ms.tenant_id
    WHERE (ms.period = 'current' AND p_current) OR (ms.period = 'month_end' AND ms.stichtag = ANY (p_month_ends))
  ),
  decision AS (
    SELECT slot ->> 'period' AS period, coalesce((slot ->> 'stichtag')::date, p_today) AS stichtag, g AS gid,
           kind = 'groups' AS published
    FROM jsonb_array_elements(p_publish) AS entry
    CROSS JOIN LATERAL jsonb_array_elements(entry -> 'slots') AS slot
    CROSS JOIN LATERAL (VALUES ('groups'), ('differencing')) AS k(kind)
    CROSS JOIN LATERAL jsonb_array_elements_text(coalesce(entry -> k.kind, '[]'::jsonb)) AS g
  ),
  -- Every group's figures first (one pass, like a plain GROUP BY over the snapshots); the decision is joined to the
  -- few aggregated rows afterwards, and a suppressed group's figures are dropped right here.
  figure AS (
    SELECT v.gid, v.period, v.stichtag, v.metric,
           count(*)::integer AS n, min(v.score) AS min_score, max(v.score) AS max_score, avg(v.score) AS mean_score,
           percentile_cont(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY v.score) AS quartiles,
           CASE WHEN v.metric = 'index' THEN NULL ELSE ARRAY[
             count(*) FILTER (WHERE v.level = 0), count(*) FILTER (WHERE v.level = 1),
             count(*) FILTER (WHERE v.level = 2), count(*) FILTER (WHERE v.level = 3),
             count(*) FILTER (WHERE v.level = 4)]::integer[] END AS level_counts
    FROM value v
    GROUP BY v.gid, v.period, v.stichtag, v.metric
  ),
  decided AS (
    SELECT f.*, coalesce(d.published, false) AS published,
           CASE WHEN d.published THEN NULL WHEN d.published IS NOT NULL THEN 'differencing' ELSE 'below_k' END AS reason
    FROM figure f
    LEFT JOIN decision d ON d.period = f.period AND d.stichtag = f.stichtag AND d.gid = f.gid
  )
  INSERT INTO maturity_benchmarks
    (group_id, period, stichtag, metric, suppressed, suppression_reason, n, min, p25, median, p75, max, mean,
     level_counts, computed_at)
  SELECT f.gid, f.period, f.stichtag, f.metric, NOT f.published, f.reason,
         CASE WHEN f.published THEN f.n END,
         CASE WHEN f.published THEN f.min_score END,
         CASE WHEN f.published THEN f.quartiles[1] END,
         CASE WHEN f.published THEN f.quartiles[2] END,
         CASE WHEN f.published THEN f.quartiles[3] END,
         CASE WHEN f.published THEN f.max_score END,
         CASE WHEN f.published THEN f.mean_score END,
         CASE WHEN f.published THEN f.level_counts END,
         now()
  FROM decided f;
  GET DIAGNOSTICS written = ROW_COUNT;
  RETURN written;
END
$$;
--> statement-breakpoint
-- k-anonymity in the database: a published row covers at least k Kommunen (k from the settings), checked for every
-- statement that inserts or updates aggregates, by whatever path.
CREATE OR REPLACE FUNCTION benchmark_rows_respect_k() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  current_k integer := coalesce((SELECT k FROM benchmark_settings), 5);
  offending record;
BEGIN
  SELECT group_id, stichtag, n INTO offending FROM new_rows WHERE NOT suppressed AND n < current_k LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'benchmark figures for % (%) cover % Kommunen, fewer than k = %',
      offending.group_id, offending.stichtag, offending.n, current_k
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER maturity_benchmarks_respect_k_insert AFTER INSERT ON maturity_benchmarks
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION benchmark_rows_respect_k();
--> statement-breakpoint
CREATE TRIGGER maturity_benchmarks_respect_k_update AFTER UPDATE ON maturity_benchmarks
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION benchmark_rows_respect_k();
--> statement-breakpoint
-- A larger k takes effect at once: figures of groups now below it become suppressed in the same transaction (the
-- aggregation job then recomputes the differencing guard for the new k).
CREATE OR REPLACE FUNCTION benchmark_settings_suppress_below_k() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
BEGIN
  UPDATE maturity_benchmarks
  SET suppressed = true, suppression_reason = 'below_k', n = NULL, min = NULL, p25 = NULL, median = NULL, p75 = NULL, max = NULL, mean = NULL,
      level_counts = NULL, computed_at = now()
  WHERE NOT suppressed AND n < NEW.k;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER benchmark_settings_k_change AFTER UPDATE OF k ON benchmark_settings
  FOR EACH ROW EXECUTE FUNCTION benchmark_settings_suppress_below_k();
--> statement-breakpoint
REVOKE ALL ON FUNCTION benchmark_require_state(), benchmark_memberships(date[], boolean),
  benchmark_write(date[], boolean, date, jsonb), benchmark_rows_respect_k(), benchmark_settings_suppress_below_k()
  FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION benchmark_memberships(date[], boolean), benchmark_write(date[], boolean, date, jsonb)
  TO spatz_app;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION benchmark_require_state() TO spatz_benchmark;
--> statement-breakpoint
GRANT CREATE ON SCHEMA public TO spatz_benchmark;
--> statement-breakpoint
ALTER FUNCTION benchmark_require_state() OWNER TO spatz_benchmark;
--> statement-breakpoint
ALTER FUNCTION benchmark_memberships(date[], boolean) OWNER TO spatz_benchmark;
--> statement-breakpoint
ALTER FUNCTION benchmark_write(date[], boolean, date, jsonb) OWNER TO spatz_benchmark;
--> statement-breakpoint
ALTER FUNCTION benchmark_rows_respect_k() OWNER TO spatz_benchmark;
--> statement-breakpoint
ALTER FUNCTION benchmark_settings_suppress_below_k() OWNER TO spatz_benchmark;
--> statement-breakpoint
REVOKE CREATE ON SCHEMA public FROM spatz_benchmark;

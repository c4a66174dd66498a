// Synthetic Kommunen at the scale of all German Gemeinden, for the benchmarks: Landkreise, kreisfreie Städte,
// Verbands- and Einheitsgemeinden in Kreisen in the national proportions (294 Landkreise, 107 kreisfreie Städte,
// ~1,100 Verbandsgemeinden per 11,000), populations across every size class. Written directly as the database superuser:
// set-up, not what is measured.
import type postgres from "postgres";

export async function generateKommunen(superuser: postgres.Sql, count: number) {
  const landkreise = Math.max(1, Math.round((count * 294) / 11_000));
  const kreisfreie = Math.max(1, Math.round((count * 107) / 11_000));
  const verbaende = Math.round((count * 1_100) / 11_000);
  await superuser`
    insert into tenants (slug, name, kind, ags, kreis_ags, kreis_name, population)
    select 'bench-' || i, 'Benchmark-Kommune ' || i, kind, 'B' || lpad(i::text, 9, '0'),
           case when kind = 'kreisfreie_stadt' then (20000 + i)::text else (10000 + kreis)::text end,
           case when kind = 'kreisfreie_stadt' then 'Stadt ' || i else 'Kreis ' || kreis end,
           case kind
             when 'landkreis' then 60000 + (random() * 300000)::int
             when 'kreisfreie_stadt' then 30000 + (random() * 600000)::int
             -- Gemeinden: many small ones, few large (every BBSR size class occurs).
             else (250 * exp(random() * 6.5))::int
           end
    from (
      select i,
             case when i <= ${landkreise} then 'landkreis'
                  when i <= ${landkreise + kreisfreie} then 'kreisfreie_stadt'
                  when i <= ${landkreise + kreisfreie + verbaende} then 'verbandsgemeinde'
                  else 'einheitsgemeinde' end as kind,
             case when i <= ${landkreise} then i else 1 + (i % ${landkreise}) end as kreis
      from generate_series(1, ${count}) as i
    ) g`;
}

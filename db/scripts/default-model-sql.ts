// Prints the INSERT statements that seed the default maturity model as version 1 (published) in the migration
// maturity_security. Run once when the model text changes in a draft-free era; db/test/maturity-model.test.ts checks
// that the migrated model equals @spatz/maturity's defaultModel, so the two cannot drift apart unnoticed.
//   npx tsx scripts/default-model-sql.ts
import { defaultModel } from "@spatz/maturity";
import { DEFAULT_MODEL_ID } from "../src/constants.ts";

const q = (value: string) => `'${value.replaceAll("'", "''")}'`;
const lines: string[] = [];
lines.push(
  `INSERT INTO maturity_models (id, version, name, status, published_at, published_by) VALUES (${q(DEFAULT_MODEL_ID)}, ${defaultModel.version}, ${q(defaultModel.name)}, 'published', now(), 'Migration')\nON CONFLICT DO NOTHING;`,
);
const dims = defaultModel.dimensions.map(
  (d, i) => `(${q(DEFAULT_MODEL_ID)}, ${q(d.key)}, ${i + 1}, ${q(d.name)}, ${q(d.description)}, ${d.weight})`,
);
lines.push(
  `INSERT INTO maturity_dimensions (model_id, key, position, name, description, weight) VALUES\n${dims.join(",\n")}\nON CONFLICT DO NOTHING;`,
);
const levels = defaultModel.dimensions.flatMap((d) =>
  d.levels.map((l) => `(${q(DEFAULT_MODEL_ID)}, ${q(d.key)}, ${l.level}, ${q(l.name)})`),
);
lines.push(
  `INSERT INTO maturity_levels (model_id, dimension_key, level, name) VALUES\n${levels.join(",\n")}\nON CONFLICT DO NOTHING;`,
);
const criteria = defaultModel.dimensions.flatMap((d) =>
  d.levels.flatMap((l) =>
    l.criteria.map(
      (c, i) =>
        `(${q(DEFAULT_MODEL_ID)}, ${q(c.key)}, ${q(d.key)}, ${l.level}, ${i + 1}, ${q(c.title)}, ${q(c.explanation)}, ${c.validityMonths ?? "NULL"})`,
    ),
  ),
);
lines.push(
  `INSERT INTO maturity_criteria (model_id, key, dimension_key, level, position, title, explanation, validity_months) VALUES\n${criteria.join(",\n")}\nON CONFLICT DO NOTHING;`,
);
console.log(lines.join("\n--> statement-breakpoint\n"));

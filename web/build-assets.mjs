// Compiles the GOV.UK Frontend and MOJ Frontend Sass into wwwroot/assets and copies the scripts the
// pages load. Run by the project's build (npm ci, then npm run build); the output is never committed.
import { mkdirSync, copyFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = dirname(fileURLToPath(import.meta.url));
const out = join(root, "wwwroot", "assets");
mkdirSync(out, { recursive: true });

for (const name of ["public", "staff"]) {
  const result = sass.compile(join(root, "Styles", `${name}.scss`), {
    loadPaths: [root, join(root, "node_modules")],
    style: "compressed",
    quietDeps: true,
    silenceDeprecations: ["import"],
  });
  writeFileSync(join(out, `${name}.css`), result.css);
}

copyFileSync(join(root, "node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js"), join(out, "govuk-frontend.min.js"));
copyFileSync(join(root, "node_modules/@ministryofjustice/frontend/moj/moj-frontend.min.js"), join(out, "moj-frontend.min.js"));
console.log(`assets written to ${out}`);

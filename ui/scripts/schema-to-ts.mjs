// Turns the JSON Schema the core writes into TypeScript declarations.
// Usage: node scripts/schema-to-ts.mjs SCHEMA.json OUT.ts
import { readFileSync, writeFileSync } from "node:fs";
import { compile } from "json-schema-to-typescript";

const [schemaPath, outPath] = process.argv.slice(2);
const schema = JSON.parse(readFileSync(schemaPath, "utf8"));
const banner = `/* eslint-disable */
/**
 * GENERATED from the Rust types of the carepath core by \`npm run gen:types\`.
 * Do not edit: change the Rust types and regenerate (\`npm run check:types\` fails when stale).
 */`;
const ts = await compile(schema, "CarepathTypes", {
  bannerComment: banner,
  unreachableDefinitions: true,
  additionalProperties: false,
  strictIndexSignatures: true,
  format: true,
  style: { printWidth: 110, singleQuote: false },
});
writeFileSync(outPath, ts);

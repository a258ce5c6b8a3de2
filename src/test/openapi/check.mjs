// Validates an OpenAPI document with swagger-parser, then each recorded API answer against the
// schema its operation and status declare (Ajv). Usage: node check.mjs OPENAPI.json ANSWERS_DIR
// Each answer file: {"method", "template" (the path as the document names it), "status", "body"}.
// Prints one line per problem and exits 1 when there is any.
import fs from 'node:fs';
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const [docFile, answersDir] = process.argv.slice(2);
const api = await SwaggerParser.validate(JSON.parse(fs.readFileSync(docFile, 'utf8')));

// OpenAPI 3.0 schemas say `nullable: true` where JSON Schema lists "null" among the types.
function jsonSchema(s) {
  if (Array.isArray(s)) return s.map(jsonSchema);
  if (s === null || typeof s !== 'object') return s;
  const out = {};
  for (const [k, v] of Object.entries(s)) {
    if (k !== 'nullable' && k !== 'example') out[k] = jsonSchema(v);
  }
  if (s.nullable === true) {
    if (out.type) out.type = [].concat(out.type, 'null');
    else if (out.enum) out.enum = [...out.enum, null];
    else return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const problems = [];
let checked = 0;
for (const name of fs.readdirSync(answersDir).filter((f) => f.endsWith('.json')).sort()) {
  const answer = JSON.parse(fs.readFileSync(path.join(answersDir, name), 'utf8'));
  const op = api.paths[answer.template]?.[answer.method.toLowerCase()];
  if (!op) {
    problems.push(`${name}: ${answer.method} ${answer.template} is not in the document`);
    continue;
  }
  const response = op.responses[String(answer.status)] ?? op.responses.default;
  if (!response) {
    problems.push(`${name}: ${answer.method} ${answer.template} does not declare status ${answer.status}`);
    continue;
  }
  const schema = response.content?.['application/json']?.schema;
  if (!schema) {
    problems.push(`${name}: ${answer.method} ${answer.template} ${answer.status} declares no JSON schema`);
    continue;
  }
  const validate = ajv.compile(jsonSchema(schema));
  if (!validate(answer.body)) {
    for (const e of validate.errors.slice(0, 5)) {
      problems.push(`${name}: ${answer.method} ${answer.template} ${answer.status}: ${e.instancePath || '/'} ${e.message}`);
    }
  }
  checked++;
}
for (const p of problems) console.log(p);
console.log(`openapi: document valid; ${checked} answers checked, ${problems.length} problems`);
process.exit(problems.length === 0 ? 0 : 1);

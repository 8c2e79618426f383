// Offline validation of the generated manifests (no cluster, no kubectl):
//   node validate.mjs <kustomization folder> [--extra <file.yaml>]... [--print]
// Renders the folder as Kustomize would for the features deploy/ uses (resources, namespace,
// labels, images, strategic-merge patches of maps, JSON 6902 patches), then validates every
// Kubernetes object against its OpenAPI schema (kubernetes-models) and every CloudNativePG object
// against the postgresql.cnpg.io/v1 fields it uses (cnpg-v1.json; any other field is an error).
// Exits 1 with one line per problem; --print writes the rendered objects to stdout as JSON.
import fs from "node:fs";
import path from "node:path";
import { parseAllDocuments, parse } from "yaml";

const args = process.argv.slice(2);
const print = args.includes("--print");
const extras = args.flatMap((a, i) => (args[i - 1] === "--extra" ? [a] : []));
const folder = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--extra");
if (!folder) {
  console.error("usage: node validate.mjs <kustomization folder> [--extra file]... [--print]");
  process.exit(2);
}

const problems = [];
const here = path.dirname(new URL(import.meta.url).pathname);
const cnpg = JSON.parse(fs.readFileSync(path.join(here, "cnpg-v1.json"), "utf8"));

function readDocuments(file) {
  return parseAllDocuments(fs.readFileSync(file, "utf8"))
    .map((doc) => {
      for (const error of doc.errors) problems.push(`${file}: ${error.message}`);
      return doc.toJS();
    })
    .filter((o) => o !== null && o !== undefined);
}

const clusterScoped = new Set(["Namespace"]);

function render(dir) {
  const kustomization = parse(fs.readFileSync(path.join(dir, "kustomization.yaml"), "utf8"));
  let objects = [];
  for (const resource of kustomization.resources ?? []) {
    const target = path.resolve(dir, resource);
    objects = objects.concat(fs.statSync(target).isDirectory() ? render(target) : readDocuments(target));
  }
  for (const patch of kustomization.patches ?? []) {
    const body = parse(fs.readFileSync(path.resolve(dir, patch.path), "utf8"));
    if (Array.isArray(body)) {
      const matches = objects.filter((o) => o.kind === patch.target?.kind && o.metadata?.name === patch.target?.name);
      if (matches.length !== 1) problems.push(`${patch.path}: targets ${matches.length} objects`);
      for (const o of matches) applyJsonPatch(o, body, patch.path);
    } else {
      const matches = objects.filter((o) => o.kind === body.kind && o.apiVersion === body.apiVersion && o.metadata?.name === body.metadata?.name);
      if (matches.length !== 1) problems.push(`${patch.path}: matches ${matches.length} objects`);
      for (const o of matches) merge(o, body);
    }
  }
  for (const { pairs } of kustomization.labels ?? []) {
    for (const o of objects) o.metadata.labels = { ...(o.metadata.labels ?? {}), ...pairs };
  }
  for (const image of kustomization.images ?? []) {
    let used = 0;
    for (const container of objects.flatMap(containersOf)) {
      if (container.image.split(":")[0] === image.name) {
        container.image = `${image.newName ?? image.name}:${image.newTag}`;
        used++;
      }
    }
    if (used === 0) problems.push(`images: ${image.name} is used by no container`);
  }
  if (kustomization.namespace) {
    for (const o of objects) if (!clusterScoped.has(o.kind)) o.metadata.namespace = kustomization.namespace;
  }
  return objects;
}

// Maps merge key by key; a list or a scalar replaces what was there.
function merge(target, patch) {
  for (const [key, value] of Object.entries(patch)) {
    if (value && typeof value === "object" && !Array.isArray(value) && target[key] && typeof target[key] === "object" && !Array.isArray(target[key])) {
      merge(target[key], value);
    } else {
      target[key] = value;
    }
  }
}

function applyJsonPatch(target, operations, source) {
  for (const { op, path: pointer, value } of operations) {
    const keys = pointer.split("/").slice(1).map((k) => k.replace(/~1/g, "/").replace(/~0/g, "~"));
    const last = keys.pop();
    let node = target;
    for (const key of keys) node = node?.[key];
    if (node === undefined || (op === "replace" && !(last in node))) {
      problems.push(`${source}: ${op} ${pointer} finds nothing`);
    } else if (op === "replace" || op === "add") {
      node[last] = value;
    } else {
      problems.push(`${source}: unsupported op ${op}`);
    }
  }
}

function containersOf(o) {
  const pod = o.spec?.template?.spec ?? o.spec?.jobTemplate?.spec?.template?.spec;
  return pod ? [...(pod.initContainers ?? []), ...(pod.containers ?? [])] : [];
}

// postgresql.cnpg.io/v1: only the fields cnpg-v1.json lists, with their types and values.
function checkSchema(value, schema, at) {
  if (schema.$ref) schema = cnpg.definitions[schema.$ref];
  const type = Array.isArray(value) ? "array" : value === null ? "null" : Number.isInteger(value) ? "integer" : typeof value;
  if (schema.type && schema.type !== type) {
    problems.push(`${at}: must be ${schema.type}, is ${type}`);
    return;
  }
  if (schema.enum && !schema.enum.includes(value)) problems.push(`${at}: must be one of ${schema.enum.join(", ")}`);
  if (schema.pattern && !new RegExp(schema.pattern).test(value)) problems.push(`${at}: does not match ${schema.pattern}`);
  if (schema.minimum !== undefined && value < schema.minimum) problems.push(`${at}: below ${schema.minimum}`);
  if (type === "array" && schema.items) value.forEach((item, i) => checkSchema(item, schema.items, `${at}[${i}]`));
  if (type === "object") {
    for (const required of schema.required ?? []) if (!(required in value)) problems.push(`${at}: ${required} is required`);
    for (const [key, child] of Object.entries(value)) {
      const childSchema = schema.properties?.[key] ?? (typeof schema.additionalProperties === "object" ? schema.additionalProperties : undefined);
      if (childSchema) checkSchema(child, childSchema, `${at}.${key}`);
      else if (schema.additionalProperties !== true) problems.push(`${at}.${key}: not a field of the API`);
    }
  }
}

async function validate(o, source) {
  const name = `${source}: ${o.kind}/${o.metadata?.name}`;
  if (o.apiVersion === "postgresql.cnpg.io/v1") {
    const schema = cnpg.kinds[o.kind];
    if (!schema) problems.push(`${name}: kind not described in cnpg-v1.json`);
    else checkSchema(o, schema, name);
    return;
  }
  const group = o.apiVersion.includes("/") ? o.apiVersion : `v1`;
  let Model;
  try {
    Model = (await import(`kubernetes-models/${group}/${o.kind}`))[o.kind];
  } catch {
    problems.push(`${name}: no model for ${o.apiVersion} ${o.kind}`);
    return;
  }
  try {
    new Model(o).validate();
  } catch (error) {
    problems.push(`${name}: ${error.message}`);
  }
}

const rendered = render(path.resolve(folder));
for (const o of rendered) await validate(o, folder);
const extraObjects = extras.flatMap((file) => readDocuments(file).map((o) => ({ o, file })));
for (const { o, file } of extraObjects) await validate(o, file);

if (print) process.stdout.write(JSON.stringify({ rendered, extras: extraObjects.map((e) => e.o) }));
for (const problem of problems) console.error(problem);
process.exit(problems.length === 0 ? 0 : 1);

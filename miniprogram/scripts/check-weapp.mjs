#!/usr/bin/env node
/**
 * Checks the WeChat build in dist/weapp the way the WeChat uploader would (there is no offline
 * WeChat compiler): every page listed in app.json — main package and subpackages — has its
 * .js, .wxml and .json (and .wxss when its source has a style file), the main package and each
 * subpackage are at most 2 MB, everything together at most 30 MB.
 *
 * Usage: node scripts/check-weapp.mjs [distDir]   (default dist/weapp)
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MB = 1024 * 1024;
const PACKAGE_LIMIT = 2 * MB;
const TOTAL_LIMIT = 30 * MB;
const PAGE_FILES = ['.js', '.wxml', '.json'];
const STYLE_SOURCES = ['.scss', '.sass', '.less', '.css', '.styl'];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(root, process.argv[2] ?? 'dist/weapp');
const sourceDir = path.join(root, 'src');

const problems = [];

function fail(message) {
  problems.push(message);
}

function formatSize(bytes) {
  if (bytes >= MB) {
    return `${(bytes / MB).toFixed(2)} MB`;
  }
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function walk(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      files.push(...walk(full));
    } else if (entry.isFile()) {
      files.push(full);
    }
  }
  return files;
}

/** Files that are not uploaded as part of the code package. */
function isUploaded(relative) {
  return !relative.endsWith('.map') && !relative.endsWith('.LICENSE.txt') && relative !== 'project.config.json';
}

function checkPage(pagePath, where) {
  for (const extension of PAGE_FILES) {
    const file = path.join(dist, `${pagePath}${extension}`);
    if (!existsSync(file)) {
      fail(`${where}: page ${pagePath} has no ${extension} (${path.relative(root, file)} missing)`);
    } else if (statSync(file).size === 0) {
      fail(`${where}: page ${pagePath}${extension} is empty`);
    }
  }
  const hasStyleSource = STYLE_SOURCES.some((extension) => existsSync(path.join(sourceDir, `${pagePath}${extension}`)));
  if (hasStyleSource && !existsSync(path.join(dist, `${pagePath}.wxss`))) {
    fail(`${where}: page ${pagePath} has a style file in src/ but no ${pagePath}.wxss in the build`);
  }
}

if (!existsSync(path.join(dist, 'app.json'))) {
  console.error(
    `check-weapp: ${path.relative(root, path.join(dist, 'app.json'))} not found — run \`pnpm build:weapp\` first.`,
  );
  process.exit(1);
}

const app = JSON.parse(readFileSync(path.join(dist, 'app.json'), 'utf8'));
const subPackages = app.subPackages ?? app.subpackages ?? [];

if (!Array.isArray(app.pages) || app.pages.length === 0) {
  fail('app.json lists no pages');
}
for (const file of ['app.js', 'app.json']) {
  if (!existsSync(path.join(dist, file))) {
    fail(`${file} missing`);
  }
}
for (const page of app.pages ?? []) {
  checkPage(page, 'main package');
}
for (const sub of subPackages) {
  if (!sub.root || !Array.isArray(sub.pages) || sub.pages.length === 0) {
    fail(`subpackage ${JSON.stringify(sub.name ?? sub.root)} has no root or no pages`);
    continue;
  }
  for (const page of sub.pages) {
    checkPage(path.posix.join(sub.root.replace(/\/+$/, ''), page), `subpackage ${sub.name ?? sub.root}`);
  }
}
for (const tab of app.tabBar?.list ?? []) {
  if (!(app.pages ?? []).includes(tab.pagePath)) {
    fail(`tabBar page ${tab.pagePath} is not in the main package`);
  }
  for (const icon of [tab.iconPath, tab.selectedIconPath].filter(Boolean)) {
    if (!existsSync(path.join(dist, icon))) {
      fail(`tabBar icon ${icon} missing`);
    } else if (statSync(path.join(dist, icon)).size > 40 * 1024) {
      fail(`tabBar icon ${icon} is over WeChat's 40 KB limit`);
    }
  }
}
for (const [page, rule] of Object.entries(app.preloadRule ?? {})) {
  const known = new Set(subPackages.flatMap((sub) => [sub.name, sub.root].filter(Boolean)));
  for (const name of rule.packages ?? []) {
    if (!known.has(name) && name !== '__APP__') {
      fail(`preloadRule of ${page} names unknown subpackage ${name}`);
    }
  }
}

// Sizes: a file belongs to the subpackage whose root contains it, else to the main package.
const sizes = new Map([['main', 0]]);
for (const sub of subPackages) {
  sizes.set(sub.root.replace(/\/+$/, ''), 0);
}
let total = 0;
for (const file of walk(dist)) {
  const relative = path.relative(dist, file).split(path.sep).join('/');
  if (!isUploaded(relative)) {
    continue;
  }
  const size = statSync(file).size;
  total += size;
  const owner = subPackages.map((sub) => sub.root.replace(/\/+$/, '')).find((r) => relative.startsWith(`${r}/`));
  sizes.set(owner ?? 'main', (sizes.get(owner ?? 'main') ?? 0) + size);
}

console.log(`WeChat package check: ${path.relative(process.cwd(), dist) || dist}`);
console.log(`  pages: ${(app.pages ?? []).length} in the main package, ${subPackages.length} subpackage(s)`);
for (const [name, size] of sizes) {
  const label = name === 'main' ? 'main package' : `subpackage ${name}`;
  const over = size > PACKAGE_LIMIT;
  console.log(`  ${label.padEnd(28)} ${formatSize(size).padStart(10)}  (limit 2 MB)${over ? '  OVER' : ''}`);
  if (over) {
    fail(`${label} is ${formatSize(size)}, over WeChat's 2 MB limit`);
  }
}
console.log(`  ${'total'.padEnd(28)} ${formatSize(total).padStart(10)}  (limit 30 MB)`);
if (total > TOTAL_LIMIT) {
  fail(`all packages together are ${formatSize(total)}, over WeChat's 30 MB limit`);
}

if (problems.length > 0) {
  console.error(`\ncheck-weapp: ${problems.length} problem(s):`);
  for (const problem of problems) {
    console.error(`  ✗ ${problem}`);
  }
  process.exit(1);
}
console.log('check-weapp: OK');

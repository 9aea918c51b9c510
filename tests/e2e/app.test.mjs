// End-to-end tests of the tnl browser app in Debian's headless Chromium, driven by Playwright.
// Run by `cargo run -p xtask -- test-e2e`, which builds the app and serves it on a free port
// (TNL_URL). Screenshots of every screen go to tests/e2e/artifacts/.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const URL_ = process.env.TNL_URL ?? 'http://127.0.0.1:8080/';
const ORIGIN = new URL(URL_).origin;
const artifacts = join(here, 'artifacts');
mkdirSync(artifacts, { recursive: true });
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const edition = JSON.parse(readFileSync(join(root, 'criteria', 'tnl-2025.json'), 'utf8'));
const questions = new Map(edition.questions.map((q) => [q.id, q]));

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic'];
const dirs = [];
// Every browser opened is closed at the end, even when a test fails half-way: a Chromium left
// running would keep node, and the test command, waiting forever.
const contexts = [];
after(async () => {
  await Promise.allSettled(contexts.map((c) => c.close()));
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

/** A browser with a fresh profile (or `dir`, to restart with the same one), recording requests. */
async function open(dir) {
  const userDataDir = dir ?? mkdtempSync(join(tmpdir(), 'tnl-e2e-'));
  if (!dir) dirs.push(userDataDir);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium', args: ARGS, acceptDownloads: true, viewport: { width: 1280, height: 900 }, locale: 'fr-FR',
  });
  contexts.push(context);
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(URL_);
  await page.waitForSelector('#page-title');
  return { context, page, requests, errors, userDataDir };
}

function assertSameOrigin(requests) {
  const outside = requests.filter((u) => !u.startsWith(ORIGIN) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(outside, [], 'requests left the origin');
  assert.ok(requests.length > 0);
}

/** Runs axe-core (injected from node_modules) and fails on serious or critical violations. */
async function axe(page, name) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`), [], `axe on ${name}`);
}

async function shot(page, name) {
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

/** What has the keyboard focus. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const q = el?.closest('.question');
    return { tag: el?.tagName, type: el?.type ?? '', id: el?.id ?? '', checked: !!el?.checked, question: q?.dataset.question ?? null };
  });
}

/** Presses Tab until the element matching `selector` has the focus. */
async function tabTo(page, selector, max = 400) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
  }
  throw new Error(`could not reach ${selector} with Tab`);
}

async function title(page) {
  return (await page.textContent('#page-title')).trim();
}

/** The best answer's keyboard input for a question of the edition. */
function best(q) {
  const top = (bands) => bands.reduce((a, b) => (b.points >= a.points ? b : a), bands[0]);
  switch (q.kind) {
    case 'single_choice': {
      const max = Math.max(...q.options.map((o) => o.points));
      return { arrows: q.options.findIndex((o) => o.points === max) };
    }
    case 'number': return { text: String(q.max ?? Math.max(top(q.bands).min, q.min ?? 0)) };
    case 'percentage': return { text: '100' };
    case 'list': return { text: Array.from({ length: Math.max(1, q.bands?.length ? top(q.bands).min : 1) }, (_, i) => `Logiciel ${i + 1}`).join('\n') };
    case 'text': return { text: 'Délibération du conseil, inventaire 2026.' };
    default: return {};
  }
}

/** Answers every question of the current domain by keyboard, then presses the next button. */
async function answerDomainByKeyboard(page) {
  const done = new Set();
  for (let i = 0; i < 1500; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f.id === 'next-domain' || f.id === 'to-report') {
      await page.keyboard.press('Enter');
      return f.id;
    }
    const q = f.question && questions.get(f.question);
    if (!q) continue;
    const key = `${q.id}:${f.id}`;
    if (done.has(key)) continue;
    done.add(key);
    if (f.type === 'radio' && !done.has(q.id)) {
      done.add(q.id);
      const { arrows = 0 } = best(q);
      if (arrows === 0) await page.keyboard.press('Space');
      for (let k = 0; k < arrows; k++) await page.keyboard.press('ArrowDown');
    } else if (f.type === 'checkbox' && !f.id.endsWith('-na') && q.kind === 'multiple_choice') {
      const opt = q.options.find((o) => f.id.endsWith(`-${o.id}`));
      if (opt && !opt.exclusive && opt.points > 0 && !f.checked) await page.keyboard.press('Space');
    } else if (((f.tag === 'INPUT' && f.type === 'text') || f.tag === 'TEXTAREA') && f.id.endsWith('-value') && !done.has(q.id)) {
      done.add(q.id);
      await page.keyboard.type(best(q).text);
    }
  }
  throw new Error('the domain never ended');
}

test('fill a whole edition by keyboard and watch the tier change; every screen passes axe', async () => {
  const { context, page, requests, errors } = await open();
  assert.match(await page.textContent('body'), /ne quittent jamais cet ordinateur/);
  await shot(page, '01-home');
  await axe(page, 'home');

  await tabTo(page, '#edition');
  assert.equal(await page.$eval('#edition', (e) => e.value), 'tnl-2025');
  await tabTo(page, '#start');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#profile-name');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'page-title', 'focus moves to the new screen');
  await tabTo(page, '#profile-name');
  await page.keyboard.type('Commune de Testville');
  await tabTo(page, '#profile-kind');
  await page.keyboard.press('ArrowDown'); // commune
  await tabTo(page, '#profile-population');
  await page.keyboard.type('12000');
  await tabTo(page, '#profile-agents');
  await page.keyboard.type('300');
  await tabTo(page, '#profile-workstations');
  await page.keyboard.type('250');
  await shot(page, '02-profile');
  await axe(page, 'profile');
  const tierBefore = await page.textContent('#live-tier');
  await tabTo(page, '#to-questionnaire');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.question');

  const tiers = [tierBefore];
  for (let d = 0; d < edition.domains.length; d++) {
    const heading = await title(page);
    assert.equal(heading, edition.domains[d].title.fr);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'page-title');
    if (d === 0) {
      await shot(page, '03-questionnaire');
      await axe(page, 'questionnaire');
    }
    const last = await answerDomainByKeyboard(page);
    await page.waitForFunction((h) => document.querySelector('#page-title')?.textContent.trim() !== h, heading);
    if (last === 'to-report') break;
    tiers.push(await page.textContent('#live-tier'));
  }
  // The report: every answer given, the best tier for this profile.
  const tierAfter = await page.textContent('#report-tier');
  tiers.push(tierAfter);
  assert.notEqual(tierAfter, tierBefore, `tier did not change: ${tiers.join(' → ')}`);
  assert.ok(new Set(tiers).size >= 2, tiers.join(' → '));
  const svg = await page.$('figure.chart svg[role="img"]');
  assert.ok(svg, 'per-domain chart as inline SVG');
  assert.match(await page.textContent('main'), /Avertissement/);
  assert.match(await page.textContent('#report-estimate-notice'), /estimation, pas la décision du jury/, 'the estimate notice heads the report');
  await shot(page, '04-report');
  await axe(page, 'report');

  await tabTo(page, '#nav-compare');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#import-previous');
  await shot(page, '05-compare');
  await axe(page, 'compare');
  await tabTo(page, '#nav-territory');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#territory-table');
  await shot(page, '06-territory');
  await axe(page, 'territory');

  await tabTo(page, '.lang-switch');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.match(await title(page), /Territory/);
  await axe(page, 'territory (English)');

  assertSameOrigin(requests);
  assert.deepEqual(errors, []);
  await context.close();
});

/** Starts an assessment named `name` and answers the first yes/no question "yes". */
async function startWith(page, name) {
  await page.click('#start');
  await page.fill('#profile-name', name);
  await page.click('#to-questionnaire');
  await page.waitForSelector('.question');
  await page.check('.question input[type=radio] >> nth=0');
  await page.waitForFunction(() => document.querySelector('#live-score-text').textContent.trim() !== '0,0\u00a0%');
  // One answer is not enough for a likely tier: the panel shows the range and what to answer first.
  assert.match(await page.textContent('#live-range'), /pas assez de réponses pour estimer : entre .+ et .+/);
}

test("last year's report imported on the comparison screen; the comparison survives a reload", async () => {
  const { context, page, requests } = await open();
  await startWith(page, 'Commune de Boé');
  await goto(page, 'Rapport');
  const lastYear = await download(page, '#export-answers');
  const scoreLastYear = await page.textContent('#report-score');
  // This year: one more answer.
  await page.click('#nav-questionnaire');
  await page.waitForSelector('.question');
  const before = await page.textContent('#live-score-text');
  const radios = await page.$$('.question input[type=radio]');
  for (const r of radios.slice(2)) {
    await r.check();
    if ((await page.textContent('#live-score-text')) !== before) break;
  }
  assert.notEqual(await page.textContent('#live-score-text'), before, 'a second answer changed the score');
  await goto(page, 'Comparaison');
  await page.setInputFiles('#import-previous', { name: 'boe-2024.report.json', mimeType: 'application/json', buffer: Buffer.from(lastYear.text) });
  await page.waitForSelector('#compare-tier');
  assert.ok((await page.textContent('main')).includes(scoreLastYear), `last year's score ${scoreLastYear} is shown`);
  // The engine's formatter, as in the exported comparison: a sign, one decimal, "pts".
  assert.match(await page.textContent('#compare-score-delta'), /^[+−±]\d+,\d\u00a0pts$/);
  await shot(page, '05b-compare-filled');
  await axe(page, 'comparison with last year');
  const csv = await download(page, '#compare-export-csv');
  assert.match(csv.text, /Commune de Boé/);
  // The spreadsheet beside it: an OpenDocument package, its media type first.
  const ods = await download(page, '#compare-export-ods');
  assert.match(ods.name, /\.comparison\.ods$/);
  assert.equal(ods.bytes.subarray(30, 38).toString('latin1'), 'mimetype');
  assert.ok(ods.bytes.includes('application/vnd.oasis.opendocument.spreadsheet'));
  const delta = await page.textContent('#compare-score-delta');
  // Reload: last year's report is part of the saved state.
  await page.reload();
  await page.waitForSelector('#page-title');
  await page.click('button:has-text("Continuer")');
  await page.waitForSelector('.question');
  await goto(page, 'Comparaison');
  await page.waitForSelector('#compare-tier');
  assert.equal(await page.textContent('#compare-score-delta'), delta);
  assertSameOrigin(requests);
  await context.close();
});

test("a new edition started from last year's answers: carried answers, the notice, the comparison ready", async () => {
  const { context, page, requests } = await open();
  const lastYear = readFileSync(join(root, 'tests', 'calibration', 'boe-2024.answers.json'));
  // The file input is explained by the hint under it.
  const hint = await page.getAttribute('#start-from', 'aria-describedby');
  assert.match(await page.textContent(`#${hint}`), /autre édition/);
  await page.selectOption('#edition', 'tnl-2025');
  await page.setInputFiles('#start-from', { name: 'boe-2024.answers.json', mimeType: 'application/json', buffer: lastYear });
  await page.waitForSelector('#profile-name');
  assert.equal(await page.inputValue('#profile-name'), JSON.parse(lastYear.toString('utf8')).profile.name);
  const notice = await page.textContent('[role=status]');
  assert.match(notice, /Réponses de « boe-2024\.answers\.json » reprises : \d+ telles quelles/);
  await axe(page, 'profile after carrying last year over');
  await goto(page, 'Comparaison');
  await page.waitForSelector('#compare-tier');
  assert.match(await page.textContent('main'), /tnl-2024[\s\S]*tnl-2025/, 'last year in the 2024 edition, this year in 2025');
  await goto(page, 'Rapport');
  assert.ok(Number((await page.textContent('#report-score')).replace(/[^\d,]/g, '').replace(',', '.')) > 0, 'carried answers score');
  assertSameOrigin(requests);
  await context.close();
});

test('answers survive a reload and a browser restart', async () => {
  const first = await open();
  await startWith(first.page, 'Mairie de Persistance');
  const score = await first.page.textContent('#live-score-text');
  await first.page.reload();
  await first.page.waitForSelector('#page-title');
  await first.page.click('button:has-text("Continuer")');
  await first.page.waitForSelector('.question');
  assert.ok(await first.page.isChecked('.question input[type=radio] >> nth=0'));
  assert.equal(await first.page.textContent('#live-score-text'), score);
  const dir = first.userDataDir;
  await first.context.close();

  const again = await open(dir);
  assert.match(await again.page.textContent('main'), /Mairie de Persistance/);
  await again.page.click('button:has-text("Continuer")');
  await again.page.waitForSelector('.question');
  assert.ok(await again.page.isChecked('.question input[type=radio] >> nth=0'));
  assertSameOrigin(again.requests);
  await again.context.close();
});

test('two tabs on one browser: neither writes its older answers over the other\'s', async () => {
  const { context, page, requests, errors } = await open();
  await startWith(page, 'Mairie aux deux onglets');
  const other = await context.newPage();
  other.on('pageerror', (e) => errors.push(e.message));
  await other.goto(URL_);
  await other.waitForSelector('#page-title');
  await other.click('button:has-text("Continuer")');
  await other.waitForSelector('.question');
  const yes = (n) => `.question input[type=radio] >> nth=${2 * n}`;
  // The first tab answers a second question: the other tab is told and shows it.
  await page.check(yes(1));
  await other.waitForSelector('[role=status] >> text=autre onglet');
  assert.ok(await other.isChecked(yes(1)));
  // The other tab answers a third one, over both: the first tab takes it in turn.
  await other.check(yes(2));
  await page.waitForFunction(() => document.querySelectorAll('.question input[type=radio]')[4].checked);
  assert.equal(await page.textContent('#live-score-text'), await other.textContent('#live-score-text'));
  // What is saved has all three answers.
  await other.close();
  await page.reload();
  await page.waitForSelector('#page-title');
  await page.click('button:has-text("Continuer")');
  await page.waitForSelector('.question');
  for (const n of [0, 1, 2]) assert.ok(await page.isChecked(yes(n)), `answer ${n + 1} kept`);
  assertSameOrigin(requests);
  assert.deepEqual(errors, []);
  await context.close();
});

test('text a number field cannot read leaves the saved number as it was, and says so', async () => {
  const { context, page, errors } = await open();
  await page.click('#start');
  await page.fill('#profile-name', 'Mairie de Chiffres');
  await page.click('#profile-population');
  await page.keyboard.type('5000');
  // "5000e" is no number: it must not clear 5000.
  await page.keyboard.type('e');
  await page.waitForSelector('#profile-population-unreadable');
  assert.equal(await page.getAttribute('#profile-population', 'aria-invalid'), 'true');
  assert.match(await page.getAttribute('#profile-population', 'aria-describedby'), /profile-population-unreadable/);
  assert.match(await page.textContent('#profile-population-unreadable'), /pas un nombre/);
  assert.equal(await page.$eval('#profile-population-unreadable', (e) => e.parentElement.getAttribute('aria-live')), 'polite', 'heard while typing');
  await axe(page, 'profile with an unreadable number');
  await page.reload();
  await page.waitForSelector('#page-title');
  await page.click('button:has-text("Continuer")');
  await page.click('#nav-profile');
  await page.waitForSelector('#profile-population');
  assert.equal(await page.inputValue('#profile-population'), '5000');
  // A readable change is saved as before, and the message goes.
  await page.fill('#profile-population', '4800');
  assert.equal(await page.$('#profile-population-unreadable'), null);
  await page.reload();
  await page.waitForSelector('#page-title');
  await page.click('button:has-text("Continuer")');
  await page.click('#nav-profile');
  assert.equal(await page.inputValue('#profile-population'), '4800');
  // Numbers are read as people write them, in every browser: digit groups, a decimal comma.
  await page.fill('#profile-population', '');
  await page.click('#profile-population');
  await page.keyboard.type('12 500');
  assert.equal(await page.inputValue('#profile-population'), '12 500', 'the text typed stays as typed');
  assert.equal(await page.$('#profile-population-unreadable'), null);
  // A count has no decimals: "12,5" is said to be no whole number, and 12500 stays saved.
  await page.fill('#profile-population', '12,5');
  await page.waitForSelector('#profile-population-unreadable');
  assert.match(await page.textContent('#profile-population-unreadable'), /pas un nombre entier/);
  await page.reload();
  await page.waitForSelector('#page-title');
  await page.click('button:has-text("Continuer")');
  await page.click('#nav-profile');
  assert.equal(await page.inputValue('#profile-population'), '12500');
  assert.deepEqual(errors, []);
  await context.close();
});

async function download(page, selector) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const bytes = readFileSync(await d.path());
  return { name: d.suggestedFilename(), text: bytes.toString('utf8'), bytes };
}

const NAV = { Accueil: '#nav-home', Rapport: '#nav-report', Territoire: '#nav-territory', Comparaison: '#nav-compare' };
test('an answer the engine refuses is said under its field, and goes with the fix', async () => {
  const { context, page, errors } = await open();
  await page.click('#start');
  await page.fill('#profile-name', 'Mairie des Pourcentages');
  await page.click('#nav-questionnaire');
  const logiciels = edition.domains.findIndex((d) => d.id === 'logiciels');
  await page.click(`.steps li:nth-child(${logiciels + 1}) button`);
  const field = '.question[data-question="logiciels.postes_linux"] input[inputmode]';
  await page.waitForSelector(field);
  await page.click(field);
  await page.keyboard.type('150');
  const problem = '.question[data-question="logiciels.postes_linux"] [id$="-problem"]';
  await page.waitForSelector(problem);
  assert.equal((await page.textContent(problem)).trim(), "150 hors de l'intervalle 0 – 100 ; réponse ignorée");
  assert.equal(await page.getAttribute(field, 'aria-invalid'), 'true');
  assert.equal(await page.$eval(problem, (e) => e.parentElement.getAttribute('aria-live')), 'polite', 'heard while typing');
  const id = await page.$eval(problem, (e) => e.id);
  assert.match(await page.getAttribute(field, 'aria-describedby'), new RegExp(id));
  await axe(page, 'questionnaire with a refused answer');
  await page.keyboard.press('Backspace');
  await page.waitForFunction((sel) => !document.querySelector(sel), problem);
  assert.equal(await page.getAttribute(field, 'aria-invalid'), null);
  assert.equal(await page.inputValue(field), '15');
  assert.deepEqual(errors, []);
  await context.close();
});

async function goto(page, label) {
  await page.click(NAV[label]);
  await page.waitForSelector(`${NAV[label]}[aria-current="page"]`);
}

test('export answers, clear, import, and get the same report; every report format downloads', async () => {
  const { context, page, requests } = await open();
  await startWith(page, 'Commune de Boé');
  await goto(page, 'Rapport');
  const answers = await download(page, '#export-answers');
  assert.equal(answers.name, 'commune-de-boe.answers.json');
  const parsed = JSON.parse(answers.text);
  assert.equal(parsed.format, 1);
  assert.equal(parsed.edition, 'tnl-2025');
  assert.ok(parsed.updated_at);
  const before = await download(page, '#export-csv');

  const formats = { html: /<!DOCTYPE html>|<html/i, csv: /,/ };
  for (const [fmt, shape] of Object.entries(formats)) {
    const f = await download(page, `#export-${fmt}`);
    assert.match(f.text, shape, fmt);
    assert.match(f.text, /Commune de Boé/, fmt);
  }
  // The OpenDocument text: a zip whose first entry is the stored mimetype, then the XML parts
  // (stored too, so the name shows in the bytes).
  const odt = await download(page, '#export-odt');
  assert.equal(odt.name, 'commune-de-boe.report.odt');
  assert.equal(odt.bytes.subarray(0, 4).toString('latin1'), 'PK\x03\x04');
  assert.equal(odt.bytes.subarray(30, 38 + 39).toString('latin1'), 'mimetypeapplication/vnd.oasis.opendocument.text');
  assert.match(odt.text, /<office:document-content [^>]*>[\s\S]*Commune de Boé[\s\S]*<\/office:document-content>/);

  await goto(page, 'Territoire');
  await page.click('#clear-all');
  await page.click('#clear-confirm');
  assert.equal(await page.$('#territory-table'), null);
  await goto(page, 'Accueil');
  await page.setInputFiles('#import-answers', { name: answers.name, mimeType: 'application/json', buffer: Buffer.from(answers.text) });
  await page.waitForSelector('#report-tier');
  const after = await download(page, '#export-csv');
  assert.equal(after.text, before.text);
  assertSameOrigin(requests);
  await context.close();
});

test('two entities side by side in the territory summary', async () => {
  const { context, page } = await open();
  await startWith(page, 'Mairie');
  await goto(page, 'Territoire');
  await page.click('#add-entity');
  await page.fill('#profile-name', 'Office de tourisme');
  await goto(page, 'Territoire');
  const rows = await page.$$eval('#territory-table tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
  assert.equal(rows.length, 2);
  assert.equal(rows[0][0], 'Mairie');
  assert.equal(rows[1][0], 'Office de tourisme');
  // Name, actions, kind, then the range (secured, likely, reachable), then the score.
  assert.equal(rows[0][3], 'aucun niveau atteint');
  assert.notEqual(rows[0][6], rows[1][6], 'each entity has its own answers and score');
  assert.ok(await page.$('#entity-select'));
  const table = await download(page, '#territory-export-csv');
  assert.equal(table.name, 'territoire.csv');
  assert.match(table.text, /^name,kind,population,edition,secured,likely,reachable,score,completeness,domain:/);
  assert.equal(table.text.trim().split('\r\n').length, 3);
  const sheet = await download(page, '#territory-export-ods');
  assert.equal(sheet.name, 'territoire.ods');
  assert.equal(sheet.bytes.subarray(30, 38).toString('latin1'), 'mimetype');
  // Everything in one archive: the table, then each entity's report and answers, numbered.
  const zip = await download(page, '#territory-export-zip');
  assert.equal(zip.name, 'territoire.zip');
  assert.equal(zip.bytes.subarray(0, 4).toString('binary'), 'PK\x03\x04');
  const raw = zip.bytes.toString('latin1');
  const names = [...raw.matchAll(/PK\x01\x02[\s\S]{42}([\x20-\x7e]+?\.(?:csv|html|json))/g)].map((m) => m[1]);
  assert.deepEqual(names, ['territoire.csv', 'territoire.html', '01-mairie.report.html', '01-mairie.answers.json', '02-office-de-tourisme.report.html', '02-office-de-tourisme.answers.json']);
  assert.ok(raw.includes(table.bytes.toString('latin1')), 'the table as the CSV button gives it');
  // The territory as a printable page: in the archive each name links to its report.
  assert.match(raw, /<th scope="row"><a href="01-mairie\.report\.html">Mairie<\/a><\/th>/);
  const summary = await download(page, '#territory-export-html');
  assert.equal(summary.name, 'territoire.html');
  assert.match(summary.text, /<th scope="row">Office de tourisme<\/th>/);
  assert.match(summary.text, /Ceci est une estimation/);
  await shot(page, '07-territory-two');
  await axe(page, 'territory with two entities');
  await context.close();
});

test('a consultant imports a whole territory at once: several files and a JSON Lines file', async () => {
  const { context, page, requests, errors } = await open();
  await goto(page, 'Territoire');
  const file = (name) => ({ name, mimeType: 'application/json', buffer: readFileSync(join(root, 'tests', 'calibration', name)) });
  const oneLine = (name) => JSON.stringify(JSON.parse(readFileSync(join(root, 'tests', 'calibration', name), 'utf8')));
  const jsonl = { name: 'echirolles.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(`${oneLine('echirolles-2022.answers.json')}\n${oneLine('echirolles-2025.answers.json')}\n`) };
  const broken = { name: 'abime.json', mimeType: 'application/json', buffer: Buffer.from('{"format": 1,') };
  // An inventory among them (a collectivité with no answers file: it gets an entity of its own).
  const inventory = { name: 'mixte.inventory.json', mimeType: 'application/json', buffer: readFileSync(join(root, 'tests', 'golden', 'deps', 'commune-mixte.inventory.json')) };
  await page.setInputFiles('#territory-import', [file('boe-2025.answers.json'), broken, jsonl, file('village-premiers-pas.answers.json'), inventory]);
  await page.waitForSelector('#territory-table');
  const rows = await page.$$eval('#territory-table tbody tr', (trs) => trs.map((tr) => tr.children[0].textContent.trim()));
  const name = (f) => JSON.parse(readFileSync(join(root, 'tests', 'calibration', f), 'utf8')).profile.name;
  assert.deepEqual(rows, [...['boe-2025.answers.json', 'echirolles-2022.answers.json', 'echirolles-2025.answers.json', 'village-premiers-pas.answers.json'].map(name), 'Commune de Mixte-sur-Loire']);
  // One alert names the file that could not be read; the others are in the table all the same.
  const alert = await page.textContent('[role=alert]');
  assert.match(alert, /Collectivités importées : 5\. Inventaires de logiciels : 1\. Fichiers ou lignes non importés : 1/);
  assert.match(alert, /abime\.json/);
  // The reason is in the interface's language, not in the engine's English.
  assert.match(alert, /fichier de réponses invalide \(1 problème\)/);
  assert.match(alert, /attendu du JSON valide, trouvé la fin du fichier à la place d'une valeur \(ligne 1, colonne 13\)/);
  assert.doesNotMatch(alert, /expected|found|hint/);
  // A column heading sorts the table, from the highest score; a second click reverses it.
  const scores = () => page.$$eval('#territory-table tbody tr', (trs) => trs.map((tr) => Number(tr.children[6].textContent.replace(/[^\d,]/g, '').replace(',', '.'))));
  await page.click('#territory-table thead button:has-text("Score global")');
  assert.equal(await page.getAttribute('#territory-table thead th:has(button:has-text("Score global"))', 'aria-sort'), 'descending');
  const down = await scores();
  assert.deepEqual(down, [...down].sort((a, b) => b - a));
  assert.ok(down[0] > down[down.length - 1], 'the scores differ');
  // The keyboard works as well: the heading's button has the focus.
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('#territory-table thead th:has(button:has-text("Score global"))', 'aria-sort'), 'ascending');
  assert.deepEqual(await scores(), [...down].reverse());
  await shot(page, '07b-territory-imported');
  await axe(page, 'territory imported from files');
  assertSameOrigin(requests);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a corrupt saved state is kept, explained and offered for download', async () => {
  const { context, page } = await open();
  await page.evaluate(() => localStorage.setItem('tnl.state.v2', '{"storage": 2, "entities": [tronqué'));
  await page.reload();
  await page.waitForSelector('#unreadable-title');
  await shot(page, '08-unreadable');
  await axe(page, 'unreadable notice');
  const [d] = await Promise.all([page.waitForEvent('download'), page.click('.unreadable button')]);
  assert.equal(readFileSync(await d.path(), 'utf8'), '{"storage": 2, "entities": [tronqué');
  // Still there after another reload, until the user says to forget it.
  await page.reload();
  await page.waitForSelector('#unreadable-title');
  await context.close();
});

/** The ids of the inventory's lines, as the rows show them (`data-line`), in the order shown. */
async function lineIds(page) {
  return page.$$eval('#inventory-table tbody tr', (r) => r.map((row) => row.dataset.line)).catch(() => []);
}

/**
 * Adds a product of the catalogue by keyboard alone: search, Tab to its result, Enter. Returns
 * the new line's id.
 */
async function addByKeyboard(page, query, product) {
  await tabTo(page, '#inv-search');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(query);
  await page.waitForSelector(`#inv-results button[data-product="${product}"]`);
  await tabTo(page, `#inv-results button[data-product="${product}"]`);
  const before = await lineIds(page);
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('#inventory-table tbody tr').length === n + 1, before.length);
  return (await lineIds(page)).find((id) => !before.includes(id));
}

test('dependency map: inventory by keyboard, map and chart, pre-fill, export, reload; axe on every new screen', async () => {
  const { context, page, requests, errors } = await open();
  await startWith(page, 'Commune de Cartoville');
  await tabTo(page, '#nav-inventory');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#inv-function');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'page-title', 'focus moves to the new screen');
  await axe(page, 'inventory (empty)');

  // Workstations: Windows on 70 seats at 4,200 € a year, Ubuntu on 30.
  await tabTo(page, '#inv-function');
  assert.equal(await page.$eval('#inv-function', (e) => e.value), 'workstation_os');
  const w = await addByKeyboard(page, 'windows', 'windows');
  assert.equal(await page.evaluate(() => document.activeElement.id), `seats-${w}`, 'the new line takes the focus');
  await page.keyboard.type('70');
  await page.keyboard.press('Tab'); // share
  await page.keyboard.press('Tab'); // cost
  await page.keyboard.type('4200');
  await page.keyboard.press('Tab'); // contract end
  await page.keyboard.type('2026-06');
  await page.keyboard.press('Tab');
  const u = await addByKeyboard(page, 'ubuntu', 'ubuntu');
  await page.keyboard.type('30');
  await page.keyboard.press('Tab');
  // Office suite: LibreOffice on 100 seats.
  await tabTo(page, '#inv-function');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.querySelector('#inv-function').value === 'office_suite');
  const l = await addByKeyboard(page, 'libre', 'libreoffice');
  await page.keyboard.type('100');
  await page.keyboard.press('Tab');
  await page.waitForFunction((l) => document.querySelector(`#seats-${l}`).value === '100', l);
  assert.deepEqual(await lineIds(page), [w, u, l]);
  assert.equal(new Set([w, u, l]).size, 3, 'each line its own id');
  assert.match(await page.textContent('#lines-count'), /3 ligne\(s\) sur 2 fonction\(s\)/);
  await shot(page, '09-inventory');
  await axe(page, 'inventory');
  // A cost cannot be negative: "-5" is refused and said so, the line keeps no cost.
  await page.fill(`#cost-${u}`, '-5');
  await page.press(`#cost-${u}`, 'Tab');
  await page.waitForSelector(`#cost-${u}-unreadable`);
  assert.match(await page.textContent(`#cost-${u}-unreadable`), /positif ou nul/);
  await page.fill(`#cost-${u}`, '');
  await page.press(`#cost-${u}`, 'Tab');
  await page.waitForFunction((u) => !document.querySelector(`#cost-${u}-unreadable`), u);

  // The map, the chart, the figures.
  await tabTo(page, '#to-dependencies');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#deps-map');
  assert.ok(await page.$('svg#deps-map[role="img"]'), 'dependency map as inline SVG');
  assert.ok(await page.$('svg#cost-chart[role="img"]'), 'cost chart as inline SVG');
  assert.equal(await page.$$eval('#map-table tbody tr', (r) => r.length), 2);
  assert.equal(await page.$$eval('#cost-table tbody tr', (r) => r.length), 4);
  assert.match(await page.textContent('#fig-free-seats'), /130 \/ 200 \(65,0\u00a0%\)/);
  assert.match(await page.textContent('#fig-extra-eu'), /⚠/);
  assert.match(await page.textContent('#deps-map'), /exposée hors UE/, 'exposure in text, not only colour');
  assert.match(await page.textContent('#fig-top-vendor'), /Microsoft/);
  assert.match(await page.textContent('#windows'), /2026-06 \(échue\)/, 'migration window flagged with the browser\'s date');
  assert.match(await page.textContent('#alternatives'), /Windows/);
  await shot(page, '10-dependencies');
  await axe(page, 'dependency map');

  // Every export of the map comes from the shared renderers.
  for (const [fmt, shape] of Object.entries({ html: /<svg/, odt: /^PK\x03\x04[\s\S]{0,40}mimetypeapplication\/vnd\.oasis\.opendocument\.text/, csv: /,/ })) {
    const f = await download(page, `#deps-export-${fmt}`);
    assert.match(f.text, shape, fmt);
    assert.match(f.text, /Commune de Cartoville/, fmt);
  }

  // Pre-fill, then see the answers in the questionnaire.
  await tabTo(page, '#prefill');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /pré-remplie/.test(document.querySelector('.notice')?.textContent ?? ''));
  assert.match(await page.textContent('.notice'), /^\s*[1-9]\d* réponse\(s\) pré-remplie\(s\)/);
  await page.click('#nav-questionnaire');
  const logiciels = edition.domains.findIndex((d) => d.id === 'logiciels');
  await page.click(`.steps li:nth-child(${logiciels + 1}) button`);
  await page.waitForSelector('.question[data-question="logiciels.postes_linux"]');
  assert.equal(await page.$eval('.question[data-question="logiciels.postes_linux"] input[inputmode]', (e) => e.value), '30');
  assert.match(await page.$eval('.question[data-question="logiciels.postes_linux"] textarea[id$="-justification"]', (e) => e.value), /pré-rempli depuis l'inventaire/);
  assert.ok(await page.isChecked('.question[data-question="logiciels.suite_bureautique"] input[type=radio][id$="-libre_exclusive"]'));

  // Export the inventory in the format `tnl deps` reads; reload and find it again.
  await page.click('#nav-inventory');
  await page.waitForSelector('#export-inventory');
  const inv = await download(page, '#export-inventory');
  assert.equal(inv.name, 'commune-de-cartoville.inventory.json');
  const parsed = JSON.parse(inv.text);
  assert.equal(parsed.kind, 'inventory');
  assert.equal(parsed.profile.name, 'Commune de Cartoville');
  assert.deepEqual(parsed.items[0], { function: 'workstation_os', product: 'windows', seats: 70, yearly_cost: 4200, contract_end: '2026-06' });
  assert.equal(parsed.items.length, 3);
  await page.reload();
  await page.waitForSelector('#page-title');
  await page.click('#nav-inventory');
  await page.waitForSelector('#inventory-table');
  assert.equal(await page.$$eval('#inventory-table tbody tr', (r) => r.length), 3);
  assert.deepEqual(await lineIds(page), [w, u, l], 'the lines keep their ids through a reload');
  assert.equal(await page.$eval(`#seats-${w}`, (e) => e.value), '70');

  // Import gives the same file back into another entity.
  await page.click('#nav-territory');
  await page.click('#add-entity');
  await page.click('#nav-inventory');
  await page.setInputFiles('#import-inventory', { name: inv.name, mimeType: 'application/json', buffer: Buffer.from(inv.text) });
  await page.waitForFunction(() => document.querySelectorAll('#inventory-table tbody tr').length === 3);
  assert.equal((await download(page, '#export-inventory')).text.replace(/"updated_at": "[^"]*"/, ''), inv.text.replace(/"updated_at": "[^"]*"/, ''));

  await page.click('.lang-switch');
  await page.click('#nav-dependencies');
  await page.waitForSelector('#deps-map');
  await axe(page, 'dependency map (English)');

  // Removing lines by keyboard: the focus goes to the Remove button of the line shown next (else
  // before), never to another line's button left in its place, and the removal is announced.
  await page.click('#nav-inventory');
  await page.waitForSelector('#inventory-table tbody tr');
  const [wi, ub, lo] = await lineIds(page); // Windows, Ubuntu, LibreOffice, as shown
  const focusedLabel = () => page.evaluate(() => [document.activeElement?.id, document.activeElement?.getAttribute('aria-label') ?? '']);
  await page.focus(`#remove-${wi}`);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('#inventory-table tbody tr').length === 2);
  let [id, name] = await focusedLabel();
  assert.equal(id, `remove-${ub}`);
  assert.match(name, /Ubuntu/);
  assert.match(await page.textContent('[role=status]'), /Line removed: Microsoft Windows \(Workstation operating system\)\./);
  await page.focus(`#remove-${lo}`); // LibreOffice, shown last
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('#inventory-table tbody tr').length === 1);
  [id, name] = await focusedLabel();
  assert.equal(id, `remove-${ub}`);
  assert.match(name, /Ubuntu/);
  // « Annuler » puts LibreOffice back with its id, and its seats field takes the focus.
  await page.click('#undo');
  await page.waitForFunction(() => document.querySelectorAll('#inventory-table tbody tr').length === 2);
  assert.deepEqual(await lineIds(page), [ub, lo]);
  assert.equal((await focusedLabel())[0], `seats-${lo}`);
  await page.focus(`#remove-${lo}`);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('#inventory-table tbody tr').length === 1);
  assert.equal((await focusedLabel())[0], `remove-${ub}`);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.querySelector('#inventory-table tbody tr'));
  assert.equal((await focusedLabel())[0], 'inv-function');
  assertSameOrigin(requests);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a 40-line territory inventory imported in the browser gives the figures of the engine natively', async () => {
  // The insta snapshot tests/tests/snapshots/deps__shipped-territoire-40.deps.snap is the report
  // `cargo test -p tnl-tests --test deps` computes natively from the same inventory and the
  // shipped catalogue: its body follows the snapshot's header, after the second `---` line.
  const dir = join(root, 'tests', 'golden', 'deps-shipped');
  const inventory = readFileSync(join(dir, 'territoire-40.inventory.json'), 'utf8');
  const snapshot = readFileSync(join(root, 'tests', 'tests', 'snapshots', 'deps__shipped-territoire-40.deps.snap'), 'utf8');
  const expected = JSON.parse(snapshot.split('\n---\n')[1]);
  const { context, page, requests, errors } = await open();
  await startWith(page, 'Mairie');
  await page.click('#nav-territory');
  await page.click('#add-entity');
  await page.click('#nav-inventory');
  await page.setInputFiles('#import-inventory', { name: 'territoire-40.inventory.json', mimeType: 'application/json', buffer: Buffer.from(inventory) });
  await page.waitForFunction(() => document.querySelectorAll('#inventory-table tbody tr').length === 40);
  await page.click('#nav-dependencies');
  await page.waitForSelector('#deps-map');
  assert.equal(await page.$$eval('#map-table tbody tr', (r) => r.length), 22);
  // The figures of the CSV export are the engine's, as `tnl deps` computes them (the golden
  // report); the app offers no JSON of the map, which the command line writes.
  const csv = (await download(page, '#deps-export-csv')).text;
  for (const [key, value] of Object.entries(expected.summary)) {
    assert.match(csv, new RegExp(`^summary,${key},[^\\n]*,${value},`, 'm'), key);
  }
  await shot(page, '13-dependencies-40-lines');
  await axe(page, 'dependency map, 40 lines');
  assertSameOrigin(requests);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a refused save is reported instead of lost silently', async () => {
  const { context, page } = await open();
  await page.evaluate(() => {
    Storage.prototype.setItem = function () { throw new DOMException('quota', 'QuotaExceededError'); };
  });
  await page.click('#start');
  await page.waitForSelector('#save-failed');
  assert.match(await page.textContent('#save-failed'), /refusé d'enregistrer/);
  await axe(page, 'save refused');
  await context.close();
});

test('a state saved by the previous version (tnl.state.v1, no inventories) still loads', async () => {
  const { context, page } = await open();
  await page.evaluate(() => {
    localStorage.clear();
    localStorage.setItem('tnl.state.v1', JSON.stringify({ storage: 1, lang: 'fr', current: 0,
      entities: [{ answers: { format: 1, edition: 'tnl-2025', profile: { name: 'Mairie de Version-Une' }, answers: {} } }] }));
  });
  await page.reload();
  await page.waitForSelector('#page-title');
  assert.match(await page.textContent('main'), /Mairie de Version-Une/);
  await page.click('#nav-inventory');
  await page.waitForSelector('#inv-search');
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('tnl.state.v2')));
  assert.equal(saved.storage, 2);
  assert.equal(saved.entities[0].answers.profile.name, 'Mairie de Version-Une');
  await context.close();
});

// Issue 17: nothing typed is ever lost.

/** The saved state, as localStorage holds it. */
function savedState(page) {
  return page.evaluate(() => JSON.parse(localStorage.getItem('tnl.state.v2')));
}

test('removing a collectivité says which and can be undone; forgetting unreadable data asks twice', async () => {
  const { context, page } = await open();
  await startWith(page, 'Mairie de Gardée');
  await page.click('#nav-territory');
  await page.click('#add-entity');
  await page.fill('#profile-name', 'Mairie Deux');
  await page.click('#nav-territory');
  await page.waitForSelector('#territory-table');
  await page.click('button[aria-label="Supprimer : Mairie de Gardée"]');
  const said = await page.textContent('[role=status]');
  assert.match(said, /Collectivité retirée, avec ses réponses et son inventaire : Mairie de Gardée/);
  await axe(page, 'removal with undo');
  await page.waitForFunction(() => !/Gardée/.test(localStorage.getItem('tnl.state.v2')));
  await page.click('#undo');
  await page.waitForSelector('#territory-table >> text=Mairie de Gardée');
  await page.waitForFunction(() => /Gardée/.test(localStorage.getItem('tnl.state.v2')));
  const saved = await savedState(page);
  assert.deepEqual(saved.entities.map((e) => e.answers.profile.name), ['Mairie de Gardée', 'Mairie Deux']);
  assert.ok(Object.keys(saved.entities[0].answers.answers).length > 0, 'its answers came back');
  await context.close();
});

test('text and evidence are saved as they are typed, before the field is left', async () => {
  const { context, page } = await open();
  await startWith(page, 'Mairie qui écrit');
  const area = page.locator('.question textarea[id$="-value"]').first();
  const question = await area.evaluate((el) => el.closest('.question').dataset.question);
  await area.click();
  await page.keyboard.type('Délibération du 3 mars\n');
  // Saved after a pause in the typing, the focus still in the field.
  await page.waitForFunction((q) => {
    const s = JSON.parse(localStorage.getItem('tnl.state.v2'));
    return /Délibération du 3 mars/.test(JSON.stringify(s.entities[0].answers.answers[q] ?? ''));
  }, question);
  assert.equal(await area.inputValue(), 'Délibération du 3 mars\n', 'shown as typed');
  // Typed, then the page reloaded at once: written when the page goes.
  await page.keyboard.type('et du 4 avril');
  await page.reload();
  await page.waitForSelector('#page-title');
  const saved = await savedState(page);
  assert.match(JSON.stringify(saved.entities[0].answers.answers[question]), /et du 4 avril/);
  await context.close();
});

test('a 3 MB corrupt saved state that cannot be set apart stops autosave and is offered whole', async () => {
  const { context, page } = await open();
  const size = await page.evaluate(() => {
    const state = { storage: 2, lang: 'fr', current: 0, padding: 'x'.repeat(3_000_000),
      entities: [{ answers: { format: 1, edition: 'tnl-2025', profile: { name: 'Mairie Volumineuse' }, answers: {} } }] };
    const text = JSON.stringify(state).slice(0, -3);
    localStorage.setItem('tnl.state.v2', text);
    return text.length;
  });
  for (let i = 0; i < 2; i++) {
    await page.reload();
    await page.waitForSelector('#unreadable-title');
  }
  assert.match(await page.textContent('section[aria-labelledby=unreadable-title]'), /l'enregistrement automatique est arrêté/);
  assert.doesNotMatch(await page.textContent('section[aria-labelledby=unreadable-title]'), /n'ont pas été effacées/);
  // Something done now is not written over the only copy, and the bottom bar says so.
  await page.click('#start');
  await page.waitForSelector('#save-failed');
  await page.waitForTimeout(600);
  assert.equal(await page.evaluate(() => localStorage.getItem('tnl.state.v2').length), size);
  const [d] = await Promise.all([page.waitForEvent('download'), page.click('.unreadable button')]);
  assert.equal(readFileSync(await d.path(), 'utf8').length, size);
  await axe(page, 'autosave stopped');
  // Let go of it (asked twice): autosave resumes.
  await page.click('#unreadable-forget');
  await page.click('#unreadable-forget-confirm');
  await page.waitForFunction(() => localStorage.getItem('tnl.state.v2').length < 100000);
  await context.close();
});

test('a refused save is shown at the bottom of the window, with the exports at hand', async () => {
  const { context, page } = await open();
  await startWith(page, 'Mairie pleine');
  await page.evaluate(() => {
    Storage.prototype.setItem = function () { throw new DOMException('quota', 'QuotaExceededError'); };
  });
  await page.check('.question input[type=radio] >> nth=1');
  await page.waitForSelector('#save-failed');
  const box = await page.$eval('#save-failed', (el) => {
    const r = el.getBoundingClientRect();
    return { position: getComputedStyle(el).position, bottom: r.bottom, height: innerHeight };
  });
  assert.equal(box.position, 'fixed');
  assert.ok(Math.abs(box.bottom - box.height) < 2, 'at the bottom of the window');
  const answers = await download(page, '#save-failed-answers');
  assert.equal(JSON.parse(answers.text).profile.name, 'Mairie pleine');
  await context.close();
});

test("another collectivité's last year and an older edition's file are asked about, not taken", async () => {
  const { context, page } = await open();
  const boe2024 = readFileSync(join(root, 'tests', 'calibration', 'boe-2024.answers.json'));
  // An older edition's file from the home page: open as it is, carry it over, or cancel.
  await page.setInputFiles('#import-answers', { name: 'boe-2024.answers.json', mimeType: 'application/json', buffer: boe2024 });
  await page.waitForSelector('#doubt-title');
  assert.match(await page.textContent('.notice-doubt'), /édition tnl-2024.*tnl-2025/s);
  await axe(page, 'older edition asked');
  await page.click('#doubt-newest');
  await page.waitForSelector('#profile-name');
  assert.equal(await page.inputValue('#profile-name'), 'Commune de Boé');
  await page.fill('#profile-name', "Ville d'Échirolles");
  await page.click('#nav-compare');
  await page.waitForSelector('#import-previous');
  await page.setInputFiles('#import-previous', { name: 'boe-2024.answers.json', mimeType: 'application/json', buffer: boe2024 });
  await page.waitForSelector('#doubt-title');
  assert.match(await page.textContent('.notice-doubt'), /celui de « Commune de Boé », pas de « Ville d'Échirolles »/);
  await page.click('#doubt-cancel');
  await page.waitForSelector('#doubt-title', { state: 'detached' });
  await context.close();
});

// Issue 17: every screen fits a phone.

/** Widths of the page and the smallest SVG text, as rendered. */
function layout(page) {
  return page.evaluate(() => {
    const sizes = [...document.querySelectorAll('svg text')].map((t) => {
      const m = t.getScreenCTM();
      return parseFloat(getComputedStyle(t).fontSize) * (m ? Math.hypot(m.a, m.b) : 1);
    });
    const wide = [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > innerWidth + 1
      && !el.closest('.table-wrap, .chart-scroll') && getComputedStyle(el).position !== 'fixed').slice(0, 3).map((el) => `${el.tagName}#${el.id}.${el.className}`);
    // A text that runs past its drawing's edge is cut.
    const cut = [...document.querySelectorAll('svg text')].filter((t) => {
      const b = t.getBBox();
      return b.x + b.width > t.ownerSVGElement.viewBox.baseVal.width + 0.5;
    }).map((t) => t.textContent);
    return { scroll: document.documentElement.scrollWidth, inner: innerWidth, smallest: Math.min(Infinity, ...sizes), wide, cut };
  });
}

test('every screen at 320 and 375 px: no sideways scrolling, SVG text of 12 px at least, axe clean', async () => {
  const { context, page } = await open(undefined, { viewport: { width: 320, height: 640 } });
  const lastYear = readFileSync(join(root, 'tests', 'calibration', 'boe-2024.answers.json'));
  await page.setInputFiles('#start-from', { name: 'boe-2024.answers.json', mimeType: 'application/json', buffer: lastYear });
  await page.waitForSelector('#profile-name');
  await page.click('#nav-inventory');
  const inventory = readFileSync(join(root, 'tests', 'golden', 'deps', 'commune-mixte.inventory.json'), 'utf8').replace('Commune de Mixte-sur-Loire', 'Commune de Boé');
  await page.setInputFiles('#import-inventory', { name: 'boe.inventory.json', mimeType: 'application/json', buffer: Buffer.from(inventory) });
  await page.waitForSelector('#inventory-table');
  const screens = [['#nav-home', 'home'], ['#nav-profile', 'profile'], ['#nav-questionnaire', 'questionnaire'], ['#nav-report', 'report'],
    ['#nav-inventory', 'inventory'], ['#nav-dependencies', 'dependencies'], ['#nav-compare', 'comparison'], ['#nav-territory', 'territory']];
  const problems = [];
  for (const width of [320, 375]) {
    await page.setViewportSize({ width, height: 640 });
    for (const [nav, name] of screens) {
      await page.click(nav);
      await page.waitForSelector(`${nav}[aria-current="page"]`);
      const l = await layout(page);
      if (l.scroll > l.inner) problems.push(`${name} at ${width} px: ${l.scroll} px wide (${l.wide.join(', ')})`);
      if (l.smallest < 12) problems.push(`${name} at ${width} px: SVG text of ${l.smallest.toFixed(1)} px`);
      if (l.cut.length) problems.push(`${name} at ${width} px: SVG text cut: ${l.cut.join(' | ')}`);
      await shot(page, `phone-${width}-${name}`);
      await axe(page, `${name} at ${width} px`);
    }
  }
  assert.deepEqual(problems, []);
  // The live estimate is one link away from every question.
  await page.click('#nav-questionnaire');
  await page.click('.to-estimate');
  await page.waitForFunction(() => document.activeElement?.id === 'live-panel');
  await context.close();
});

// Issue 17: opens with no network after the first visit, and offers a new version.

test('after the first visit the app opens offline, and a new build is offered with a button', async () => {
  const { context, page } = await open();
  await page.waitForFunction(() => navigator.serviceWorker?.controller, null, { timeout: 60000 });
  await startWith(page, 'Mairie hors ligne');
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('#page-title');
  assert.match(await page.textContent('main'), /Mairie hors ligne/);
  await context.setOffline(false);
  // A new build: the service worker's file changes, the page says so and waits for the button.
  // (The server sends a precompressed twin: all three change, as a new build writes all three.)
  const sw = join(root, 'dist', 'sw.js');
  const original = readFileSync(sw, 'utf8');
  const originalGz = readFileSync(`${sw}.gz`);
  const originalBr = readFileSync(`${sw}.br`);
  try {
    const changed = original.replace(/const VERSION = '[^']*'/, "const VERSION = 'tnl-test-update'");
    writeFileSync(sw, changed);
    writeFileSync(`${sw}.gz`, gzipSync(changed));
    writeFileSync(`${sw}.br`, brotliCompressSync(changed));
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    await page.waitForSelector('#update-ready', { timeout: 60000 });
    assert.match(await page.textContent('#update-ready'), /nouvelle version/);
    assert.equal(await page.evaluate(() => navigator.serviceWorker.controller.scriptURL.endsWith('sw.js')), true);
    await Promise.all([page.waitForEvent('load'), page.click('#update-reload')]);
    await page.waitForSelector('#page-title');
  } finally {
    writeFileSync(sw, original);
    writeFileSync(`${sw}.gz`, originalGz);
    writeFileSync(`${sw}.br`, originalBr);
  }
  await context.close();
});

test('the page shows its frame before the app, and says so when the app cannot load', async () => {
  const { context, page } = await open();
  await page.route('**/tnl_web_bg.wasm', (route) => route.abort());
  // A fresh load that bypasses the service worker's copy.
  await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((rs) => Promise.all(rs.map((r) => r.unregister()))));
  await page.evaluate(() => caches.keys().then((ks) => Promise.all(ks.map((k) => caches.delete(k)))));
  await page.reload();
  await page.waitForSelector('#boot-failed:not([hidden])', { timeout: 60000 });
  assert.match(await page.textContent('#boot-failed'), /ne s'est pas chargée/);
  await page.unroute('**/tnl_web_bg.wasm');
  await Promise.all([page.waitForEvent('load'), page.click('#boot-retry')]);
  await page.waitForSelector('#page-title');
  assert.equal(await page.$('#boot'), null, 'the frame gives way to the app');
  await context.close();
});

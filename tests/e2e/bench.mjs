// Timing half of `cargo run -p xtask -- bench` (the size half is in xtask): time to the first
// questionnaire screen after navigation, and from one answer to the updated live estimate.
// Prints Markdown rows. Not a test: numbers depend on the machine.

import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const URL_ = process.env.TNL_URL ?? 'http://127.0.0.1:8080/';
const RUNS = 15;
const dir = mkdtempSync(join(tmpdir(), 'tnl-bench-'));
const context = await chromium.launchPersistentContext(dir, {
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(URL_);
await page.click('#start');
await page.fill('#profile-name', 'Banc d’essai');
await page.click('#to-questionnaire');
await page.waitForSelector('.question');

// Records when the first question appears, relative to the navigation's start.
await context.addInitScript(() => {
  new MutationObserver((_, obs) => {
    if (document.querySelector('.question')) {
      window.__firstQuestion = performance.now();
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
});
// Each load is a real navigation (a reload, or from a blank page), not a fragment change.
async function loads(fromBlank) {
  const times = [];
  await page.goto(URL_ + '#questionnaire');
  for (let i = 0; i < RUNS; i++) {
    if (fromBlank) {
      await page.goto('about:blank');
      await page.goto(URL_ + '#questionnaire');
    } else {
      await page.reload();
    }
    await page.waitForFunction(() => window.__firstQuestion !== undefined);
    times.push(await page.evaluate(() => window.__firstQuestion));
  }
  return times;
}
// A return visit: the files are revalidated (the server answers 304) and the browser reuses what
// it compiled. A first visit: the HTTP cache is off, so every file is fetched and compiled anew.
// From a blank page: the Cross-Origin-Opener-Policy header of `xtask serve` makes the browser
// start a new renderer process for the page, which a reload does not need.
const first = await loads(false);
const blank = await loads(true);
const cdp = await context.newCDPSession(page);
await cdp.send('Network.enable');
await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
const cold = await loads(false);
await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
await page.goto(URL_ + '#questionnaire');
await page.waitForSelector('.question');

// One answer → the live panel's score changes: engine re-scoring plus the re-render. `done`
// also waits for the autosave that follows (an effect after the render), by timing until the
// browser is next free to run a task.
async function answers() {
  const update = [];
  const done = [];
  for (let i = 0; i < RUNS * 2; i++) {
    const [u, d] = await page.evaluate(() => new Promise((resolve) => {
      const target = document.querySelector('#live-score-text');
      const radios = document.querySelectorAll('.question input[type=radio]');
      const pick = radios[(window.__flip = !window.__flip) ? 0 : 1];
      let shown;
      const obs = new MutationObserver(() => { obs.disconnect(); shown = performance.now() - t0; setTimeout(() => resolve([shown, performance.now() - t0]), 0); });
      obs.observe(target, { childList: true, characterData: true, subtree: true });
      const t0 = performance.now();
      pick.click();
    }));
    update.push(u);
    done.push(d);
  }
  return [update, done];
}
const [update, saved] = await answers();

// The same with a territory of 40 collectivités in the browser (a consultant's case): 40
// answers files imported at once, then the first one's questionnaire.
const calibration = new URL('../calibration/', import.meta.url).pathname;
const sources = ['boe-2025', 'echirolles-2025', 'fleury-les-aubrais', 'metropole-windows', 'syndicat-mutualisation', 'village-premiers-pas'].map((n) => JSON.parse(readFileSync(join(calibration, `${n}.answers.json`), 'utf8')));
const files = Array.from({ length: 40 }, (_, i) => {
  const a = structuredClone(sources[i % sources.length]);
  a.profile.name = `${a.profile.name} ${i + 1}`;
  return { name: `c${i + 1}.answers.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(a)) };
});
await page.click('#nav-home');
// A build from before 2026-12-02 evening imports one file at a time: that part is then skipped,
// so that the same script compares older builds on the rest.
const many = await page.$('#import-answers[multiple]');
let update40 = [NaN], saved40 = [NaN];
if (many) {
  await page.setInputFiles('#import-answers', files);
  await page.waitForFunction(() => document.querySelectorAll('#territory-table tbody tr').length >= 40);
  await page.click('#territory-table tbody tr:first-child button');
  await page.click('#nav-questionnaire');
  await page.waitForSelector('.question');
  [update40, saved40] = await answers();
}
const stateKB = await page.evaluate(() => (localStorage.getItem('tnl.state.v2') ?? '').length / 1000);
await context.close();
rmSync(dir, { recursive: true, force: true });

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const max = (xs) => Math.max(...xs);
const ms = (x) => `${x.toFixed(1)} ms`;
console.log('| measure (headless Chromium, localhost) | median | worst | goal |');
console.log('|---|---:|---:|---:|');
console.log(`| navigation → first questionnaire screen rendered: return visit, reload (${RUNS} loads) | ${ms(median(first))} | ${ms(max(first))} | ≤ 300 ms |`);
console.log(`| the same, first visit: HTTP cache off (${RUNS} loads) | ${ms(median(cold))} | ${ms(max(cold))} | ≤ 300 ms |`);
console.log(`| the same, from about:blank: new renderer process for COOP (${RUNS} loads) | ${ms(median(blank))} | ${ms(max(blank))} | ≤ 300 ms |`);
console.log(`| one answer → live estimate updated (re-scoring + re-render, ${update.length} answers) | ${ms(median(update))} | ${ms(max(update))} | — |`);
console.log(`| the same, until saved (+ autosave of the whole state) | ${ms(median(saved))} | ${ms(max(saved))} | — |`);
if (many) {
  console.log(`| one answer → live estimate updated, 40 collectivités in the browser (${update40.length} answers) | ${ms(median(update40))} | ${ms(max(update40))} | — |`);
  console.log(`| the same, until saved (${stateKB.toFixed(0)} KB of state in localStorage) | ${ms(median(saved40))} | ${ms(max(saved40))} | — |`);
} else {
  console.log('| one answer → live estimate updated, 40 collectivités in the browser | not measured: this build imports one file at a time | | — |');
}

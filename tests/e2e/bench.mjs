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

// Time to the first question over an emulated network (CDP Network.emulateNetworkConditions),
// each first visit in a fresh profile (no HTTP cache, no service worker) holding one saved
// collectivité, and "something visible": the first contentful paint (the static frame of
// index.html). Then the return visit through the service worker, with the network on and off.
const PROFILES = [
  { name: 'first visit, "Fast 3G" (1.6 Mbit/s, 150 ms)', latency: 150, down: 1.6e6 / 8, up: 750e3 / 8, goal: '≤ 2.5 s' },
  { name: 'first visit, 10 Mbit/s, 40 ms', latency: 40, down: 10e6 / 8, up: 5e6 / 8, goal: '≤ 800 ms' },
];
const NET_RUNS = 5;
const savedState = await page.evaluate(() => localStorage.getItem('tnl.state.v2'));
async function visit(profile) {
  const d = mkdtempSync(join(tmpdir(), 'tnl-bench-net-'));
  const ctx = await chromium.launchPersistentContext(d, { executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  const p = ctx.pages()[0] ?? (await ctx.newPage());
  // The saved collectivité, written on the origin before the measured navigation.
  await p.goto(URL_ + 'boot.js');
  await p.evaluate((s) => localStorage.setItem('tnl.state.v2', s), savedState);
  await ctx.addInitScript(() => {
    new MutationObserver((_, obs) => {
      if (document.querySelector('.question')) { window.__firstQuestion = performance.now(); obs.disconnect(); }
    }).observe(document, { childList: true, subtree: true });
  });
  const cdp = await ctx.newCDPSession(p);
  await cdp.send('Network.enable');
  const measure = async () => {
    await p.waitForFunction(() => window.__firstQuestion !== undefined, null, { timeout: 60000 });
    return p.evaluate(() => [window.__firstQuestion, performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN]);
  };
  const out = {};
  if (profile) {
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: profile.latency, downloadThroughput: profile.down, uploadThroughput: profile.up });
    await p.goto(URL_ + '#questionnaire');
    out.first = await measure();
  } else {
    await p.goto(URL_ + '#questionnaire');
    await measure();
    await p.waitForFunction(() => navigator.serviceWorker?.controller, null, { timeout: 60000 });
    await p.reload();
    out.online = await measure();
    await ctx.setOffline(true);
    await p.reload();
    out.offline = await measure();
  }
  await ctx.close();
  rmSync(d, { recursive: true, force: true });
  return out;
}
const network = [];
for (const profile of PROFILES) {
  const runs = [];
  for (let i = 0; i < NET_RUNS; i++) runs.push((await visit(profile)).first);
  network.push({ profile, question: runs.map((r) => r[0]), paint: runs.map((r) => r[1]) });
}
const returns = [];
for (let i = 0; i < NET_RUNS; i++) returns.push(await visit(null));

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
for (const { profile, question, paint } of network) {
  console.log(`| ${profile.name}: navigation → first question (${question.length} visits) | ${ms(median(question))} | ${ms(max(question))} | ${profile.goal} |`);
  console.log(`| ${profile.name}: navigation → something visible (first contentful paint) | ${ms(median(paint))} | ${ms(max(paint))} | ≤ 300 ms |`);
}
const online = returns.map((r) => r.online[0]);
const offline = returns.map((r) => r.offline[0]);
console.log(`| return visit through the service worker: navigation → first question (${online.length} visits) | ${ms(median(online))} | ${ms(max(online))} | ≤ 300 ms |`);
console.log(`| the same, network off | ${ms(median(offline))} | ${ms(max(offline))} | ≤ 300 ms |`);
console.log(`| return visit: navigation → something visible | ${ms(median(returns.map((r) => r.online[1])))} | ${ms(max(returns.map((r) => r.online[1])))} | ≤ 300 ms |`);
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

// Prints an HTML document to A4 PDF in Debian's headless Chromium, as a reader would from the
// browser: once in full, and once with everything from the annex on hidden (the element with
// id "annex" and what follows it), so the pages before the annex can be counted.
//
// Usage: node print.mjs DOC.html FULL.pdf BEFORE_ANNEX.pdf
// playwright-core comes from tests/e2e's node_modules (installed by run.sh when missing).
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(new URL('../e2e/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const [html, full, beforeAnnex] = process.argv.slice(2);
if (!html || !full || !beforeAnnex) {
  console.error('usage: node print.mjs DOC.html FULL.pdf BEFORE_ANNEX.pdf');
  process.exit(2);
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  await page.goto(pathToFileURL(html).href);
  await page.emulateMedia({ media: 'print' });
  // The page's own @page rules (size, margins, running header, page numbers) decide the layout.
  const pdf = { format: 'A4', preferCSSPageSize: true, printBackground: true };
  await page.pdf({ ...pdf, path: full });
  // Test-only CSS: the annex and everything after it hidden.
  await page.addStyleTag({ content: '#annex, #annex ~ * { display: none !important; }' });
  await page.pdf({ ...pdf, path: beforeAnnex });
} finally {
  await browser.close();
}

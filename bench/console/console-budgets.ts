import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../test/support/browser';
import { ensureConsoleBuilt } from '../../test/support/console-build';
import { benchToken } from '../http/bench-tokens';
import { loadScenario } from '../scenario/load-scenario';
import { rebuildInApi } from '../scenario/rebuild-in-api';
import { BenchConfig } from '../support/bench-config';
import { log } from '../support/log';
import { figureOf, Outcome } from '../support/stats';
import { withDatabase } from '../support/throwaway-database';

export interface ConsoleOutcomes {
  firstPageJsKb: Outcome;
  firstChartMs: Outcome;
  notes: string[];
}

/** What the 晾晒台 is opened on: a date of the scenario's year, its first indicator. */
const BOARD_PATH = '/console/board?indicator=onlineAvailability&asOf=2019-12-31';

/**
 * Section 8, the console's budgets (issue 14): the gzipped JavaScript the first page loads, and
 * how long after navigation the 晾晒台's first chart is drawn, in headless Chromium against an API
 * on the scenario (its projections rebuilt and live). Each run is a fresh browser context (an
 * empty cache), signed in by a token in sessionStorage.
 */
export async function measureConsoleBudgets(config: BenchConfig): Promise<ConsoleOutcomes> {
  ensureConsoleBuilt();
  const applications = config.console.applications;
  return withDatabase(config.serverUrl, 'console', async (db) => {
    log(`console: loading ${applications} applications`);
    const load = await loadScenario(db.url, applications, config.scenario.loadBudgetS, true);
    const rebuild = await rebuildInApi(db.url, 'console', config.scenario.rebuildBudgetS);
    // the API stops however the browser fares (a machine without chromium left it running)
    const browser = await launchChromium().catch(async (error: unknown) => {
      await rebuild.api.stop();
      throw error;
    });
    try {
      const runs: { jsGzipBytes: number; firstChartMs: number }[] = [];
      for (let run = 0; run < config.runs; run++) runs.push(await openBoard(browser, rebuild.api.baseUrl));
      log(
        `console: first chart ${runs.map((r) => r.firstChartMs).join('/')} ms, first page JS ${(runs[0].jsGzipBytes / 1024).toFixed(0)} kB gzipped`,
      );
      return {
        firstPageJsKb: figureOf(
          runs.map((r) => r.jsGzipBytes / 1024),
          'kB',
        ),
        firstChartMs: figureOf(
          runs.map((r) => r.firstChartMs),
          'ms',
        ),
        notes: [
          `The 晾晒台 (${BOARD_PATH}) on the scenario of ${load.applications} applications (bulk-loaded, every projection rebuilt and live), in headless Chromium on this machine, ${config.runs} runs, each a fresh browser context (nothing cached) signed in by a token in sessionStorage.`,
          'First page JavaScript: every script response of the navigation up to the first chart, each gzipped here (zlib level 6, as a server would send it), summed. First chart: `performance.now()` when ECharts reports the first chart finished drawing (animation is off), i.e. ms since navigation began.',
        ],
      };
    } finally {
      await browser.close();
      await rebuild.api.stop();
    }
  });
}

async function openBoard(browser: Browser, baseUrl: string): Promise<{ jsGzipBytes: number; firstChartMs: number }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  try {
    const token = benchToken({ roles: ['assessor'], sub: 'bench-console' });
    await context.addInitScript({ content: `sessionStorage.setItem('console.token', ${JSON.stringify(token)})` });
    const page = await context.newPage();
    const scripts: Promise<number>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response.body().then((body) => gzipSync(body).length));
    });
    await page.goto(`${baseUrl}${BOARD_PATH}`);
    const drawn = page.locator('[data-test="bar-chart"][data-drawn-ms]').first();
    await drawn.waitFor({ timeout: 60_000 });
    const firstChartMs = Number(await drawn.getAttribute('data-drawn-ms'));
    // where the time went: the page's own script done (DOMContentLoaded), each ranking's answer (ms since navigation)
    const timing = await page.evaluate<string>(
      `JSON.stringify({ domContentLoaded: Math.round(performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd), rankings: performance.getEntriesByType('resource').filter((e) => e.name.includes('/rankings')).map((e) => [Math.round(e.startTime), Math.round(e.responseEnd)]) })`,
    );
    log(`console: first chart at ${firstChartMs} ms; ${timing}`);
    const jsGzipBytes = (await Promise.all(scripts)).reduce((sum, bytes) => sum + bytes, 0);
    return { jsGzipBytes, firstChartMs };
  } finally {
    await context.close();
  }
}

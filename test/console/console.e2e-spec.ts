import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { DEPT_A, DEPT_B, publishedMatter } from '../support/applications';
import { launchChromium } from '../support/browser';
import { ensureConsoleBuilt } from '../support/console-build';
import { launchTestApp, type TestApp } from '../support/test-app';

/** The console in headless Chromium against the API in-process on the embedded default (its own secret, so 开发登录 is offered). */
const DEPT_C = 'dept-transport';
const SCREENSHOTS = process.env.CONSOLE_SCREENSHOTS ?? join(tmpdir(), 'console-screenshots');

describe('the web console in a browser (晾晒台, 考核, role menu)', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    ensureConsoleBuilt();
    mkdirSync(SCREENSHOTS, { recursive: true });
    t = await launchTestApp({ AUTH_JWT_SECRET: '' });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    // 即办率: two departments with an instant matter each (a tie at rank 1), one without (rank 3)
    await publishedMatter(t, { departmentId: DEPT_A, promisedDays: 0 });
    await publishedMatter(t, { departmentId: DEPT_C, promisedDays: 0 });
    await publishedMatter(t, { departmentId: DEPT_B, promisedDays: 5 });
    await rankingsHaveRows(3);
    browser = await launchChromium();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** The read models have caught up with the seeded matters. */
  async function rankingsHaveRows(count: number): Promise<void> {
    const minted = await request(t.http)
      .post('/api/v1/dev/tokens')
      .send({ roles: ['assessor'] })
      .expect(201);
    for (let attempt = 0; attempt < 100; attempt++) {
      const response = await request(t.http)
        .get('/api/v1/rankings?indicator=instantRate&by=department')
        .auth(minted.body.token, { type: 'bearer' })
        .expect(200);
      if (response.body.rows.length === count) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the rankings never showed the seeded departments');
  }

  async function devSignIn(page: Page, roleLabel?: string): Promise<void> {
    await page.goto(`${base}/console/`);
    await page.getByTestId('dev-sign-in-link').click();
    if (roleLabel) {
      await page.getByTestId('dev-role').click();
      await page.getByRole('option', { name: roleLabel }).click();
    }
    await page.getByTestId('dev-submit').click();
  }

  it('serves the console beside the API without shadowing it', async () => {
    const index = await request(t.http).get('/console/board').expect(200);
    expect(index.text).toContain('<div id="app">');
    const missing = await request(t.http).get('/api/v1/nothing-here').expect(404);
    expect(missing.headers['content-type']).toMatch(/application\/problem\+json/);
    await request(t.http).get('/health').expect(200);
    await request(t.http).get('/docs-json').expect(200);
  });

  it('an assessor signs in with 开发登录 and sees the 晾晒台: ranked bars, ties sharing a rank, a tooltip with numerator/denominator', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await devSignIn(page);
    await page.waitForURL(/\/console\/board/);
    await expect(page.getByTestId('menu').innerText()).resolves.toMatch(/晾晒台[\s\S]*考核/);

    await page.goto(`${base}/console/board?indicator=instantRate`);
    const departments = page.getByTestId('ranking-department');
    const table = departments.getByTestId('ranking-table');
    await table.getByText(DEPT_B).waitFor();
    const text = await table.innerText();
    expect(text).toMatch(/并列第1名\s+dept-market\s+100\.00%\s+1 \/ 1/);
    expect(text).toMatch(/并列第1名\s+dept-transport\s+100\.00%\s+1 \/ 1/);
    expect(text).toMatch(/第3名\s+dept-health\s+0\.00%\s+0 \/ 1/);
    await page.getByTestId('ranking-region').getByTestId('bar-chart').waitFor();

    // hover the department chart's last row (rank 3): the tooltip names the rank and the fraction
    const chart = departments.getByTestId('bar-chart');
    const box = (await chart.boundingBox())!;
    const tooltip = chart.locator('.ranking-tooltip');
    const fraction = tooltip.getByText('分子 / 分母：0 / 1');
    for (let attempt = 0; attempt < 20 && !(await fraction.isVisible()); attempt++) {
      // a real pointer moving onto the row (the chart may still be laying itself out)
      await page.mouse.move(box.x + box.width / 2 + attempt, box.y + 8 + 40 * 2.5, { steps: 5 });
      await page.waitForTimeout(250);
    }
    await fraction.waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'board.png'), fullPage: true });
    const tip = await tooltip.innerText();
    expect(tip).toContain(DEPT_B);
    expect(tip).toContain('排名：第3名');
    expect(tip).toContain('即办率：0.00%');
    expect(tip).toContain('红牌：0 张');

    // 考核: the eight indicators, each with its fraction; the CSV downloads with the token
    await page.getByTestId('menu').getByText('考核').click();
    await page.waitForURL(/\/console\/assessment/);
    const cards = page.getByTestId('indicator');
    await cards.nth(7).waitFor();
    expect(await cards.count()).toBe(8);
    const figures = await cards.allInnerTexts();
    expect(figures[3]).toMatch(/即办率\s+66\.67%\s+2 \/ 3/);
    for (const figure of figures) expect(figure).toMatch(/(\d+\.\d{2}%|无可计)\s+\d+ \/ \d+/);
    await page.screenshot({ path: join(SCREENSHOTS, 'assessment.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^assessment-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('分子');
    expect(csv).toContain('即办率');
    await page.close();
  });

  it('the 大屏 mode fills 1920×1080 and refreshes itself', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await devSignIn(page);
    await page.waitForURL(/\/console\/board/);
    await page.goto(`${base}/console/board/screen?indicator=instantRate&refresh=5`);
    const loadedAt = page.getByTestId('loaded-at');
    await loadedAt.waitFor();
    const first = await loadedAt.innerText();
    await expect(page.getByTestId('screen-meta').innerText()).resolves.toContain('每 5 秒自动刷新');
    await page.getByTestId('big-screen').getByTestId('bar-chart').nth(1).waitFor();
    // the next refresh (every 5 s) says a later time
    await page.getByTestId('loaded-at').filter({ hasNotText: first }).waitFor({ timeout: 15_000 });
    await page.screenshot({ path: join(SCREENSHOTS, 'big-screen.png') });
    await page.close();
  });

  it('a window_staff token (pasted) sees neither 晾晒台 nor 考核, and is sent away from them', async () => {
    const minted = await request(t.http)
      .post('/api/v1/dev/tokens')
      .send({ roles: ['window_staff'], departmentId: DEPT_A })
      .expect(201);
    const page = await browser.newPage();
    await page.goto(`${base}/console/sign-in`);
    await page.getByTestId('token').fill(minted.body.token);
    await page.getByTestId('sign-in').click();
    await page.getByTestId('no-pages').waitFor();
    const menu = await page.getByTestId('menu').innerText();
    expect(menu).not.toContain('考核');
    expect(menu).not.toContain('晾晒台');
    await page.goto(`${base}/console/assessment`);
    await page.getByTestId('no-pages').waitFor();
    expect(page.url()).not.toContain('/assessment');
    await page.close();
  });
});

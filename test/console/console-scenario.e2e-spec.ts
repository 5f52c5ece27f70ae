import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { describeOnPostgres } from '@app/event-store/testing';
import { shaoxing2019 } from '@app/metrics';
import { submitBody } from '../support/applications';
import { launchChromium } from '../support/browser';
import { ensureConsoleBuilt } from '../support/console-build';
import { loadAndProject } from '../support/scenario-app';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The console against the API on the scenario database (`shaoxing-2019`: 6,334 matters, 1,329
 * quality issues and, here, 200 applications, through the real handlers): a clerk's work shows
 * on the 晾晒台, an inspector's on the 问题台账. Signed in by pasting a token (开发登录 is never
 * offered with DATABASE_URL).
 */
describeOnPostgres('the console on the 2019 scenario database (postgres)', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    ensureConsoleBuilt();
    t = await startTestApp('postgres');
    await loadAndProject(t, shaoxing2019(200));
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchChromium();
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signIn(page: Page, token: string): Promise<void> {
    await page.goto(`${base}/console/sign-in`);
    await page.getByTestId('token').fill(token);
    await page.getByTestId('sign-in').click();
  }

  const asAdmin = () => t.token({ roles: ['admin'], sub: 'scenario-admin' });

  /** A published matter of the scenario whose department has few open applications (so today's is on the workbench's first page). */
  async function quietMatter(): Promise<{ id: string; code: string; departmentId: string }> {
    for (let page = 1; page <= 20; page++) {
      const matters = await request(t.http)
        .get('/api/v1/matters')
        .query({ status: 'published', page, pageSize: 50 })
        .auth(asAdmin(), { type: 'bearer' })
        .expect(200);
      for (const matter of matters.body.items) {
        const waiting = await request(t.http)
          .get('/api/v1/applications')
          .query({ departmentId: matter.departmentId, open: 'true', pageSize: 1 })
          .auth(asAdmin(), { type: 'bearer' })
          .expect(200);
        if (waiting.body.total < 20) return matter;
      }
    }
    throw new Error('no department of the scenario with fewer than 20 open applications');
  }

  it('a clerk of a scenario department accepts and completes in the 窗口工作台, and that department’s 晾晒台 figure changes', async () => {
    const matter = await quietMatter();
    const clerk = t.token({ roles: ['window_staff'], departmentId: matter.departmentId, sub: 'scenario-clerk' });
    const submitted = await request(t.http)
      .post('/api/v1/applications')
      .auth(clerk, { type: 'bearer' })
      .send(submitBody(matter.id, { channel: 'window', at: undefined }))
      .expect(201);
    const no = submitted.body.id.slice(0, 8);

    // 网上受理率 of the department today: a window acceptance adds one to the denominator only
    const figure = new RegExp(`${matter.departmentId}）\\s+0\\.00%\\s+0 / 1\\b`);
    const board = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(board, t.token({ roles: ['assessor'], sub: 'scenario-assessor' }));
    const departmentPanel = async () => {
      await board.goto(`${base}/console/board?indicator=onlineAcceptanceRate`);
      const panel = board.getByTestId('ranking-department');
      await panel.locator('[data-test="ranking-table"], .el-empty').first().waitFor();
      return panel.innerText();
    };
    expect(await departmentPanel()).not.toMatch(figure);

    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, clerk);
    await page.waitForURL(/\/console\/workbench/);
    const row = page.getByTestId('worklist').locator('tr', { hasText: no });
    await row.getByTestId('action-accept').click();
    await page.getByTestId('action-dialog').getByTestId('confirm').click();
    await page.getByTestId('notice').getByText('已受理').waitFor();
    await row.getByTestId('action-complete').click();
    await page.getByTestId('action-dialog').getByTestId('confirm').click();
    await page.getByTestId('notice').getByText('已办结').waitFor();
    await page.close();

    let panel = await departmentPanel();
    for (let attempt = 0; attempt < 20 && !figure.test(panel); attempt++) {
      await board.waitForTimeout(250);
      panel = await departmentPanel();
    }
    expect(panel).toMatch(figure);
    await board.close();
  });

  it('an inspector logs an issue against a scenario matter and the 问题台账’s open count goes up by one', async () => {
    const matter = await quietMatter();
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, t.token({ roles: ['inspector'], sub: 'scenario-inspector' }));
    await page.waitForURL(/\/console\/ledger/);
    const openCount = async () => Number((await page.getByTestId('ledger-open').locator('.count').innerText()).replace(/,/g, ''));
    await page.getByTestId('ledger-open').waitFor();
    const before = await openCount();
    expect(before).toBeGreaterThan(0); // the scenario's ledger has open issues

    await page.getByTestId('menu').getByText('质检').click();
    await page.getByTestId('issue-matter').click();
    await page.keyboard.type(matter.code);
    await page
      .getByRole('option', { name: new RegExp(matter.code) })
      .first()
      .click();
    await page.getByTestId('issue-category').click();
    await page.getByRole('option', { name: '材料不明确' }).click();
    await page.locator('#issue-description').fill('申请材料清单未写明份数');
    await page.getByTestId('log-submit').click();
    await page.getByTestId('notice').getByText('问题已登记').waitFor();

    await page.getByTestId('menu').getByText('问题台账').click();
    await page.getByTestId('ledger-open').waitFor();
    for (let attempt = 0; attempt < 20 && (await openCount()) !== before + 1; attempt++) {
      await page.waitForTimeout(250);
      await page.getByTestId('query').click();
    }
    expect(await openCount()).toBe(before + 1);
    await page.close();
  });
});

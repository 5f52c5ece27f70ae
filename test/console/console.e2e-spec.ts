import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { DEPT_A, DEPT_B, publishedMatter, readApplication, submitBody } from '../support/applications';
import { launchChromium, unlabelledControls } from '../support/browser';
import { ensureConsoleBuilt } from '../support/console-build';
import { launchTestApp, type TestApp } from '../support/test-app';

/** The console in headless Chromium against the API in-process on the embedded default (its own secret, so 开发登录 is offered). */
const DEPT_C = 'dept-transport';
const SCREENSHOTS = process.env.CONSOLE_SCREENSHOTS ?? join(tmpdir(), 'console-screenshots');

describe('the web console in a browser (晾晒台, 考核, 窗口工作台, 问题台账, 质检, 效能监察, 审计, role menu)', () => {
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

  async function devSignIn(page: Page, roleLabel?: string, departmentId?: string): Promise<void> {
    await page.goto(`${base}/console/`);
    await page.getByTestId('dev-sign-in-link').click();
    if (roleLabel) {
      await page.getByTestId('dev-role').click();
      await page.getByRole('option', { name: roleLabel }).click();
    }
    if (departmentId) await page.locator('#dev-department').fill(departmentId);
    await page.getByTestId('dev-submit').click();
  }

  /** A token from the dev sign-in route, for the API calls a test makes beside the browser. */
  async function mint(roles: string[], departmentId?: string): Promise<string> {
    const minted = await request(t.http).post('/api/v1/dev/tokens').send({ roles, departmentId }).expect(201);
    return minted.body.token;
  }

  /** An application submitted online today to `matterId` by a clerk of its department. */
  async function submitToday(matterId: string, token: string): Promise<{ id: string; version: number }> {
    const response = await request(t.http)
      .post('/api/v1/applications')
      .auth(token, { type: 'bearer' })
      .send(submitBody(matterId, { at: undefined }))
      .expect(201);
    return response.body;
  }

  /** Presses Tab until the element with this data-test (in the table row showing `rowText`, if given) has the focus, then Enter. */
  async function tabToAndPress(page: Page, testId: string, rowText?: string): Promise<void> {
    for (let presses = 0; presses < 150; presses++) {
      await page.keyboard.press('Tab');
      const reached = await page.evaluate<boolean>(
        `(() => {
          const target = document.activeElement?.closest(${JSON.stringify(`[data-test="${testId}"]`)});
          return !!target && (!${JSON.stringify(rowText ?? '')} || !!target.closest('tr')?.textContent?.includes(${JSON.stringify(rowText ?? '')}));
        })()`,
      );
      if (reached) {
        await page.keyboard.press('Enter');
        return;
      }
    }
    throw new Error(`the keyboard never reached ${testId}`);
  }

  /** Waits until no CSS transition or animation runs (a dialog or drawer fully in or out), then writes the screenshot. */
  async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
    // polled with evaluate: waitForFunction's string predicate is an eval the console's CSP refuses
    for (let attempt = 0; attempt < 50; attempt++) {
      if (await page.evaluate<boolean>("document.getAnimations().every((animation) => animation.playState !== 'running')")) break;
      await page.waitForTimeout(50);
    }
    await page.screenshot({ path: join(SCREENSHOTS, name), fullPage });
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
    await screenshot(page, 'board.png');
    expect(await unlabelledControls(page)).toEqual([]);
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
    // the monthly trend: one point per month of this year so far
    await page.getByTestId('trend-chart').locator('canvas').waitFor();
    await screenshot(page, 'assessment.png');
    expect(await unlabelledControls(page)).toEqual([]);

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
    await screenshot(page, 'big-screen.png', false);
    await page.close();
  });

  it('a window_staff token (pasted) sees the 窗口工作台 but neither 晾晒台 nor 考核, and is sent away from them', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/console/sign-in`);
    await page.getByTestId('token').fill(await mint(['window_staff'], DEPT_A));
    await page.getByTestId('sign-in').click();
    await page.waitForURL(/\/console\/workbench/);
    const menu = await page.getByTestId('menu').innerText();
    expect(menu).toContain('窗口工作台');
    expect(menu).not.toContain('考核');
    expect(menu).not.toContain('晾晒台');
    await page.goto(`${base}/console/assessment`);
    await page.waitForURL(/\/console\/workbench/);
    await page.close();
  });

  it('an assessor has no 窗口工作台: not in the menu, and its address leads back to the 晾晒台', async () => {
    const page = await browser.newPage();
    await devSignIn(page);
    await page.waitForURL(/\/console\/board/);
    expect(await page.getByTestId('menu').innerText()).not.toContain('窗口工作台');
    await page.goto(`${base}/console/workbench`);
    await page.waitForURL(/\/console\/board/);
    await page.close();
  });

  it('a clerk works the 窗口工作台 by keyboard: accepts, sees a refused supplement in its field, completes — and the 晾晒台 changes', async () => {
    const clerk = await mint(['window_staff'], DEPT_A);
    const matterId = await publishedMatter(t, { departmentId: DEPT_A, promisedDays: 5 });
    const first = await submitToday(matterId, clerk);
    const second = await submitToday(matterId, clerk);
    const [firstNo, secondNo] = [first.id.slice(0, 8), second.id.slice(0, 8)];

    // 网上受理率 of dept-market: no accepted application yet
    const board = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await devSignIn(board);
    await board.waitForURL(/\/console\/board/);
    const boardFigure = /dept-market\s+100\.00%\s+1 \/ 1/;
    const departmentPanel = async () => {
      await board.goto(`${base}/console/board?indicator=onlineAcceptanceRate`);
      const panel = board.getByTestId('ranking-department');
      await panel.locator('[data-test="ranking-table"], .el-empty').first().waitFor();
      return panel.innerText();
    };
    expect(await departmentPanel()).not.toMatch(boardFigure);

    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await devSignIn(page, '窗口人员', DEPT_A);
    await page.waitForURL(/\/console\/workbench/);
    const worklist = page.getByTestId('worklist');
    const row = (no: string) => worklist.locator('tr', { hasText: no });
    await row(firstNo).waitFor();
    expect(await row(firstNo).getByTestId('workdays-left').innerText()).toBe('未受理，未计时');
    expect(await row(firstNo).getByTestId('status').innerText()).toBe('待受理');

    // 受理 with the keyboard alone: Tab to the row's button, Enter; Tab to 确认, Enter
    await tabToAndPress(page, 'action-accept', firstNo);
    await page.getByTestId('action-dialog').getByTestId('confirm').waitFor();
    await tabToAndPress(page, 'confirm');
    await page.getByTestId('notice').getByText('已受理').waitFor();
    await row(firstNo).getByTestId('status').getByText('办理中').waitFor();
    // accepted today: day 0, the deadline the 5th working day after it
    expect(await row(firstNo).getByTestId('workdays-left').innerText()).toBe('剩余 5 个工作日');

    // 要求补正 without items: the API's 400 names `items`, shown under that field; then with one item
    await row(secondNo).getByTestId('action-supplement').click();
    const dialog = page.getByTestId('action-dialog');
    await dialog.getByTestId('confirm').click();
    const itemsField = dialog.locator('.el-form-item', { has: page.locator('#supplement-items') });
    await itemsField.locator('.el-form-item__error').waitFor();
    expect(await itemsField.locator('.el-form-item__error').innerText()).toMatch(/items/);
    await page.locator('#supplement-items').fill('身份证复印件\n营业执照');
    await dialog.getByTestId('confirm').click();
    await row(secondNo).getByTestId('status').getByText('待补正').waitFor();
    expect(await row(secondNo).getByTestId('workdays-left').innerText()).toBe('待补正，未计时');
    await screenshot(page, 'workbench.png');
    expect(await unlabelledControls(page)).toEqual([]);

    // 办结: approved, no visit; a completed application leaves the open list
    await row(firstNo).getByTestId('action-complete').click();
    await dialog.getByTestId('visits').waitFor();
    await dialog.getByTestId('confirm').click();
    await page.getByTestId('notice').getByText('已办结').waitFor();
    await row(firstNo).waitFor({ state: 'detached' });
    await page.close();

    // the 晾晒台 now counts the accepted application (the rankings projection catches up within moments)
    let panel = await departmentPanel();
    for (let attempt = 0; attempt < 20 && !boardFigure.test(panel); attempt++) {
      await board.waitForTimeout(250);
      panel = await departmentPanel();
    }
    expect(panel).toMatch(boardFigure);
    await board.close();
  });

  it('a 412 says another person changed the application first, and offers to reload it', async () => {
    const clerk = await mint(['window_staff'], DEPT_A);
    const matterId = await publishedMatter(t, { departmentId: DEPT_A, promisedDays: 5 });
    const application = await submitToday(matterId, clerk);
    const no = application.id.slice(0, 8);
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await devSignIn(page, '窗口人员', DEPT_A);
    await page.waitForURL(/\/console\/workbench/);
    const row = page.getByTestId('worklist').locator('tr', { hasText: no });
    await row.getByTestId('action-accept').click();
    const dialog = page.getByTestId('action-dialog');
    await dialog.getByTestId('confirm').waitFor();

    // meanwhile a colleague accepts it through the API, and the read model shows it
    const accepted = await request(t.http)
      .post(`/api/v1/applications/${application.id}/accept`)
      .auth(clerk, { type: 'bearer' })
      .send({})
      .expect(200);
    await readApplication(t, clerk, application.id, accepted.body.version);

    await dialog.getByTestId('confirm').click();
    const alert = dialog.getByTestId('action-error');
    await alert.getByText('数据已被他人修改').waitFor();
    await screenshot(page, 'workbench-412.png', false);
    await alert.getByTestId('reload').click();
    await page.getByTestId('notice').getByText('已重新载入最新数据').waitFor();
    await row.getByTestId('status').getByText('办理中').waitFor();
    await page.close();
  });

  it('an inspector logs an issue in 质检 (field errors first) and the 问题台账 open count goes up; the loop shows as a timeline', async () => {
    const matterId = await publishedMatter(t, { departmentId: DEPT_B, promisedDays: 5 });
    const code = `SX-${matterId.slice(0, 8)}`;
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await devSignIn(page, '质检员');
    await page.waitForURL(/\/console\/ledger/);
    const openCount = async () => Number((await page.getByTestId('ledger-open').locator('.count').innerText()).replace(/,/g, ''));
    await page.getByTestId('ledger-open').waitFor();
    const before = await openCount();

    await page.getByTestId('menu').getByText('质检').click();
    await page.waitForURL(/\/console\/inspection/);
    const form = page.getByTestId('log-issue');
    // nothing filled in: the API's 400 names matterId, category and description, each under its field
    await page.getByTestId('log-submit').click();
    await form.locator('.el-form-item__error').nth(2).waitFor();
    const errors = await form.locator('.el-form-item__error').allInnerTexts();
    expect(errors.join(' ')).toMatch(/matterId/);
    expect(errors.join(' ')).toMatch(/category/);
    expect(errors.join(' ')).toMatch(/description/);

    await page.getByTestId('issue-matter').click();
    await page.keyboard.type(code);
    await page.getByRole('option', { name: new RegExp(code) }).click();
    await page.getByTestId('issue-category').click();
    await page.getByRole('option', { name: '时限不一致' }).click();
    await page.locator('#issue-description').fill('承诺时限与法定时限不一致');
    await page.getByTestId('log-submit').click();
    await page.getByTestId('notice').getByText('问题已登记').waitFor();
    await page.getByTestId('issue-queue').getByText('承诺时限与法定时限不一致').waitFor();
    expect(await page.getByRole('radio', { name: '待交办' }).isChecked()).toBe(true);
    await screenshot(page, 'inspection.png');
    expect(await unlabelledControls(page)).toEqual([]);

    await page.getByTestId('menu').getByText('问题台账').click();
    await page.waitForURL(/\/console\/ledger/);
    await page.getByTestId('ledger-open').waitFor();
    for (let attempt = 0; attempt < 20 && (await openCount()) !== before + 1; attempt++) {
      await page.waitForTimeout(250);
      await page.getByTestId('query').click();
    }
    expect(await openCount()).toBe(before + 1);
    await screenshot(page, 'ledger.png');
    expect(await unlabelledControls(page)).toEqual([]);

    // the loop in 质检: 交办; the department rectifies (API); a failed verification; rectified again; verified
    const officer = await mint(['department_officer'], DEPT_B);
    const [issue] = (
      await request(t.http).get('/api/v1/quality-issues').query({ departmentId: DEPT_B }).auth(officer, { type: 'bearer' }).expect(200)
    ).body.items;
    const rectify = async (note: string) => {
      await request(t.http)
        .post(`/api/v1/quality-issues/${issue.id}/rectifications`)
        .auth(officer, { type: 'bearer' })
        .send({ note })
        .expect(200);
      // one issue's GET waits until the read model holds its stream's last event: the queue below then shows it
      await request(t.http).get(`/api/v1/quality-issues/${issue.id}`).auth(officer, { type: 'bearer' }).expect(200);
    };
    await page.getByTestId('menu').getByText('质检').click();
    await page.getByRole('radio', { name: '待交办' }).check({ force: true });
    const queue = page.getByTestId('issue-queue');
    await queue.getByTestId('assign').click();
    await page.getByTestId('notice').getByText('已交办部门整改').waitFor();
    const verify = async (passed: boolean, comment: string) => {
      await page.getByRole('radio', { name: '待验证（部门已整改）' }).check({ force: true });
      for (let attempt = 0; attempt < 20 && !(await queue.getByTestId('verify').isVisible()); attempt++) {
        await page.waitForTimeout(250);
        await page.getByRole('radio', { name: '待交办' }).check({ force: true });
        await page.getByRole('radio', { name: '待验证（部门已整改）' }).check({ force: true });
      }
      await queue.getByTestId('verify').click();
      const dialog = page.getByTestId('verify-dialog');
      if (!passed) await dialog.getByText('未通过，退回整改').click();
      await page.locator('#verify-comment').fill(comment);
      await dialog.getByTestId('verify-submit').click();
      await page
        .getByTestId('notice')
        .getByText(passed ? '验证通过，问题已销号' : '验证未通过，已退回部门整改')
        .waitFor();
    };
    await rectify('已将承诺时限改为 10 个工作日');
    await verify(false, '法定时限仍未填写');
    await rectify('已补填法定时限');
    await verify(true, '整改到位');

    await page.getByTestId('menu').getByText('问题台账').click();
    await page.getByTestId('ledger-open').waitFor();
    for (let attempt = 0; attempt < 20 && (await openCount()) !== before; attempt++) {
      await page.waitForTimeout(250);
      await page.getByTestId('query').click();
    }
    expect(await openCount()).toBe(before);
    await page.getByTestId('issue-list').locator('tr', { hasText: '承诺时限与法定时限不一致' }).getByTestId('open-issue').click();
    const timeline = page.getByTestId('issue-timeline');
    await timeline.getByText('验证通过，销号').waitFor();
    expect(await timeline.getByTestId('issue-step').allInnerTexts()).toEqual([
      '发现问题',
      '交办部门',
      '提交整改',
      '验证未通过，退回整改',
      '提交整改',
      '验证通过，销号',
    ]);
    await screenshot(page, 'ledger-timeline.png');
    await page.close();
  });

  it('效能监察: the sweep issues a red card, its department explains it, an inspector closes it; an admin verifies the audit chain', async () => {
    // an application accepted on Friday 27 September 2019 with 5 working days: due 10 October, red on the sweep of 11 October
    const clerk = await mint(['window_staff'], DEPT_A);
    const matterId = await publishedMatter(t, { departmentId: DEPT_A, promisedDays: 5 });
    const late = await request(t.http).post('/api/v1/applications').auth(clerk, { type: 'bearer' }).send(submitBody(matterId)).expect(201);
    const accepted = await request(t.http)
      .post(`/api/v1/applications/${late.body.id}/accept`)
      .auth(clerk, { type: 'bearer' })
      .send({ at: '2019-09-27T09:00:00+08:00' })
      .expect(200);
    const admin = await mint(['admin']);
    // the sweep reads the read models: once they have processed the acceptance
    await request(t.http)
      .get('/api/v1/supervision/warnings')
      .query({ asOf: '2019-10-11', minPosition: accepted.body.position })
      .auth(admin, { type: 'bearer' })
      .expect(200);
    const swept = await request(t.http)
      .post('/api/v1/supervision/sweeps')
      .auth(admin, { type: 'bearer' })
      .send({ date: '2019-10-11' })
      .expect(200);
    expect(swept.body.cardsIssued).toBe(1);
    const no = late.body.id.slice(0, 8);

    const officer = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await devSignIn(officer, '部门人员', DEPT_A);
    await officer.waitForURL(/\/console\/supervision/);
    await officer.getByTestId('warning-counts').waitFor();
    expect(await officer.getByTestId('warning-counts').innerText()).toMatch(/红牌（已超期）[1-9]\d* 件，黄牌（临近期限）\d+ 件/);
    await officer.getByRole('tab', { name: '红牌督办' }).click();
    const card = officer.getByTestId('cards').locator('tr', { hasText: no });
    for (let attempt = 0; attempt < 20 && !(await card.isVisible()); attempt++) {
      await officer.waitForTimeout(250);
      await officer.getByRole('tab', { name: '红牌督办' }).click();
      await officer.getByTestId('query').click();
    }
    await card.getByTestId('card-explain').click();
    await officer.locator('#card-text').fill('专家评审延误，已催办');
    await officer.getByTestId('card-dialog').getByTestId('confirm').click();
    await officer.getByTestId('notice').getByText('说明已提交').waitFor();
    await card.getByTestId('card-status').getByText('待审核').waitFor();
    await screenshot(officer, 'supervision.png');
    expect(await unlabelledControls(officer)).toEqual([]);
    await officer.close();

    // an inspector reviews the explanation and accepts it: the card is closed (销牌)
    const inspector = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await devSignIn(inspector, '质检员');
    await inspector.getByTestId('menu').getByText('效能监察').click();
    await inspector.getByRole('tab', { name: '红牌督办' }).click();
    const reviewed = inspector.getByTestId('cards').locator('tr', { hasText: no });
    await reviewed.getByTestId('card-review').click();
    expect(await inspector.getByTestId('card-explanation').innerText()).toContain('专家评审延误，已催办');
    await inspector.getByTestId('card-dialog').getByTestId('confirm').click();
    await inspector.getByTestId('notice').getByText('审核结论已提交').waitFor();
    await reviewed.getByTestId('card-status').getByText('已销牌').waitFor();
    await inspector.close();

    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await devSignIn(page, '系统管理员');
    await page.waitForURL(/\/console\/board/);
    await page.getByTestId('menu').getByText('审计').click();
    await page.getByTestId('audit-valid').waitFor();
    expect(await page.getByTestId('audit-valid').innerText()).toMatch(/审计链完整：[\d,]+ 条记录全部校验通过/);
    await page
      .getByTestId('audit-entries')
      .getByText(/^application\./)
      .first()
      .waitFor();
    await screenshot(page, 'audit.png');
    expect(await unlabelledControls(page)).toEqual([]);
    await page.close();
  });
});

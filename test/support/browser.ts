import { chromium, selectors, type Browser, type Page } from 'playwright-core';

/** Debian's chromium (`apt-get install chromium`; .ci/run installs it): never a browser download. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless Chromium with no traffic of its own (this machine's network is closed). */
export function launchChromium(): Promise<Browser> {
  // the console marks what tests look for with data-test=
  selectors.setTestIdAttribute('data-test');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/**
 * Runs in the page (a script string: this project compiles without the DOM's types): every
 * visible control without an accessible name — no aria-label, no aria-labelledby text, no
 * <label>, no title, and (for a button) no text.
 */
const UNLABELLED_CONTROLS = `(() => {
  const named = (element) => {
    const aria = element.getAttribute('aria-label')?.trim();
    const labelledBy = (element.getAttribute('aria-labelledby') ?? '').split(/\\s+/).some((id) => id && document.getElementById(id)?.textContent?.trim());
    const labelled = !!element.labels && [...element.labels].some((label) => label.textContent?.trim());
    const isButton = element.tagName === 'BUTTON' || element.getAttribute('role') === 'button';
    return !!(aria || labelledBy || labelled || element.title?.trim() || (isButton && element.textContent?.trim()));
  };
  const visible = (element) => element.offsetParent !== null && getComputedStyle(element).visibility !== 'hidden';
  return [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button, [role=button], [role=combobox]')]
    .filter(visible)
    .filter((element) => !named(element))
    .map((element) => element.tagName.toLowerCase() + '.' + element.className + ' in ' + (element.closest('[data-test]')?.getAttribute('data-test') ?? '?'));
})()`;

/** The page's visible controls that have no accessible name (issue 14: every control has a label). */
export const unlabelledControls = (page: Page): Promise<string[]> => page.evaluate<string[]>(UNLABELLED_CONTROLS);

// Every screen, light and dark, checked by axe-core against WCAG 2.1 A and AA: names for every
// control, roles that fit, and text contrast in both themes. The screens carry what a person
// sees in use (jobs in every state, a library of pictures, the detail view, key tests answered,
// the welcome), seeded the way `npm run screenshots` seeds them. A finding fails the test with
// its rule, its help and the elements it names.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { SEED_JOBS_STUDIO, seedJobs } from '../screenshots/seed-jobs';
import { seedLibrary } from '../screenshots/seed-library';
import { expect, test } from './harness/studio';

const SCHEMES = ['light', 'dark'] as const;

async function audit(page: Page, screen: string): Promise<string[]> {
  // Colors are judged as they settle: mid-fade (a dialog opening) they are blends of two layers.
  // Endless animations (spinners) are left running; they are not what the text sits on.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => Number.isFinite(Number(animation.effect?.getComputedTiming().endTime)))
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map(
    (violation) =>
      `${screen}: ${violation.id} (${violation.impact ?? 'unknown'}): ${violation.help}\n` +
      violation.nodes
        .slice(0, 5)
        .map((node) => `    ${node.target.join(' ')} — ${node.failureSummary?.split('\n').slice(1).join('; ') ?? ''}`)
        .join('\n'),
  );
}

async function section(page: Page, name: 'Create' | 'Activity' | 'Library' | 'Settings'): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test.describe('in use', () => {
  test.use(SEED_JOBS_STUDIO);

  test('every screen passes WCAG 2.1 AA checks in light and dark', async ({ studio }) => {
    test.setTimeout(180_000);
    await seedLibrary(studio.core, 60);
    await seedJobs(studio);
    const { page } = studio;
    await page.addInitScript(() => window.localStorage.setItem('easel.welcome.seen', '1'));
    const findings: string[] = [];
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme });
      await studio.open();

      await section(page, 'Create');
      findings.push(...(await audit(page, `create (${scheme})`)));
      await page.getByRole('main').getByRole('button', { name: /^Model:/ }).click();
      await expect(page.getByRole('listbox')).toBeVisible();
      findings.push(...(await audit(page, `model picker (${scheme})`)));
      await page.keyboard.press('Escape');

      await section(page, 'Activity');
      await expect(page.getByText(/refused|key/i).first()).toBeVisible();
      await expect(page.getByText('Not saved', { exact: true })).toBeVisible();
      await expect(page.getByText('Paused', { exact: true })).toBeVisible();
      findings.push(...(await audit(page, `activity (${scheme})`)));

      await section(page, 'Library');
      const grid = page.getByRole('grid', { name: 'Pictures' });
      await expect(grid.getByRole('gridcell').first()).toBeVisible();
      findings.push(...(await audit(page, `library (${scheme})`)));
      await grid.getByRole('gridcell').first().click();
      await expect(page.getByRole('dialog')).toBeVisible();
      findings.push(...(await audit(page, `picture detail (${scheme})`)));
      await page.keyboard.press('Escape');
      await page.getByRole('searchbox', { name: 'Search prompts' }).fill('submarine');
      await expect(page.getByText('No pictures match “submarine”')).toBeVisible();
      findings.push(...(await audit(page, `library, no match (${scheme})`)));
      await page.getByRole('button', { name: 'Clear search', exact: true }).click();

      await section(page, 'Settings');
      await page.getByRole('button', { name: 'Test the revid key' }).click();
      await expect(page.getByText(/The key works/)).toBeVisible();
      findings.push(...(await audit(page, `settings (${scheme})`)));
    }
    expect(findings, findings.join('\n')).toEqual([]);
  });
});

test('the welcome passes WCAG 2.1 AA checks in light and dark', async ({ studio }) => {
  for (const scheme of SCHEMES) {
    await studio.page.emulateMedia({ colorScheme: scheme });
    await studio.page.evaluate(() => window.localStorage.clear()).catch(() => undefined);
    await studio.open();
    await expect(studio.page.getByRole('dialog', { name: 'Welcome to Easel' })).toBeVisible();
    const findings = await audit(studio.page, `welcome (${scheme})`);
    expect(findings, findings.join('\n')).toEqual([]);
  }
});

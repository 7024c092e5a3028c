import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { appMenuTemplate } from '../../electron/main/app-menu';

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((menu) => [menu, ...(Array.isArray(menu.submenu) ? items(menu.submenu) : [])]);
}

function build(platform: NodeJS.Platform, devTools = false) {
  const send = vi.fn();
  const template = appMenuTemplate({ platform, appName: 'Easel', devTools, send });
  const all = items(template);
  const byLabel = (label: string) => all.find((item) => item.label === label || item.label === `${label}…`);
  return { template, all, send, byLabel };
}

describe('application menu', () => {
  it('gives macOS its app menu with Settings… on ⌘, and the standard roles', () => {
    const { template, byLabel, all } = build('darwin');
    expect(template[0]?.label).toBe('Easel');
    const appRoles = (template[0]?.submenu as MenuItemConstructorOptions[]).map((i) => i.role ?? i.label);
    expect(appRoles).toEqual(expect.arrayContaining(['about', 'Settings…', 'services', 'hide', 'hideOthers', 'quit']));
    expect(byLabel('Settings')?.accelerator).toBe('Cmd+,');
    expect(all.some((i) => i.role === 'windowMenu')).toBe(true);
    expect(all.some((i) => i.role === 'pasteAndMatchStyle')).toBe(true);
  });

  it('puts Settings (Ctrl+,) and Quit in File on Windows and Linux, with mnemonics', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const { template, byLabel, all } = build(platform);
      expect(template[0]?.label).toBe('&File');
      expect(byLabel('Settings')?.accelerator).toBe('Ctrl+,');
      expect(all.find((i) => i.role === 'quit')?.accelerator).toBe(platform === 'win32' ? 'Alt+F4' : 'Ctrl+Q');
      expect(all.some((i) => i.role === 'services')).toBe(false);
    }
  });

  it('sends each Easel command to the page, with its shortcut', () => {
    const { byLabel, send } = build('linux');
    const expected: Array<[string, string, string]> = [
      ['New Generation', 'new-generation', 'CmdOrCtrl+N'],
      ['Settings', 'open-settings', 'Ctrl+,'],
      ['Activity', 'show-activity', 'CmdOrCtrl+2'],
      ['Library', 'show-library', 'CmdOrCtrl+3'],
      ['Search the Library', 'focus-search', 'CmdOrCtrl+F'],
    ];
    for (const [label, command, accelerator] of expected) {
      const item = byLabel(label);
      expect(item?.accelerator, label).toBe(accelerator);
      (item?.click as () => void)();
      expect(send).toHaveBeenLastCalledWith(command);
    }
  });

  it('offers reload and developer tools only in development', () => {
    expect(build('linux').all.some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(build('linux', true).all.some((i) => i.role === 'toggleDevTools')).toBe(true);
  });

  it('has no two items on one shortcut', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const accelerators = build(platform).all.flatMap((i) => (i.accelerator ? [String(i.accelerator)] : []));
      expect(new Set(accelerators).size, platform).toBe(accelerators.length);
    }
  });
});

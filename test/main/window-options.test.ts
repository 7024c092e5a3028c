import { describe, expect, it } from 'vitest';
import { mainWindowOptions, secureWebPreferences } from '../../electron/main/window-options';

const input = { preloadPath: '/app/out/preload/preload.cjs', devTools: false, backgroundColor: '#000000' };

describe('main window options', () => {
  it('isolate the page from Node and from the preload', () => {
    const prefs = secureWebPreferences(input);
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keep web security on and refuse insecure content, webviews and experiments', () => {
    const prefs = secureWebPreferences(input);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
  });

  it('load the bundled CommonJS preload and no other script', () => {
    const prefs = secureWebPreferences(input);
    expect(prefs.preload).toBe('/app/out/preload/preload.cjs');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('offer developer tools only when asked (unpackaged runs)', () => {
    expect(secureWebPreferences({ ...input, devTools: true }).devTools).toBe(true);
    expect(secureWebPreferences(input).devTools).toBe(false);
  });

  it('open the window hidden until its first frame, with the secure preferences', () => {
    const options = mainWindowOptions(input);
    expect(options.show).toBe(false);
    expect(options.title).toBe('Easel');
    expect(options.backgroundColor).toBe('#000000');
    expect(options.webPreferences).toEqual(secureWebPreferences(input));
  });
});

// Types for electron-binary.mjs, so TypeScript tests can import it.
export declare const SKIPPED_ELECTRON_MESSAGE: string;
export declare function failedElectronMessage(reason: string): string;
export declare function electronPackageDir(fromUrl?: string): string | null;
export declare function findElectronBinary(options?: { packageDir?: string | null; env?: NodeJS.ProcessEnv }): string | null;

export type InstallOutcome = { ok: true } | { ok: false; reason: string };
export declare function runElectronInstaller(packageDir: string): InstallOutcome;

export type EnsuredBinary = { binary: string } | { binary: null; message: string };
export declare function ensureElectronBinary(options?: {
  packageDir?: string | null;
  env?: NodeJS.ProcessEnv;
  install?: (packageDir: string) => InstallOutcome;
  say?: (line: string) => void;
}): EnsuredBinary;

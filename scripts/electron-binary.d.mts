// Types for electron-binary.mjs, so TypeScript tests can import it.
export declare const MISSING_ELECTRON_MESSAGE: string;
export declare function electronPackageDir(fromUrl?: string): string | null;
export declare function findElectronBinary(options?: {
  packageDir?: string | null;
  env?: NodeJS.ProcessEnv;
}): string | null;

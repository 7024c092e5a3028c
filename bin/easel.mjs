#!/usr/bin/env node
// The `easel` command. It runs the TypeScript sources through tsx, so a checkout works right
// after `npm install` with no build step and no Electron binary.
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli/main.ts');

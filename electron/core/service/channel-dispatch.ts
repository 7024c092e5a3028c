// One call across the bridge, the same for every host (Electron's ipcMain, the browser test
// harness): parse the input with the channel's schema, call the handler, parse the output, and
// wrap the answer in an envelope. Errors leave as { code, message }: redacted of every stored key,
// never a stack. The host checks who is calling before it gets here.
import { contract, isChannelName, type BridgeErrorInfo, type BridgeResult, type ChannelName, type EaselHandlers } from '../../../shared/contract';
import { isEaselError } from '../errors/easel-error';
import { redact } from '../http/redact';

export interface DispatchOptions {
  /** Every stored key, for scrubbing error messages (the vault decrypts them, so it may wait). */
  secrets(): readonly string[] | Promise<readonly string[]>;
  /** Diagnostics for the developer (main's console); never sent to the window. */
  log?(message: string): void;
}

const MAX_MESSAGE = 2000;

export async function dispatchChannel(handlers: EaselHandlers, channel: unknown, rawInput: unknown, options: DispatchOptions): Promise<BridgeResult<unknown>> {
  if (!isChannelName(channel)) return failure({ code: 'UNKNOWN_CHANNEL', message: 'Easel has no such call.' });
  const spec = contract[channel];
  const shape = plainDataProblem(rawInput);
  if (shape !== null) return failure({ code: 'INVALID_INPUT', message: `${channel} was called with invalid input: ${shape}.` });
  const input = spec.input.safeParse(rawInput);
  if (!input.success) {
    // Paths and zod's messages only, never the values: a bad keys.set input holds a key.
    const issues = input.error.issues.map((issue) => `${issue.path.map(String).join('.') || 'input'}: ${issue.message}`);
    return failure({ code: 'INVALID_INPUT', message: clip(`${channel} was called with invalid input: ${issues.join('; ')}.`) });
  }
  let value: unknown;
  try {
    const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
    value = await handler(input.data);
  } catch (error) {
    return failure(await toBridgeError(error, channel, options));
  }
  const output = spec.output.safeParse(value);
  if (!output.success) {
    options.log?.(`${channel} produced an answer outside the contract: ${output.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return failure({ code: 'INTERNAL', message: `Easel could not answer ${channel} (its answer did not match the contract).` });
  }
  return { ok: true, value: output.data };
}

export async function toBridgeError(error: unknown, channel: ChannelName, options: DispatchOptions): Promise<BridgeErrorInfo> {
  let secrets: readonly string[];
  try {
    secrets = await options.secrets();
  } catch {
    // Without the keys nothing can be scrubbed, so no message leaves: only the code.
    options.log?.(`${channel} failed, and the stored keys could not be read to redact the error.`);
    return { code: isEaselError(error) ? error.code : 'INTERNAL', message: 'Something went wrong inside Easel.' };
  }
  if (isEaselError(error)) return { code: error.code, message: clip(redact(error.message, secrets)) };
  const message = error instanceof Error ? error.message : String(error);
  options.log?.(redact(`${channel} failed: ${error instanceof Error && error.stack ? error.stack : message}`, secrets));
  return { code: 'INTERNAL', message: clip(redact(`Something went wrong inside Easel: ${message}`, secrets)) };
}

const MAX_DEPTH = 8;
const MAX_NODES = 10_000;

/**
 * The contract carries JSON-like data only. A structured clone can also carry Dates, Maps, typed
 * arrays and cycles, which a zod object schema would read as an empty object; they are refused
 * here, before the schema, along with absurdly deep or large inputs and own "__proto__" keys.
 */
export function plainDataProblem(value: unknown): string | null {
  let nodes = 0;
  const visit = (current: unknown, depth: number): string | null => {
    if (++nodes > MAX_NODES) return 'it is too large';
    if (current === null || current === undefined) return null;
    const type = typeof current;
    if (type === 'string' || type === 'number' || type === 'boolean') return null;
    if (type !== 'object') return `it holds a ${type}`;
    if (depth >= MAX_DEPTH) return 'it is nested too deeply';
    const proto: unknown = Object.getPrototypeOf(current);
    if (Array.isArray(current)) {
      if (proto !== Array.prototype) return 'it holds an unusual array';
      for (const item of current) {
        const problem = visit(item, depth + 1);
        if (problem) return problem;
      }
      return null;
    }
    if (proto !== Object.prototype && proto !== null) return 'it holds an object that is not plain data';
    // zod drops such a key from records silently; refusing it says plainly that it was seen.
    if (Object.hasOwn(current, '__proto__')) return 'it holds a "__proto__" key';
    for (const item of Object.values(current as Record<string, unknown>)) {
      const problem = visit(item, depth + 1);
      if (problem) return problem;
    }
    return null;
  };
  return visit(value, 0);
}

function failure(error: BridgeErrorInfo): BridgeResult<never> {
  return { ok: false, error };
}

function clip(text: string): string {
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text;
}

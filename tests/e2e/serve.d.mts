/** The repository root. */
export const ROOT: string;
/** The folder the app is built into and served from. */
export const OUT_DIR: string;
/** Whether the build output is missing or older than a source file. */
export function buildIsStale(): boolean;
/** Runs `vite build` when needed (or always with force / E2E_BUILD=always); true if it built. */
export function ensureBuild(options?: { force?: boolean; log?: (msg: string) => void }): boolean;
/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number>;
/** Serves the build with `vite preview`; baseURL ends with "/" and includes the base path. */
export function startPreview(): Promise<{ baseURL: string; close: () => Promise<void> }>;
/** Throws unless a deep link and an unknown path are both answered with index.html. */
export function checkSpaFallback(baseURL: string): Promise<void>;
/** Page ids of the built formula pages (entries with `load`), in the registry's order. */
export function builtPageIds(): Promise<string[]>;
